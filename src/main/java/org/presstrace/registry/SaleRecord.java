package org.presstrace.registry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The record of a domestic sale kept beside its transfer custody event: the seller's details and
 * the buyer's receipt. Each field but {@code receipt} is null when the seller did not give it.
 *
 * @param methodOfTransfer a {@link TransferMethod} name
 * @param purchaserIdType a {@link PurchaserIdType} name
 * @param orderedOn the day the order was placed
 * @param oralNoticeAt when DEA was told of the order orally
 * @param receipt where the buyer's receipt stands
 */
public record SaleRecord(
    String methodOfTransfer,
    String purchaserIdType,
    String purchaserIdNumber,
    LocalDate orderedOn,
    Instant oralNoticeAt,
    ReceiptStatus receipt) {}
