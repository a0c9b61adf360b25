package org.presstrace.registry;

import java.time.LocalDate;

/** The holder reported the item lost. */
public record MachineReportedLost(
    String machineId, String holder, String details, LocalDate occurredOn) implements CustodyEvent {

  @Override
  public String fromRegistrant() {
    return holder;
  }

  @Override
  public ReportKind reportKind() {
    return ReportKind.LOSS;
  }
}
