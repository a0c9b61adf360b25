package org.presstrace.registry;

import java.time.LocalDate;

/** The holder moved the item to another storage location (in {@code details}). */
public record MachineRelocated(
    String machineId, String holder, String details, LocalDate occurredOn) implements CustodyEvent {

  @Override
  public String toRegistrant() {
    return holder;
  }

  @Override
  public ReportKind reportKind() {
    return ReportKind.RELOCATION;
  }
}
