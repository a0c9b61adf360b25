package org.presstrace.registry;

import java.time.LocalDate;

/** The item left the country under a filed export transaction report. */
public record MachineExported(
    String machineId, String exporter, String transactionId, String details, LocalDate occurredOn)
    implements CustodyEvent {

  @Override
  public String fromRegistrant() {
    return exporter;
  }

  @Override
  public ReportKind reportKind() {
    return ReportKind.EXPORT;
  }
}
