package org.presstrace.registry;

import java.time.LocalDate;

/** Equipment already held when it was first registered (an acquisition before the registry). */
public record MachineDeclared(String machineId, String holder, LocalDate occurredOn, String details)
    implements CustodyEvent {

  @Override
  public String toRegistrant() {
    return holder;
  }

  @Override
  public ReportKind reportKind() {
    return ReportKind.ACQUISITION;
  }
}
