package org.presstrace.registry;

import java.time.LocalDate;

/** The holder reported the item lost. */
public record MachineReportedLost(
    String machineId, String holder, String details, LocalDate occurredOn, LocalDate discoveredOn)
    implements CustodyEvent {

  /** Reported lost and discovered the day it happened. */
  public MachineReportedLost(
      String machineId, String holder, String details, LocalDate occurredOn) {
    this(machineId, holder, details, occurredOn, null);
  }

  @Override
  public String fromRegistrant() {
    return holder;
  }

  @Override
  public ReportKind reportKind() {
    return ReportKind.LOSS;
  }
}
