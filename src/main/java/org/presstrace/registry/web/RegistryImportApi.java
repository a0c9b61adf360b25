package org.presstrace.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.presstrace.access.Callers;
import org.presstrace.access.Channel;
import org.presstrace.access.InvalidRequest;
import org.presstrace.registry.ImportProgress;
import org.presstrace.registry.ImportResult;
import org.presstrace.registry.RegistryImports;
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
 * Bulk import of inventories and transfers (docs/registry-import.md): a CSV file as a {@code
 * text/csv} body or as the {@code file} part of a form. 201 with the summary when stored, 200 for a
 * dry run that passed, 422 with every problem (row, column, value, message) when any row is bad, in
 * which case nothing is stored.
 */
@RestController
@RequestMapping("/api/v1/registry/imports")
@Tag(name = "Registry")
class RegistryImportApi {

  private final RegistryImports imports;
  private final Callers callers;

  RegistryImportApi(RegistryImports imports, Callers callers) {
    this.imports = imports;
    this.callers = callers;
  }

  @PostMapping(consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
  @Operation(summary = "Import inventories and transfers from a CSV body, all or nothing")
  ResponseEntity<?> importBody(
      @RequestBody(required = false) byte[] body,
      @RequestParam(required = false) String fileName,
      @RequestParam(defaultValue = "false") boolean dryRun) {
    return respond(run(fileName, body == null ? new byte[0] : body, dryRun));
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Import inventories and transfers from an uploaded CSV file, all or nothing")
  ResponseEntity<?> importFile(
      @RequestPart(name = "file", required = false) MultipartFile file,
      @RequestParam(defaultValue = "false") boolean dryRun)
      throws IOException {
    if (file == null) {
      throw new InvalidRequest("file", "send the CSV file as the form part 'file'");
    }
    return respond(run(file.getOriginalFilename(), file.getBytes(), dryRun));
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
