package org.presstrace.registry;

import java.time.LocalDate;

/** A lost, stolen or seized item went back to its last lawful holder. */
public record MachineRecovered(
    String machineId, String holder, String details, LocalDate occurredOn) implements CustodyEvent {

  @Override
  public String toRegistrant() {
    return holder;
  }
}
