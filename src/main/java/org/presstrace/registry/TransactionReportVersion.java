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
    List<ReportedItem> machines) {}
