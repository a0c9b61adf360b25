package org.presstrace.substances.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.presstrace.access.AccessContext;
import org.presstrace.access.CallerContext;
import org.presstrace.access.CallerContext.PurposeFrom;
import org.presstrace.shared.Page;
import org.presstrace.shared.PageQuery;
import org.presstrace.substances.ManifestCsv;
import org.presstrace.substances.ManifestLine;
import org.presstrace.substances.ManifestScreenings;
import org.presstrace.substances.ScreeningAlert;
import org.presstrace.substances.ScreeningDetail;
import org.presstrace.substances.ScreeningSummary;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Batch manifest screening: many lines in, one verdict per line out, stored as agency data (owned
 * by the caller's agency, TLP:AMBER) and read back through the access policy; and the alerts later
 * designations raise on stored manifests.
 */
@RestController
@RequestMapping("/api/v1/substances")
@Tag(name = "Substances")
class ScreeningsApi {

  /** The header stating why the caller reads (optional here; recorded in the audit trail). */

  /** A manifest line as posted; line numbers are given by position. */
  record LineRequest(
      String description,
      String cas,
      String hsCode,
      String quantity,
      String shipper,
      String consignee) {}

  /** A batch: a title and its lines. */
  record ScreeningRequest(String title, List<LineRequest> lines) {}

  private final ManifestScreenings screenings;
  private final tools.jackson.databind.json.JsonMapper json;

  /** {@code json} is the application's mapper: unknown fields and invalid text are refused. */
  ScreeningsApi(ManifestScreenings screenings, tools.jackson.databind.json.JsonMapper json) {
    this.screenings = screenings;
    this.json = json;
  }

  @PostMapping(path = "/screenings", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Screen manifest lines (an object with title and lines, or a bare array) and store")
  ResponseEntity<ScreeningDetail> screen(
      @RequestBody tools.jackson.databind.JsonNode body,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    ScreeningRequest request = request(body);
    return created(screenings.screen(context, request.title(), lines(request.lines())));
  }

  @PostMapping(
      path = "/screenings",
      consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
  @Operation(
      summary =
          "Screen a CSV manifest (header: description, cas, hs_code, ...) or plain lines (one"
              + " substance a line, optionally ', quantity') and store")
  ResponseEntity<ScreeningDetail> screenCsv(
      @RequestBody(required = false) String body,
      @RequestParam(required = false) String title,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return created(screenings.screen(context, title, ManifestCsv.parse(body)));
  }

  @PostMapping(path = "/screenings", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Screen an uploaded CSV manifest and store")
  ResponseEntity<ScreeningDetail> screenFile(
      @RequestParam("file") MultipartFile file,
      @RequestParam(required = false) String title,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    String name = title != null ? title : file.getOriginalFilename();
    return created(screenings.screen(context, name, ManifestCsv.parse(DesignationsApi.text(file))));
  }

  @GetMapping("/screenings")
  @Operation(summary = "Stored screenings the caller may read (mine=true: the caller's own)")
  Page<ScreeningSummary> list(
      @RequestParam(defaultValue = "true") boolean mine,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      AccessContext context) {
    return screenings.page(context, mine, PageQuery.of(page, size));
  }

  @GetMapping("/screenings/{id}")
  @Operation(summary = "One stored screening with its lines and hits")
  ScreeningDetail get(@PathVariable String id, AccessContext context) {
    return screenings.get(context, id);
  }

  @GetMapping("/alerts")
  @Operation(summary = "Alerts: stored manifest lines that match substances later designated")
  Page<ScreeningAlert> alerts(
      @RequestParam(required = false) String screening,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      AccessContext context) {
    return screenings.alerts(context, screening, PageQuery.of(page, size));
  }

  private ScreeningRequest request(tools.jackson.databind.JsonNode body) {
    try {
      return read(body);
    } catch (tools.jackson.databind.exc.UnrecognizedPropertyException e) {
      String field = path(e);
      throw new org.presstrace.shared.InvalidRequest(
          field, "field " + field + " is not part of this request");
    } catch (tools.jackson.core.JacksonException e) {
      String field = path(e);
      throw new org.presstrace.shared.InvalidRequest(
          field, "field " + field + " is not valid: " + e.getOriginalMessage());
    }
  }

  private static String path(tools.jackson.core.JacksonException e) {
    var path = new StringBuilder();
    for (var reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    // a bare array is the lines themselves
    return path.isEmpty() ? "lines" : path.charAt(0) == '[' ? "lines" + path : path.toString();
  }

  private ScreeningRequest read(tools.jackson.databind.JsonNode body) {
    var mapper = json;
    if (body != null && body.isArray()) {
      return new ScreeningRequest(null, List.of(mapper.treeToValue(body, LineRequest[].class)));
    }
    if (body == null || !body.isObject()) {
      throw new org.presstrace.shared.InvalidRequest(
          "lines", "the body must be an array of lines or an object with lines");
    }
    return mapper.treeToValue(body, ScreeningRequest.class);
  }

  private static List<ManifestLine> lines(List<LineRequest> requests) {
    var lines = new ArrayList<ManifestLine>();
    if (requests != null) {
      for (LineRequest r : requests) {
        lines.add(
            r == null
                ? null
                : new ManifestLine(
                    lines.size() + 1,
                    r.description(),
                    r.cas(),
                    r.hsCode(),
                    r.quantity(),
                    r.shipper(),
                    r.consignee()));
      }
    }
    return lines;
  }

  private static ResponseEntity<ScreeningDetail> created(ScreeningDetail detail) {
    return ResponseEntity.created(
            URI.create("/api/v1/substances/screenings/" + detail.screening().id()))
        .body(detail);
  }
}
