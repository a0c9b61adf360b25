package org.presstrace.registry;

import java.time.LocalDate;

/** The holder reported the item stolen. */
public record MachineReportedStolen(
    String machineId, String holder, String details, LocalDate occurredOn, LocalDate discoveredOn)
    implements CustodyEvent {

  /** Reported stolen and discovered the day it happened. */
  public MachineReportedStolen(
      String machineId, String holder, String details, LocalDate occurredOn) {
    this(machineId, holder, details, occurredOn, null);
  }

  @Override
  public String fromRegistrant() {
    return holder;
  }

  @Override
  public ReportKind reportKind() {
    return ReportKind.THEFT;
  }
}
