package org.presstrace.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.presstrace.access.Callers;
import org.presstrace.access.Channel;
import org.presstrace.registry.ImportJobs;
import org.presstrace.registry.ImportProgress;
import org.presstrace.registry.ImportResult;
import org.presstrace.registry.RegistryImports;
import org.presstrace.shared.InvalidRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Bulk import of inventories and transfers (docs/registry-import.md): a CSV file as a {@code
 * text/csv} body or as the {@code file} part of a form. 201 with the summary when stored, 200 for a
 * dry run that passed, 422 with every problem (row, column, value, message) when any row is bad, in
 * which case nothing is stored. With {@code async=true} the import runs as a job: 202 with the
 * job's {@code Location}, whose GET shows its progress and, once finished, the same status and
 * body.
 */
@RestController
@RequestMapping("/api/v1/registry/imports")
@Tag(name = "Registry")
class RegistryImportApi {

  static final String JOBS = "/api/v1/registry/imports/jobs/";

  /** Seconds a client is asked to wait before trying again when every import worker is busy. */
  static final int RETRY_AFTER_SECONDS = 60;

  private final RegistryImports imports;
  private final ImportJobs jobs;
  private final Callers callers;

  RegistryImportApi(RegistryImports imports, ImportJobs jobs, Callers callers) {
    this.imports = imports;
    this.jobs = jobs;
    this.callers = callers;
  }

  /**
   * An import job as the API shows it; {@code status} and {@code result} are, once it finished,
   * what the synchronous import would have answered (201, 200 or 422 with its problem details).
   */
  record JobView(
      String id,
      String fileName,
      boolean dryRun,
      ImportJobs.State state,
      ImportJobs.Phase phase,
      long done,
      long total,
      Instant startedAt,
      Instant finishedAt,
      Integer status,
      Object result,
      String failure) {

    static JobView of(ImportJobs.Job job) {
      ResponseEntity<?> answer = job.result() == null ? null : respond(job.result());
      return new JobView(
          job.id(),
          job.fileName(),
          job.dryRun(),
          job.state(),
          job.phase(),
          job.done(),
          job.total(),
          job.startedAt(),
          job.finishedAt(),
          answer == null ? null : answer.getStatusCode().value(),
          answer == null ? null : answer.getBody(),
          job.failure());
    }
  }

  @PostMapping(consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
  @Operation(
      summary =
          "Import inventories and transfers from a CSV body, all or nothing;"
              + " with async=true as a background job (202 and its Location)")
  ResponseEntity<?> importBody(
      @RequestBody(required = false) byte[] body,
      @RequestParam(required = false) String fileName,
      @RequestParam(defaultValue = "false") boolean dryRun,
      @RequestParam(defaultValue = "false") boolean async) {
    byte[] content = body == null ? new byte[0] : body;
    return async ? start(fileName, content, dryRun) : respond(run(fileName, content, dryRun));
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary =
          "Import inventories and transfers from an uploaded CSV file, all or nothing;"
              + " with async=true as a background job (202 and its Location)")
  ResponseEntity<?> importFile(
      @RequestPart(name = "file", required = false) MultipartFile file,
      @RequestParam(defaultValue = "false") boolean dryRun,
      @RequestParam(defaultValue = "false") boolean async)
      throws IOException {
    if (file == null) {
      throw new InvalidRequest("file", "send the CSV file as the form part 'file'");
    }
    return async
        ? start(file.getOriginalFilename(), file.getBytes(), dryRun)
        : respond(run(file.getOriginalFilename(), file.getBytes(), dryRun));
  }

  @GetMapping("/jobs/{id}")
  @Operation(summary = "An import job started by the caller: its progress, then its result")
  JobView job(@PathVariable String id) {
    return JobView.of(jobs.find(callers.current(), id));
  }

  @ExceptionHandler(ImportJobs.Busy.class)
  ResponseEntity<ProblemDetail> busy(ImportJobs.Busy e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    problem.setType(URI.create("urn:presstrace:problem:imports-busy"));
    problem.setTitle("Every import worker is busy");
    problem.setInstance(URI.create("/api/v1/registry/imports"));
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private ResponseEntity<JobView> start(String fileName, byte[] content, boolean dryRun) {
    var job = jobs.start(callers.context(Channel.API, null), fileName, content, dryRun);
    return ResponseEntity.accepted().location(URI.create(JOBS + job.id())).body(JobView.of(job));
  }

  private ImportResult run(String fileName, byte[] content, boolean dryRun) {
    return imports.importCsv(
        callers.context(Channel.API, null), fileName, content, dryRun, ImportProgress.NONE);
  }

  private static ResponseEntity<?> respond(ImportResult result) {
    if (result.valid()) {
      return result.stored()
          ? ResponseEntity.status(HttpStatus.CREATED).body(result)
          : ResponseEntity.ok(result);
    }
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNPROCESSABLE_CONTENT,
            result.problemCount()
                + " problems in "
                + result.badRows()
                + " rows of "
                + result.fileName()
                + "; nothing was stored");
    problem.setType(URI.create("urn:presstrace:problem:invalid-import"));
    problem.setTitle("The import file has problems");
    problem.setInstance(URI.create("/api/v1/registry/imports"));
    problem.setProperties(
        Map.of(
            "errors", result.problems(),
            "problemCount", result.problemCount(),
            "rows", result.rows()));
    return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
