package org.presstrace.registry;

import java.time.Instant;

/**
 * The buyer's receipt of one transfer: the custody event {@code seq} of machine {@code machineId}.
 *
 * @param serialRead the serial the buyer read off the plate, if it gave one
 */
public record TransferReceipt(
    String machineId,
    int seq,
    String seller,
    String buyer,
    ReceiptStatus status,
    Instant openedAt,
    Instant answeredAt,
    String answeredBy,
    String serialRead,
    String note) {}
