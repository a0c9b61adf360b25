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
    List<ReportedItem> machines) {}
