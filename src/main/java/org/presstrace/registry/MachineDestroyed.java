package org.presstrace.registry;

import java.time.LocalDate;

/** The item was destroyed, by its holder or by the agency holding it ({@code agency} set). */
public record MachineDestroyed(
    String machineId, String agency, String holder, String details, LocalDate occurredOn)
    implements CustodyEvent {

  @Override
  public String fromRegistrant() {
    return agency == null ? holder : null;
  }

  @Override
  public ReportKind reportKind() {
    return agency == null ? ReportKind.DESTRUCTION : null;
  }
}
