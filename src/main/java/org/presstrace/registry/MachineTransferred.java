package org.presstrace.registry;

import java.time.Instant;
import java.time.LocalDate;

/** A seller shipped the item to a buyer after checking the buyer's registration. */
public record MachineTransferred(
    String machineId,
    String seller,
    String buyer,
    String buyerRegistration,
    Instant buyerCheckedAt,
    LocalDate occurredOn)
    implements CustodyEvent {

  @Override
  public String fromRegistrant() {
    return seller;
  }

  @Override
  public String toRegistrant() {
    return buyer;
  }

  @Override
  public ReportKind reportKind() {
    return ReportKind.TRANSFER;
  }
}
