package org.presstrace.casework.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.presstrace.access.AccessContext;
import org.presstrace.access.CallerContext;
import org.presstrace.access.CallerContext.PurposeFrom;
import org.presstrace.access.Marking;
import org.presstrace.access.Tlp;
import org.presstrace.casework.FtmImport;
import org.presstrace.casework.FtmImportReport;
import org.presstrace.casework.FtmImports;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.Utf8Text;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports FollowTheMoney entities (JSON lines, as the graph export writes them) into case subjects
 * and links of the caller's agency, all or nothing: 201 with what was new, unchanged and updated,
 * 200 for a dry run, 422 with every problem and its line when nothing was stored.
 */
@RestController
@RequestMapping(FtmImportApi.PATH)
@Tag(name = "Entity resolution and deconfliction")
class FtmImportApi {

  static final String PATH = "/api/v1/resolution/subjects/import/ftm";

  private final FtmImports imports;

  FtmImportApi(FtmImports imports) {
    this.imports = imports;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary =
          "Import an uploaded FollowTheMoney JSON lines file as subjects and links, all or"
              + " nothing, under the marking given for the batch")
  ResponseEntity<?> importFile(
      @RequestPart(name = "file", required = false) MultipartFile file,
      @RequestParam(required = false) String source,
      @RequestParam(required = false) String tlp,
      @RequestParam(required = false) String cuiCategory,
      @RequestParam(defaultValue = "false") boolean noforn,
      @RequestParam(required = false) List<String> relTo,
      @RequestParam(required = false) String compartment,
      @RequestParam(required = false) String caseReference,
      @RequestParam(required = false) String contact,
      @RequestParam(defaultValue = "false") boolean dryRun,
      @CallerContext(purposeFrom = PurposeFrom.HEADER) AccessContext context)
      throws IOException {
    if (file == null) {
      throw new InvalidRequest("file", "send the FollowTheMoney file as the form part 'file'");
    }
    return respond(
        imports.importLines(
            context,
            new FtmImport(
                source,
                file.getOriginalFilename(),
                caseReference,
                contact,
                marking(context, tlp, cuiCategory, noforn, relTo, compartment)),
            Utf8Text.decode(file.getBytes()),
            dryRun));
  }

  @PostMapping(consumes = {"application/x-ndjson", "application/jsonl", "application/json"})
  @Operation(summary = "Import FollowTheMoney JSON lines sent as the body, as the upload does")
  ResponseEntity<?> importBody(
      @RequestBody(required = false) byte[] body,
      @RequestParam(required = false) String fileName,
      @RequestParam(required = false) String source,
      @RequestParam(required = false) String tlp,
      @RequestParam(required = false) String cuiCategory,
      @RequestParam(defaultValue = "false") boolean noforn,
      @RequestParam(required = false) List<String> relTo,
      @RequestParam(required = false) String compartment,
      @RequestParam(required = false) String caseReference,
      @RequestParam(required = false) String contact,
      @RequestParam(defaultValue = "false") boolean dryRun,
      @CallerContext(purposeFrom = PurposeFrom.HEADER) AccessContext context) {
    return respond(
        imports.importLines(
            context,
            new FtmImport(
                source,
                fileName,
                caseReference,
                contact,
                marking(context, tlp, cuiCategory, noforn, relTo, compartment)),
            Utf8Text.decode(body == null ? new byte[0] : body),
            dryRun));
  }

  private static Marking marking(
      AccessContext context,
      String tlp,
      String cuiCategory,
      boolean noforn,
      List<String> relTo,
      String compartment) {
    if (tlp == null || tlp.isBlank()) {
      // no marking: the import refuses it after checking the caller may import at all
      return null;
    }
    return new Marking(
        context.caller().agency(),
        Tlp.parse(tlp),
        cuiCategory,
        noforn,
        Marking.relTo(relTo == null ? List.of() : relTo),
        compartment == null || compartment.isBlank() ? null : compartment);
  }

  static ResponseEntity<?> respond(FtmImportReport report) {
    if (!report.refused()) {
      return report.dryRun()
          ? ResponseEntity.ok(report)
          : ResponseEntity.status(HttpStatus.CREATED).body(report);
    }
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNPROCESSABLE_CONTENT,
            report.problems().size()
                + " problems in "
                + report.fileName()
                + " ("
                + report.lines()
                + " lines); nothing was stored");
    problem.setType(URI.create("urn:presstrace:problem:invalid-import"));
    problem.setTitle("The import file has problems");
    problem.setInstance(URI.create(PATH));
    problem.setProperties(Map.of("errors", report.problems(), "lines", report.lines()));
    return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
