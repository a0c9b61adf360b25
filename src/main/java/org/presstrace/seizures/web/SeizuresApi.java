package org.presstrace.seizures.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.presstrace.access.AccessContext;
import org.presstrace.access.CallerContext;
import org.presstrace.access.CallerContext.PurposeFrom;
import org.presstrace.access.Channel;
import org.presstrace.access.ExportBanner;
import org.presstrace.seizures.DoseMethod;
import org.presstrace.seizures.DoseSettings;
import org.presstrace.seizures.ImportReport;
import org.presstrace.seizures.SeizureAnalytics;
import org.presstrace.seizures.SeizureDetail;
import org.presstrace.seizures.SeizureFilter;
import org.presstrace.seizures.SeizureView;
import org.presstrace.seizures.Seizures;
import org.presstrace.seizures.SeriesRow;
import org.presstrace.shared.CsvField;
import org.presstrace.shared.Page;
import org.presstrace.shared.PageQuery;
import org.presstrace.shared.Utf8Text;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Seizure reports, their analytics and bulk import over the API. Reads state a purpose. */
@RestController
@RequestMapping("/api/v1/seizures")
@Tag(name = "Seizures")
class SeizuresApi {

  private final Seizures seizures;
  private final SeizureAnalytics analytics;

  SeizuresApi(Seizures seizures, SeizureAnalytics analytics) {
    this.seizures = seizures;
    this.analytics = analytics;
  }

  @PostMapping
  @Operation(summary = "Report a seizure owned by your agency")
  ResponseEntity<SeizureDetail> report(
      @RequestBody SeizureRequest request,
      @CallerContext(purposeFrom = PurposeFrom.HEADER) AccessContext context) {
    SeizureDetail detail = seizures.report(context, request.toDraft(context.caller().agency()));
    return ResponseEntity.created(URI.create("/api/v1/seizures/" + detail.seizure().id()))
        .body(detail);
  }

  @PostMapping(value = "/import", consumes = "multipart/form-data")
  @Operation(summary = "Import seizures from CSV, all or nothing, with a validation report")
  ResponseEntity<ImportReport> importCsv(
      @RequestParam("file") MultipartFile file,
      @CallerContext(purposeFrom = PurposeFrom.HEADER) AccessContext context)
      throws IOException {
    ImportReport report =
        seizures.importCsv(context, new StringReader(Utf8Text.decode(file.getBytes())));
    return ResponseEntity.status(report.accepted() ? 201 : 422).body(report);
  }

