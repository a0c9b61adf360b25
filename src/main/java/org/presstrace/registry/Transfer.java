package org.presstrace.registry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A sale reported by the seller, with the records 21 CFR 1310.06(a) wants of it and the order's
 * oral notice to DEA (21 CFR 1310.05).
 *
 * @param buyerRegistration the buyer's registration number (or DEA number) as the seller checked it
 * @param buyerCheckedAt when the seller checked it
 * @param shippedOn the day of shipment; the report is due 15 days later by default
 * @param methodOfTransfer a {@link TransferMethod} name; optional
 * @param purchaserIdType a {@link PurchaserIdType} name; given with {@code purchaserIdNumber}
 * @param purchaserIdNumber the number of the purchaser's identification; given with its type
 * @param orderedOn the day the order was placed; optional, not after shipment
 * @param oralNoticeAt when DEA was told of the order orally; optional, not in the future
 */
public record Transfer(
    String buyerRegistration,
    Instant buyerCheckedAt,
    LocalDate shippedOn,
    String methodOfTransfer,
    String purchaserIdType,
    String purchaserIdNumber,
    LocalDate orderedOn,
    Instant oralNoticeAt) {

  /** A sale without its records beyond the buyer's check. */
  public Transfer(String buyerRegistration, Instant buyerCheckedAt, LocalDate shippedOn) {
    this(buyerRegistration, buyerCheckedAt, shippedOn, null, null, null, null, null);
  }
}
