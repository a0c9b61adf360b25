package org.presstrace.casework.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.presstrace.access.AccessContext;
import org.presstrace.casework.FtmImport;
import org.presstrace.casework.FtmImportReport;
import org.presstrace.casework.FtmImports;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.Utf8Text;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The FollowTheMoney import page: upload a file of entities (JSON lines), name its source and state
 * the batch's marking; the answer is what was new, unchanged and updated, or every refused line
 * (nothing stored). A problem with the form itself is shown beside its field.
 */
@Controller
@RequestMapping("/resolution/subjects/import")
class FtmImportPages {

  private final FtmImports imports;

  FtmImportPages(FtmImports imports) {
    this.imports = imports;
  }

  /** The upload form's fields besides the file. */
  static final class ImportForm extends PageForms.MarkingFields {
    public String source = "";
    public String caseReference = "";
    public String contact = "";
    public boolean dryRun;
  }

  @GetMapping
  String form(Model model) {
    return page(model, new ImportForm(), Map.of(), null);
  }

  @PostMapping
  String upload(
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam Map<String, String> params,
      AccessContext context,
      Model model)
      throws IOException {
    var form = new ImportForm();
    form.markingFrom(params);
    form.source = params.getOrDefault("source", "");
    form.caseReference = params.getOrDefault("caseReference", "");
    form.contact = params.getOrDefault("contact", "");
    form.dryRun = params.containsKey("dryRun");
    if (file == null || file.isEmpty()) {
      return page(model, form, Map.of("file", "Choose a FollowTheMoney file to import."), null);
    }
    try {
      FtmImportReport report =
          imports.importLines(
              context,
              new FtmImport(
                  form.source,
                  file.getOriginalFilename(),
                  form.caseReference,
                  form.contact,
                  form.marking(context.caller().agency())),
              Utf8Text.decode(file.getBytes()),
              form.dryRun);
      return page(model, form, Map.of(), report);
    } catch (InvalidRequest refused) {
      var errors = new HashMap<>(PageForms.errorOf(refused));
      if (errors.containsKey("form") || errors.containsKey("")) {
        errors.put("file", refused.getMessage());
      }
      return page(model, form, errors, null);
    }
  }

  private static String page(
      Model model, ImportForm form, Map<String, String> errors, FtmImportReport report) {
    model.addAttribute("form", form);
    model.addAttribute("fieldErrors", errors);
    model.addAttribute("report", report);
    model.addAttribute("tlpLevels", PageForms.TLP_LEVELS);
    model.addAttribute("cuiCategories", PageForms.CUI_CATEGORIES);
    model.addAttribute(
        "entries", report == null ? List.<FtmImportReport.Entry>of() : report.entries());
    return "casework/import-ftm";
  }
}