  @GetMapping
  @Operation(summary = "List the seizures you may read, newest first")
  Page<SeizureView> list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String context,
      @RequestParam(required = false) Integer fiscalYear,
      @RequestParam(required = false) String fromMonth,
      @RequestParam(required = false) String toMonth,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      @CallerContext(purposeFrom = PurposeFrom.HEADER_OR_SAME_PARAMETER) AccessContext access) {
    return seizures.page(
        access,
        new SeizureFilter(q, region, context, fiscalYear, fromMonth, toMonth),
        PageQuery.of(page, size));
  }

  @GetMapping("/{id}")
  @Operation(summary = "One seizure with items, dose estimates, equipment and parties")
  SeizureDetail get(
      @PathVariable String id,
      @CallerContext(purposeFrom = PurposeFrom.HEADER_OR_SAME_PARAMETER) AccessContext context) {
    return seizures.get(context, id);
  }

  @GetMapping("/parties")
  @Operation(summary = "Search people, companies and vehicles named in seizures you may read")
  Page<SeizureDetail.Party> parties(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      @CallerContext(purposeFrom = PurposeFrom.HEADER_OR_SAME_PARAMETER) AccessContext context) {
    return seizures.parties(context, q, PageQuery.of(page, size));
  }

  @GetMapping(value = "/export", produces = "text/csv")
  @Operation(summary = "Export the seizures you may read as CSV")
  void export(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String context,
      @RequestParam(required = false) Integer fiscalYear,
      @CallerContext(purposeFrom = PurposeFrom.HEADER_OR_SAME_PARAMETER) AccessContext access,
      HttpServletResponse response)
      throws IOException {
    var buffer = new StringWriter();
    buffer.write(
        "id,reference,occurred_at,zone,context,port_of_entry,region,items,presses,equipment,"
            + "unregistered,marking,owner_agency\r\n");
    var markings = new java.util.ArrayList<org.presstrace.access.Marking>();
    seizures.export(
        access.via(Channel.EXPORT),
        new SeizureFilter(q, region, context, fiscalYear, null, null),
        seizure -> {
          markings.add(seizure.marking());
          buffer.write(
              String.join(
                      ",",
                      CsvField.of(seizure.id()),
                      CsvField.of(seizure.reference()),
                      CsvField.of(seizure.occurredAt().toString()),
                      CsvField.of(seizure.zone()),
                      CsvField.of(seizure.context().name()),
                      CsvField.of(seizure.portOfEntry()),
                      CsvField.of(seizure.region()),
                      Integer.toString(seizure.itemCount()),
                      Integer.toString(seizure.presses()),
                      Integer.toString(seizure.equipmentCount()),
                      Integer.toString(seizure.unregistered()),
                      CsvField.of(seizure.marking().banner()),
                      CsvField.of(seizure.marking().ownerAgency()))
                  + "\r\n");
        });
    String banner = ExportBanner.of(markings);
    response.setHeader(ExportBanner.HEADER, banner);
    csv(response, "seizures.csv", ExportBanner.csvLine(banner) + buffer);
  }

  @GetMapping("/analytics/series")
  @Operation(
      summary =
          "Weight, pills, presses and doses per method by month or fiscal year, optionally by"
              + " region, port, substance or context; only seizures you may read")
  Map<String, Object> series(
      @RequestParam(required = false) String period,
      @RequestParam(required = false) String by,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String context,
      @RequestParam(required = false) Integer fiscalYear,
      @RequestParam(required = false) String fromMonth,
      @RequestParam(required = false) String toMonth,
      @CallerContext(purposeFrom = PurposeFrom.HEADER_OR_SAME_PARAMETER) AccessContext access) {
    List<SeriesRow> rows =
        analytics.series(
            access,
            SeizureAnalytics.Period.parse(period),
            SeizureAnalytics.Breakdown.parse(by),
            new SeizureFilter(null, region, context, fiscalYear, fromMonth, toMonth));
    return Map.of("methods", methods(), "rows", rows);
  }

  @GetMapping(value = "/analytics/series.csv", produces = "text/csv")
  @Operation(summary = "The same series as CSV, one column pair per dose method")
  void seriesCsv(
      @RequestParam(required = false) String period,
      @RequestParam(required = false) String by,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String context,
      @RequestParam(required = false) Integer fiscalYear,
      @CallerContext(purposeFrom = PurposeFrom.HEADER_OR_SAME_PARAMETER) AccessContext access,
      HttpServletResponse response)
      throws IOException {
    AccessContext exporting = access.via(Channel.EXPORT);
    var filter = new SeizureFilter(null, region, context, fiscalYear, null, null);
    var rows =
        analytics.series(
            exporting,
            SeizureAnalytics.Period.parse(period),
            SeizureAnalytics.Breakdown.parse(by),
            filter);
    String banner =
        rows.isEmpty()
            ? ExportBanner.EMPTY
            : ExportBanner.of(analytics.seriesMarkings(exporting, filter));
    var csv = new StringBuilder(ExportBanner.csvLine(banner)).append(SeriesCsv.header());
    rows.forEach(row -> csv.append(SeriesCsv.line(row, banner)));
    response.setHeader(ExportBanner.HEADER, banner);
    csv(response, "seizure-series.csv", csv.toString());
  }

  @GetMapping("/analytics/last-months")
  @Operation(summary = "Totals of the last N calendar months (the current one included, UTC)")
  Map<String, Object> lastMonths(
      @RequestParam(defaultValue = "5") int months,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String context,
      @CallerContext(purposeFrom = PurposeFrom.HEADER_OR_SAME_PARAMETER) AccessContext access) {
    var rollUp =
        analytics.lastMonths(
            access, months, new SeizureFilter(null, region, context, null, null, null));
    return Map.of("methods", methods(), "rollUp", rollUp);
  }

  @GetMapping("/dose-settings")
  @Operation(summary = "The configured threshold and default purities dose estimates rest on")
  DoseSettings doseSettings() {
    return analytics.settings();
  }

  private Map<String, String> methods() {
    var methods = new java.util.LinkedHashMap<String, String>();
    for (DoseMethod method : DoseMethod.values()) {
      methods.put(method.name(), method.description());
    }
    return methods;
  }

  private static void csv(HttpServletResponse response, String name, String body)
      throws IOException {
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
    response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }
}
