package org.presstrace.intel.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AccessPolicy;
import org.presstrace.access.Marking;
import org.presstrace.access.ProtectedKind;
import org.presstrace.access.RecordPage;
import org.presstrace.access.Tlp;
import org.presstrace.intel.IntelReportDraft;
import org.presstrace.intel.IntelReports;
import org.presstrace.shared.FormErrors;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.PageQuery;
import org.presstrace.shared.Problems;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Pages for intelligence reports: search, read, file. Reads ask for a purpose first. */
@Controller
@RequestMapping("/intel")
class IntelPages implements RecordPage {

  private final IntelReports reports;
  private final AccessPolicy policy;

  IntelPages(IntelReports reports, AccessPolicy policy) {
    this.policy = policy;
    this.reports = reports;
  }

  /** The form behind "File a report". */
  static final class ReportForm {
    public String title = "";
    public String summary = "";
    public String tlp = "AMBER";
    public String cuiCategory = "";
    public boolean noforn;
    public String relTo = "";
    public String compartment = "";
  }

  /** The form's public fields are bound directly; it has no setters. */
  @InitBinder("form")
  void bindFieldsDirectly(WebDataBinder binder) {
    binder.initDirectFieldAccess();
  }

  @ModelAttribute("tlpLevels")
  List<String> tlpLevels() {
    return Arrays.stream(Tlp.values()).map(Tlp::label).toList();
  }

  @ModelAttribute("cuiCategories")
  List<String> cuiCategories() {
    return Marking.CUI_CATEGORIES.stream().sorted().toList();
  }

  @GetMapping
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      AccessContext context,
      Model model) {
    model.addAttribute("q", q == null ? "" : q);
    if (context.purpose() == null) {
      model.addAttribute("needsPurpose", true);
      return "intel/list";
    }
    model.addAttribute("results", reports.page(context, q, PageQuery.of(page, 25)));
    return "intel/list";
  }

  @GetMapping("/{id}")
  String show(@PathVariable String id, AccessContext context, Model model) {
    if (context.purpose() == null) {
      model.addAttribute("needsPurpose", true);
      model.addAttribute("q", "");
      return "intel/list";
    }
    var report = reports.get(context, id);
    model.addAttribute("report", report);
    model.addAttribute("history", reports.history(context, id));
    model.addAttribute("release", policy.mayOfferRelease(context.caller(), report.marking()));
    return "intel/show";
  }

  @GetMapping("/new")
  String form(Model model) {
    model.addAttribute("form", new ReportForm());
    return "intel/new";
  }

  @PostMapping("/new")
  String create(@ModelAttribute("form") ReportForm form, AccessContext context, Model model) {
    var problems = new Problems();
    Marking marking =
        problems.value(
            () ->
                new Marking(
                    context.caller().agency(),
                    Tlp.parse(form.tlp),
                    form.cuiCategory,
                    form.noforn,
                    Marking.relTo(
                        form.relTo == null || form.relTo.isBlank()
                            ? List.of()
                            : Arrays.stream(form.relTo.split("[,\\s]+"))
                                .filter(s -> !s.isBlank())
                                .toList()),
                    form.compartment));
    try {
      // Without a marking the report is refused, with every other problem it has.
      var report = reports.create(context, new IntelReportDraft(form.title, form.summary, marking));
      return "redirect:/intel/" + report.id();
    } catch (InvalidRequest e) {
      e.all().stream()
          .filter(problem -> marking != null || !"marking".equals(problem.field()))
          .forEach(problems::add);
      model.addAttribute("fieldErrors", errors(problems.refusal()));
      return "intel/new";
    }
  }

  /** The words a user reads beside each field of the report form. */
  private static final Map<String, String> PLAIN =
      Map.of(
          "title", "Give the report a title of at most 200 characters",
          "summary", "Write a summary of at most 10,000 characters",
          "relTo",
              "'%s' is not a country code: give REL TO as three-letter codes separated by"
                  + " commas, such as USA, MEX",
          "compartment", "Choose a compartment you are a member of, or leave it empty");

  static Map<String, String> errors(InvalidRequest refused) {
    return FormErrors.of(
        refused,
        field -> field.replaceFirst("^marking\\.", "").replaceAll("\\[\\d+]$", ""),
        PLAIN,
        List.of("title", "summary", "tlp", "cuiCategory", "noforn", "relTo", "compartment"));
  }

  @Override
  public ProtectedKind kind() {
    return IntelReports.KIND;
  }

  @Override
  public String pathOf(String recordId) {
    return "/intel/" + recordId;
  }
}
