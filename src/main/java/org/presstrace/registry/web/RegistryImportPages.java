package org.presstrace.registry.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.presstrace.access.Callers;
import org.presstrace.access.Channel;
import org.presstrace.access.Role;
import org.presstrace.registry.ImportJobs;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The import page: upload a registry CSV file; the import runs in the background and the browser
 * goes to the job's page, which shows its progress until it ends with the summary of what was
 * stored or every bad row and field (nothing stored). For registrant users and operator
 * administrators.
 */
@Controller
@RequestMapping("/registry/imports")
class RegistryImportPages {

  /** htmx stops polling when a poll is answered with this status. */
  private static final int STOP_POLLING = 286;

  private final ImportJobs jobs;
  private final Callers callers;

  RegistryImportPages(ImportJobs jobs, Callers callers) {
    this.jobs = jobs;
    this.callers = callers;
  }

  @GetMapping
  String form(Model model) {
    requireImporter();
    model.addAttribute("jobs", jobs.mine(callers.current()));
    return "registry/imports";
  }

  @PostMapping
  String upload(
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(defaultValue = "false") boolean dryRun,
      Model model)
      throws IOException {
    requireImporter();
    if (file == null || file.isEmpty() && file.getOriginalFilename().isBlank()) {
      return refused("Choose a CSV file to import.", model);
    }
    try {
      var job =
          jobs.start(
              callers.context(Channel.PAGE, null),
              file.getOriginalFilename(),
              file.getBytes(),
              dryRun);
      return "redirect:/registry/imports/" + job.id();
    } catch (ImportJobs.AlreadyRunning e) {
      model.addAttribute("runningJob", e.job());
      return refused(e.getMessage(), model);
    } catch (InvalidRequest | ImportJobs.Busy e) {
      return refused(e.getMessage(), model);
    }
  }

  /**
   * The job's page; while it runs, the page refreshes itself (htmx polls for the {@code job}
   * fragment, or a meta refresh without JavaScript). Another user's job is not found.
   */
  @GetMapping("/{id}")
  String job(
      @PathVariable String id,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Model model,
      HttpServletResponse response) {
    ImportJobs.Job job;
    try {
      job = jobs.find(callers.current(), id);
    } catch (NotFound e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
    }
    model.addAttribute("job", job);
    if (htmx == null) {
      model.addAttribute("refreshSeconds", job.running() ? 2 : null);
      return "registry/import-job";
    }
    if (!job.running()) {
      response.setStatus(STOP_POLLING);
    }
    return "registry/import-job :: job";
  }

  private String refused(String message, Model model) {
    model.addAttribute(
        "fileError", message.substring(0, 1).toUpperCase(Locale.ROOT) + message.substring(1));
    return form(model);
  }

  private void requireImporter() {
    var caller = callers.current();
    if (!caller.has(Role.REGISTRANT) && !caller.has(Role.ADMINISTRATOR)) {
      throw new AccessDeniedException("only registrant users and administrators import");
    }
  }
}
