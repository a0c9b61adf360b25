package org.presstrace.registry.web;

import java.io.IOException;
import org.presstrace.access.Callers;
import org.presstrace.access.Channel;
import org.presstrace.access.Role;
import org.presstrace.registry.ImportProgress;
import org.presstrace.registry.RegistryImports;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import page: upload a registry CSV file, then see the summary of what was stored or every bad
 * row and field (nothing stored). For registrant users and operator administrators.
 */
@Controller
@RequestMapping("/registry/imports")
class RegistryImportPages {

  private final RegistryImports imports;
  private final Callers callers;

  RegistryImportPages(RegistryImports imports, Callers callers) {
    this.imports = imports;
    this.callers = callers;
  }

  @GetMapping
  String form(Model model) {
    requireImporter();
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
      model.addAttribute("fileError", "Choose a CSV file to import.");
      return "registry/imports";
    }
    model.addAttribute(
        "result",
        imports.importCsv(
            callers.context(Channel.PAGE, null),
            file.getOriginalFilename(),
            file.getBytes(),
            dryRun,
            ImportProgress.NONE));
    return "registry/imports";
  }

  private void requireImporter() {
    var caller = callers.current();
    if (!caller.has(Role.REGISTRANT) && !caller.has(Role.ADMINISTRATOR)) {
      throw new AccessDeniedException("only registrant users and administrators import");
    }
  }
}
