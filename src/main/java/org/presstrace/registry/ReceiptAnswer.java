package org.presstrace.registry;

/**
 * The buyer's answer to a transfer recorded to it.
 *
 * @param outcome {@code CONFIRMED} (received) or {@code DISPUTED} (not received as recorded)
 * @param serial the serial as read off the plate on receipt; optional, and when it reads another
 *     serial than the one recorded the receipt is MISMATCHED
 * @param note what was wrong; required for a dispute
 */
public record ReceiptAnswer(String outcome, String serial, String note) {}
