package org.presstrace.registry;

import java.util.List;

/**
 * Equipment just registered, with what its registrant should check: a serial of the same make that
 * only looks like this one (B and 8, S and 5) is a warning to check the plate, never a refusal.
 *
 * @param machine the registered item
 * @param warnings what to check, each naming only equipment the registrant holds; empty when none
 */
public record MachineRegistration(MachineView machine, List<String> warnings) {

  public MachineRegistration {
    warnings = List.copyOf(warnings);
  }
}
