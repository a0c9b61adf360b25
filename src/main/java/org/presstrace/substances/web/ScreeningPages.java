package org.presstrace.substances.web;

import org.presstrace.access.AccessContext;
import org.presstrace.access.Callers;
import org.presstrace.access.Channel;
import org.presstrace.access.ProtectedKind;
import org.presstrace.access.RecordPage;
import org.presstrace.access.Role;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.presstrace.shared.PageQuery;
import org.presstrace.substances.DesignationRejected;
import org.presstrace.substances.Designations;
import org.presstrace.substances.ManifestCsv;
import org.presstrace.substances.ManifestScreenings;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages for manifest screening (paste or upload, stored results, history, alerts) and for
 * designation imports (upload or paste, preview with every problem, apply), the latter for
 * administrators.
 */
@Controller
class ScreeningPages implements RecordPage {

  private final ManifestScreenings screenings;
  private final Designations designations;
  private final Callers callers;

  ScreeningPages(ManifestScreenings screenings, Designations designations, Callers callers) {
    this.screenings = screenings;
    this.designations = designations;
    this.callers = callers;
  }

  // ---- manifest screening ---------------------------------------------------------------------

  @GetMapping("/substances/screenings")
  String screenings(
      @RequestParam(required = false) Integer page,
      @RequestParam(defaultValue = "true") boolean mine,
      Model model) {
    model.addAttribute("mine", mine);
    model.addAttribute("screenings", screenings.page(context(), mine, PageQuery.of(page, 20)));
    return "substances/screenings";
  }

  @PostMapping("/substances/screenings")
  String screen(
      @RequestParam(required = false) String title,
      @RequestParam(required = false) String manifest,
      @RequestParam(required = false) MultipartFile file,
      Model model,
      RedirectAttributes redirect) {
    try {
      String text = file != null && !file.isEmpty() ? DesignationsApi.text(file) : manifest;
      String name =
          (title == null || title.isBlank()) && file != null && !file.isEmpty()
              ? file.getOriginalFilename()
              : title;
      var stored = screenings.screen(context(), name, ManifestCsv.parse(text));
      redirect.addFlashAttribute(
          "notice",
          stored.screening().lines()
              + " lines screened, "
              + stored.screening().flagged()
              + " flagged.");
      return "redirect:/substances/screenings/" + stored.screening().id();
    } catch (InvalidRequest refused) {
      model.addAttribute("manifestError", plain(refused));
      model.addAttribute("title", title);
      model.addAttribute("manifest", manifest);
      return screenings(null, true, model);
    }
  }

  /** A refused manifest in the words a user reads; nothing of it was stored. */
  static String plain(InvalidRequest refused) {
    String message = refused.getMessage();
    if (message.endsWith("has no lines") || message.startsWith("the manifest is empty")) {
      return "Paste at least one line (one substance a line, or CSV with a header row), or choose"
          + " a file: nothing was screened";
    }
    return "The manifest was not screened: " + message + (message.endsWith(".") ? "" : ".");
  }

  @GetMapping("/substances/screenings/{id}")
  String screening(@PathVariable String id, Model model) {
    try {
      model.addAttribute("detail", screenings.get(context(), id));
    } catch (NotFound absent) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, absent.getMessage());
    }
    model.addAttribute("alerts", screenings.alerts(context(), id, PageQuery.of(0, 200)).items());
    return "substances/screening";
  }

  @GetMapping("/substances/alerts")
  String alerts(@RequestParam(required = false) Integer page, Model model) {
    model.addAttribute("alerts", screenings.alerts(context(), null, PageQuery.of(page, 50)));
    return "substances/alerts";
  }

  // ---- designations ---------------------------------------------------------------------------

  @GetMapping("/substances/designations")
  String designations(Model model) {
    if (!callers.current().has(Role.ADMINISTRATOR)) {
      throw new AccessDeniedException("this page is for the administrator role");
    }
    model.addAttribute("designations", designations.list());
    return "substances/designations";
  }

  @PostMapping("/substances/designations/preview")
  String preview(
      @RequestParam(required = false) String content,
      @RequestParam(required = false) String format,
      @RequestParam(required = false) MultipartFile file,
      Model model) {
    String text = content;
    String kind = blank(format) ? null : format;
    if (file != null && !file.isEmpty()) {
      text = DesignationsApi.text(file);
      kind = kind == null ? DesignationsApi.format(file) : kind;
    }
    model.addAttribute("content", text);
    model.addAttribute("format", kind);
    model.addAttribute("preview", designations.preview(context(), text, kind));
    return designations(model);
  }

  @PostMapping("/substances/designations/apply")
  String apply(
      @RequestParam(required = false) String content,
      @RequestParam(required = false) String format,
      Model model,
      RedirectAttributes redirect) {
    String kind = blank(format) ? null : format;
    try {
      var applied = designations.apply(context(), content, kind);
      redirect.addFlashAttribute(
          "notice",
          "Designation applied as list version "
              + applied.listVersion()
              + ": "
              + applied.substances()
              + " substances controlled in "
              + applied.jurisdiction()
              + " from "
              + applied.effectiveFrom()
              + ".");
      return "redirect:/substances/designations";
    } catch (DesignationRejected rejected) {
      model.addAttribute("content", content);
      model.addAttribute("format", kind);
      model.addAttribute("preview", rejected.preview());
      model.addAttribute("error", rejected.getMessage());
      return designations(model);
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private AccessContext context() {
    return callers.context(Channel.PAGE, null);
  }

  @Override
  public ProtectedKind kind() {
    return ManifestScreenings.KIND;
  }

  @Override
  public String pathOf(String recordId) {
    return "/substances/screenings/" + recordId;
  }
}
