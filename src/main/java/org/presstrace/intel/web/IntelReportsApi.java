package org.presstrace.intel.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.presstrace.access.AccessContext;
import org.presstrace.access.CallerContext;
import org.presstrace.access.CallerContext.PurposeFrom;
import org.presstrace.access.Channel;
import org.presstrace.access.ExportBanner;
import org.presstrace.intel.IntelReports;
import org.presstrace.intel.IntelRevision;
import org.presstrace.shared.CsvField;
import org.presstrace.shared.Page;
import org.presstrace.shared.PageQuery;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Intelligence reports over the API. Every read states its purpose in {@code PressTrace-Purpose}.
 */
@RestController
@RequestMapping("/api/v1/intel-reports")
@Tag(name = "Intelligence reports")
class IntelReportsApi {

  private final IntelReports reports;

  IntelReportsApi(IntelReports reports) {
    this.reports = reports;
  }

  @PostMapping
  @Operation(summary = "File a report owned by your agency")
  ResponseEntity<IntelReportResponse> create(
      @Valid @RequestBody IntelReportRequest request,
      @CallerContext(purposeFrom = PurposeFrom.HEADER) AccessContext context) {
    var report = reports.create(context, request.toDraft(context.caller().agency()));
    return ResponseEntity.created(URI.create("/api/v1/intel-reports/" + report.id()))
        .body(IntelReportResponse.of(report));
  }

  @PutMapping("/{id}")
  @Operation(
      summary = "Change a report of your agency (optimistic: state the version you read)",
      description =
          "Investigators and supervisors of the owning agency only. Text changes and a tightened"
              + " marking apply at once. A loosened marking (lower TLP; compartment, NOFORN, REL TO"
              + " or CUI category removed; REL TO widened) needs a justification and waits for a"
              + " different supervisor of the agency (see /api/v1/marking-changes); until then the"
              + " report keeps its marking and the response names the pending change.")
  IntelReportResponse update(
      @PathVariable String id,
      @RequestParam int version,
      @Valid @RequestBody IntelReportRequest request,
      AccessContext context) {
    return IntelReportResponse.of(
        reports.update(
            context,
            id,
            request.toDraft(context.caller().agency()),
            version,
            request.justification()));
  }

  @GetMapping("/{id}")
  @Operation(summary = "Read one report")
  IntelReportResponse get(@PathVariable String id, AccessContext context) {
    return IntelReportResponse.of(reports.get(context, id));
  }

  @GetMapping
  @Operation(summary = "List or search (q) the reports you may read")
  Page<IntelReportResponse> list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      AccessContext context) {
    return reports.page(context, q, PageQuery.of(page, size)).map(IntelReportResponse::of);
  }

  @GetMapping("/count")
  @Operation(summary = "Count the reports you may read (optionally matching q)")
  Map<String, Long> count(@RequestParam(required = false) String q, AccessContext context) {
    return Map.of("count", reports.count(context, q));
  }

  @GetMapping("/stats/by-tlp")
  @Operation(summary = "The reports you may read, counted by TLP level")
  Map<String, Long> byTlp(@RequestParam(required = false) String q, AccessContext context) {
    return reports.countByTlp(context, q);
  }

  @GetMapping("/{id}/history")
  @Operation(summary = "Every version of one report")
  List<IntelRevision> history(@PathVariable String id, AccessContext context) {
    return reports.history(context, id);
  }

  @GetMapping(value = "/export", produces = "text/csv")
  @Operation(summary = "Export the reports you may read as CSV")
  void export(
      @RequestParam(required = false) String q, AccessContext context, HttpServletResponse response)
      throws IOException {
    var buffer = new java.io.StringWriter();
    var csv = new PrintWriter(buffer);
    csv.print("id,title,marking,owner_agency,created_by,created_at\r\n");
    var markings = new java.util.ArrayList<org.presstrace.access.Marking>();
    reports.export(
        context.via(Channel.EXPORT),
        q,
        report -> {
          markings.add(report.marking());
          csv.print(
              String.join(
                      ",",
                      CsvField.of(report.id()),
                      CsvField.of(report.title()),
                      CsvField.of(report.marking().banner()),
                      CsvField.of(report.marking().ownerAgency()),
                      CsvField.of(report.createdBy()),
                      CsvField.of(report.createdAt().toString()))
                  + "\r\n");
        });
    csv.flush();
    String banner = ExportBanner.of(markings);
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"intel-reports.csv\"");
    response.setHeader(ExportBanner.HEADER, banner);
    response
        .getOutputStream()
        .write((ExportBanner.csvLine(banner) + buffer).getBytes(StandardCharsets.UTF_8));
  }
}
