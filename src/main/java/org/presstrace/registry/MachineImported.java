package org.presstrace.registry;

import java.time.LocalDate;

/** A registered importer brought the item in under a filed import transaction report. */
public record MachineImported(
    String machineId, String importer, String transactionId, LocalDate occurredOn)
    implements CustodyEvent {

  @Override
  public String toRegistrant() {
    return importer;
  }

  @Override
  public ReportKind reportKind() {
    return ReportKind.IMPORT;
  }
}
