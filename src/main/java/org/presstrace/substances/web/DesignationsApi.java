package org.presstrace.substances.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.presstrace.access.AccessContext;
import org.presstrace.access.CallerContext;
import org.presstrace.access.CallerContext.PurposeFrom;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.Utf8Text;
import org.presstrace.substances.DesignationPreview;
import org.presstrace.substances.DesignationRejected;
import org.presstrace.substances.DesignationView;
import org.presstrace.substances.Designations;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Designation imports over the API, for administrators: the announcement is the request body (JSON
 * or CSV, told by its content type) or an uploaded {@code file}. A preview stores nothing; an apply
 * with any problem stores nothing and answers 400 with every problem under {@code problems}.
 */
@RestController
@RequestMapping("/api/v1/substances/designations")
@Tag(name = "Substances")
class DesignationsApi {

  private final Designations designations;

  DesignationsApi(Designations designations) {
    this.designations = designations;
  }

  @GetMapping
  @Operation(summary = "Applied designations, newest list version first")
  List<DesignationView> list() {
    return designations.list();
  }

  @GetMapping("/{id}")
  @Operation(summary = "One applied designation")
  DesignationView get(@PathVariable String id) {
    return designations.get(id);
  }

  @PostMapping(
      path = "/preview",
      consumes = {MediaType.APPLICATION_JSON_VALUE, "text/csv", MediaType.TEXT_PLAIN_VALUE})
  @Operation(summary = "Preview a designation (JSON or CSV body): every problem and every change")
  DesignationPreview preview(
      @RequestBody(required = false) String body,
      @RequestHeader(name = "Content-Type", required = false) String type,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return designations.preview(context, Utf8Text.check(body), format(type));
  }

  @PostMapping(path = "/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Preview an uploaded designation file (.json or .csv)")
  DesignationPreview previewFile(
      @RequestParam("file") MultipartFile file,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return designations.preview(context, text(file), format(file));
  }

  @PostMapping(
      consumes = {MediaType.APPLICATION_JSON_VALUE, "text/csv", MediaType.TEXT_PLAIN_VALUE})
  @Operation(summary = "Apply a designation (JSON or CSV body) atomically; nothing on any problem")
  ResponseEntity<DesignationView> apply(
      @RequestBody(required = false) String body,
      @RequestHeader(name = "Content-Type", required = false) String type,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return created(designations.apply(context, Utf8Text.check(body), format(type)));
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Apply an uploaded designation file (.json or .csv)")
  ResponseEntity<DesignationView> applyFile(
      @RequestParam("file") MultipartFile file,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return created(designations.apply(context, text(file), format(file)));
  }

  @ExceptionHandler(DesignationRejected.class)
  ResponseEntity<ProblemDetail> rejected(DesignationRejected e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setType(URI.create("urn:presstrace:problem:invalid-input"));
    problem.setProperties(
        Map.of(
            "problems",
            e.problems(),
            "errors",
            e.problems().stream()
                .map(
                    p ->
                        new FieldProblem(
                            p.row() == 0 ? p.field() : "rows[" + p.row() + "]." + p.field(),
                            p.message(),
                            p.value()))
                .toList()));
    return ResponseEntity.badRequest()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  /** One field's problem, as every problem response lists them under {@code errors}. */
  record FieldProblem(String field, String message, Object rejectedValue) {}

  private static ResponseEntity<DesignationView> created(DesignationView view) {
    return ResponseEntity.created(URI.create("/api/v1/substances/designations/" + view.id()))
        .body(view);
  }

  static String format(String contentType) {
    if (contentType == null) {
      return null;
    }
    String type = contentType.toLowerCase(Locale.ROOT);
    return type.contains("json") ? "json" : type.contains("csv") ? "csv" : null;
  }

  static String format(MultipartFile file) {
    return Designations.formatOf(file.getOriginalFilename());
  }

  static String text(MultipartFile file) {
    try {
      return Utf8Text.decode(file.getBytes());
    } catch (IOException e) {
      throw new InvalidRequest("file", "the uploaded file could not be read");
    }
  }
}
