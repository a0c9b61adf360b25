package org.presstrace.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.presstrace.access.AccessContext;
import org.presstrace.access.CallerContext;
import org.presstrace.access.CallerContext.PurposeFrom;
import org.presstrace.registry.Party;
import org.presstrace.registry.ReportKind;
import org.presstrace.registry.ReportedItem;
import org.presstrace.registry.TransactionReportDetail;
import org.presstrace.registry.TransactionReportForm;
import org.presstrace.registry.TransactionReportView;
import org.presstrace.registry.TransactionReports;
import org.presstrace.shared.Page;
import org.presstrace.shared.PageQuery;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Form 452-like import and export transaction reports. Reads state their purpose in {@code
 * PressTrace-Purpose} (or a {@code purpose} parameter) and go through the access policy: a
 * registrant reads its own reports, domestic government readers all.
 */
@RestController
@RequestMapping("/api/v1/registry/transaction-reports")
@Tag(name = "Registry")
class TransactionReportsApi {

  private final TransactionReports reports;

  TransactionReportsApi(TransactionReports reports) {
    this.reports = reports;
  }

  /** The original report, or an amendment with its reason. */
  record ReportRequest(
      ReportKind direction,
      String purpose,
      LocalDate proposedOn,
      String port,
      Party importer,
      Party exporter,
      Party consignee,
      String broker,
      List<ReportedItem> machines,
      String reason,
      String methodOfTransfer,
      String purchaserIdType,
      String purchaserIdNumber) {

    TransactionReportForm form() {
      return new TransactionReportForm(
          direction,
          purpose,
          proposedOn,
          port,
          importer,
          exporter,
          consignee,
          broker,
          machines,
          methodOfTransfer,
          purchaserIdType,
          purchaserIdNumber);
    }
  }

  /** A withdrawal with its reason. */
  record WithdrawalRequest(String reason) {}

  @PostMapping
  @Operation(summary = "File an import or export transaction report; returns its transaction id")
  ResponseEntity<TransactionReportView> file(
      @RequestBody ReportRequest request,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    var report = reports.file(context, request.form());
    return ResponseEntity.created(
            URI.create("/api/v1/registry/transaction-reports/" + report.transactionId()))
        .body(report);
  }

  @PostMapping("/{id}/amendments")
  @Operation(summary = "Amend a report: a new version with a reason; every version is kept")
  TransactionReportView amend(
      @PathVariable String id,
      @RequestBody ReportRequest request,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return reports.amend(context, id, request.form(), request.reason());
  }

  @PostMapping("/{id}/withdrawal")
  @Operation(summary = "Withdraw a report (final)")
  TransactionReportView withdraw(
      @PathVariable String id,
      @RequestBody WithdrawalRequest request,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return reports.withdraw(context, id, request.reason());
  }

  @GetMapping
  @Operation(summary = "The reports you may read (registrants: their own)")
  Page<TransactionReportView> list(
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      AccessContext context) {
    return reports.page(context, PageQuery.of(page, size));
  }

  @GetMapping("/{id}")
  @Operation(summary = "One report with its full amendment history")
  TransactionReportDetail one(@PathVariable String id, AccessContext context) {
    return reports.detail(context, id);
  }
}
