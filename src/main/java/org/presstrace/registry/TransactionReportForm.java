package org.presstrace.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * What a registrant files on a Form 452-like transaction report, and on each amendment.
 *
 * @param direction IMPORT or EXPORT
 * @param purpose why the equipment moves (resale, own manufacture, return for repair, …)
 * @param proposedOn the proposed day of the movement
 * @param port the port of entry (import) or exit (export)
 * @param broker the customs broker or freight forwarder, if any
 * @param machines the equipment moved
 * @param methodOfTransfer a {@link TransferMethod} name; optional
 * @param purchaserIdType a {@link PurchaserIdType} name; given with {@code purchaserIdNumber}
 * @param purchaserIdNumber the number of the purchaser's identification; given with its type
 */
public record TransactionReportForm(
    ReportKind direction,
    String purpose,
    LocalDate proposedOn,
    String port,
    Party importer,
    Party exporter,
    Party consignee,
    String broker,
    List<ReportedItem> machines,
    String methodOfTransfer,
    String purchaserIdType,
    String purchaserIdNumber) {

  /** A report without the method of transfer and the purchaser's identification. */
  public TransactionReportForm(
      ReportKind direction,
      String purpose,
      LocalDate proposedOn,
      String port,
      Party importer,
      Party exporter,
      Party consignee,
      String broker,
      List<ReportedItem> machines) {
    this(
        direction,
        purpose,
        proposedOn,
        port,
        importer,
        exporter,
        consignee,
        broker,
        machines,
        null,
        null,
        null);
  }
}
