package org.presstrace.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One version of a transaction report: the original, an amendment, or the withdrawal (which repeats
 * the last content with its reason).
 *
 * @param submission ORIGINAL, AMENDED or WITHDRAWN
 * @param reason why it was amended or withdrawn; {@code null} for the original
 * @param methodOfTransfer how the equipment moves, a {@link TransferMethod} name; null when not
 *     given
 * @param purchaserIdType the type of the purchaser's identification; null when not given
 * @param purchaserIdNumber its number; null when not given
 */
public record TransactionReportVersion(
    int version,
    String submission,
    String purpose,
    LocalDate proposedOn,
    String port,
    Party importer,
    Party exporter,
    Party consignee,
    String broker,
    String reason,
    String filedBy,
    Instant filedAt,
    List<ReportedItem> machines,
    String methodOfTransfer,
    String purchaserIdType,
    String purchaserIdNumber) {

  /** This version with {@code items} as its equipment. */
  public TransactionReportVersion withMachines(List<ReportedItem> items) {
    return new TransactionReportVersion(
        version,
        submission,
        purpose,
        proposedOn,
        port,
        importer,
        exporter,
        consignee,
        broker,
        reason,
        filedBy,
        filedAt,
        items,
        methodOfTransfer,
        purchaserIdType,
        purchaserIdNumber);
  }
}
