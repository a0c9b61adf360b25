package org.presstrace.registry;

import java.time.LocalDate;

/** The holder reported the item stolen. */
public record MachineReportedStolen(
    String machineId, String holder, String details, LocalDate occurredOn) implements CustodyEvent {

  @Override
  public String fromRegistrant() {
    return holder;
  }

  @Override
  public ReportKind reportKind() {
    return ReportKind.THEFT;
  }
}
