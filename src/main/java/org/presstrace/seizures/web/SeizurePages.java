package org.presstrace.seizures.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.presstrace.access.AccessContext;
import org.presstrace.access.Marking;
import org.presstrace.access.ProtectedKind;
import org.presstrace.access.RecordPage;
import org.presstrace.access.Tlp;
import org.presstrace.seizures.DoseMethod;
import org.presstrace.seizures.FieldProblem;
import org.presstrace.seizures.ItemForm;
import org.presstrace.seizures.MassUnit;
import org.presstrace.seizures.SeizureAnalytics;
import org.presstrace.seizures.SeizureContext;
import org.presstrace.seizures.SeizureDraft;
import org.presstrace.seizures.SeizureFilter;
import org.presstrace.seizures.SeizureRules;
import org.presstrace.seizures.Seizures;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.PageQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** Seizure pages: list, detail, the report form and the analytics dashboard. */
@Controller
@RequestMapping("/seizures")
class SeizurePages implements RecordPage {

  /** CBP ports of entry offered as suggestions on the form; any port may be typed. */
  static final List<String> PORTS =
      List.of(
          "Nogales",
          "San Ysidro",
          "Lukeville",
          "Otay Mesa",
          "Calexico",
          "Douglas",
          "El Paso",
          "Laredo",
          "Hidalgo",
          "Tecate",
          "Andrade",
          "San Luis",
          "Blaine",
          "Detroit",
          "JFK Airport",
          "Los Angeles International Airport",
          "Miami International Airport");

  /** The report form: one item, equipment and parties one per line. */
  static final class ReportForm {
    public String reference;
    public String occurredAt;
    public String zone = "America/Phoenix";
    public String context = "PORT_OF_ENTRY";
    public String portOfEntry;
    public String region;
    public String place;
    public String latitude;
    public String longitude;
    public String narrative;
    public String substance;
    public String cas;
    public String form = "PILLS";
    public String netWeight;
    public String netUnit = "g";
    public String grossWeight;
    public String grossUnit = "g";
    public String pillCount;
    public String imprint;
    public String colour;
    public String purityPct;
    public String mgPerPill;
    public String shareAtLeast2mgPct;
    public String equipment;
    public String parties;
    public String tlp = "AMBER";
    public String cuiCategory = "LEI";

    SeizureDraft toDraft(String agency) {
      return new SeizureDraft(
          reference,
          occurredAt,
          zone,
          context,
          portOfEntry,
          region,
          place,
          latitude,
          longitude,
          narrative,
          new Marking(agency, Tlp.parse(tlp), cuiCategory, false, null, null),
          List.of(
              new SeizureDraft.SeizureItemDraft(
                  substance,
                  cas,
                  form,
                  netWeight,
                  netUnit,
                  grossWeight,
                  grossUnit,
                  pillCount,
                  imprint,
                  colour,
                  purityPct,
                  mgPerPill,
                  shareAtLeast2mgPct)),
          lines(equipment).stream()
              .map(line -> line.split(":", 2))
              .map(
                  p ->
                      p.length == 2
                          ? new SeizureDraft.EquipmentDraft(p[1].strip(), p[0].strip(), null)
                          : new SeizureDraft.EquipmentDraft(p[0].strip(), "PRESS", null))
              .toList(),
          lines(parties).stream()
              .map(line -> line.split(":", 2))
              .map(
                  p ->
                      p.length == 2
                          ? new SeizureDraft.PartyDraft(
                              p[0].strip(), p[1].strip(), null, null, null)
                          : new SeizureDraft.PartyDraft("", p[0].strip(), null, null, null))
              .toList());
    }

    private static List<String> lines(String text) {
      return text == null
          ? List.of()
          : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
  }

  private final Seizures seizures;
  private final SeizureAnalytics analytics;
  private final JsonMapper json;

  SeizurePages(Seizures seizures, SeizureAnalytics analytics, JsonMapper json) {
    this.seizures = seizures;
    this.analytics = analytics;
    this.json = json;
  }

  /** The form's public fields are bound directly; it has no setters. */
  @org.springframework.web.bind.annotation.InitBinder("form")
  void bindFieldsDirectly(org.springframework.web.bind.WebDataBinder binder) {
    binder.initDirectFieldAccess();
  }

  @ModelAttribute("contexts")
  SeizureContext[] contexts() {
    return SeizureContext.values();
  }

  @GetMapping
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) Integer page,
      AccessContext context,
      Model model) {
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("region", region == null ? "" : region);
    if (context.purpose() == null) {
      model.addAttribute("needsPurpose", true);
      return "seizures/list";
    }
    try {
      model.addAttribute(
          "results",
          seizures.page(
              context,
              new SeizureFilter(q, region, null, null, null, null),
              PageQuery.of(page, 25)));
    } catch (InvalidRequest e) {
      model.addAttribute("filterError", e.getMessage());
    }
    return "seizures/list";
  }

  @GetMapping("/{id:[0-9a-f-]{36}}")
  String show(@PathVariable String id, AccessContext context, Model model) {
    if (context.purpose() == null) {
      model.addAttribute("needsPurpose", true);
      model.addAttribute("q", "");
      model.addAttribute("region", "");
      return "seizures/list";
    }
    model.addAttribute("detail", seizures.get(context, id));
    model.addAttribute("settings", analytics.settings());
    // The last lawful holder is a registrant's name, for readers of the registry of registrants.
    model.addAttribute(
        "readsRegistrants", org.presstrace.registry.Registry.readsRegistrants(context.caller()));
    model.addAttribute(
        "registrantOutsideAccess", org.presstrace.registry.Registry.REGISTRANT_OUTSIDE_ACCESS);
    return "seizures/show";
  }

  @GetMapping("/new")
  String form(Model model) {
    model.addAttribute("form", new ReportForm());
    formChoices(model);
    return "seizures/new";
  }

  @PostMapping("/new")
  String report(@ModelAttribute("form") ReportForm form, AccessContext context, Model model) {
    formChoices(model);
    try {
      SeizureDraft draft = form.toDraft(context.caller().agency());
      List<FieldProblem> problems = seizures.problems(draft);
      if (!problems.isEmpty()) {
        model.addAttribute("fieldErrors", errors(problems));
        return "seizures/new";
      }
      var detail = seizures.report(context, draft);
      return "redirect:/seizures/" + detail.seizure().id();
    } catch (InvalidRequest e) {
      model.addAttribute(
          "fieldErrors", errors(List.of(new FieldProblem(0, e.field(), e.getMessage()))));
      return "seizures/new";
    } catch (ConflictingState e) {
      model.addAttribute("fieldErrors", Map.of("form", e.getMessage()));
      return "seizures/new";
    }
  }

  /** The series the main chart draws when the URL names none: the best available estimate. */
  static final String BEST = "best";

  @GetMapping("/dashboard")
  String dashboard(
      @RequestParam(required = false) String by,
      @RequestParam(required = false, defaultValue = "5") int months,
      @RequestParam(required = false) List<String> series,
      @RequestParam(required = false) String scale,
      AccessContext context,
      Model model) {
    model.addAttribute("by", by == null ? "context" : by);
    model.addAttribute("months", months);
    chartState(series, scale, model);
    if (context.purpose() == null) {
      model.addAttribute("needsPurpose", true);
      return "seizures/dashboard";
    }
    var breakdown = SeizureAnalytics.Breakdown.parse(by == null ? "context" : by);
    var monthly =
        analytics.series(
            context,
            SeizureAnalytics.Period.MONTH,
            SeizureAnalytics.Breakdown.NONE,
            SeizureFilter.none());
    var fiscal =
        analytics.series(
            context,
            SeizureAnalytics.Period.FISCAL_YEAR,
            SeizureAnalytics.Breakdown.NONE,
            SeizureFilter.none());
    var byGroup =
        analytics.series(
            context, SeizureAnalytics.Period.FISCAL_YEAR, breakdown, SeizureFilter.none());
    var rollUp = analytics.lastMonths(context, months, SeizureFilter.none());
    var byDrug =
        analytics.series(
            context,
            SeizureAnalytics.Period.FISCAL_YEAR,
            SeizureAnalytics.Breakdown.SUBSTANCE,
            SeizureFilter.none());
    model.addAttribute("byDrug", byDrug);
    var data = new LinkedHashMap<String, Object>();
    data.put("methods", Arrays.stream(DoseMethod.values()).map(Enum::name).toList());
    data.put("monthly", monthly);
    data.put("fiscal", fiscal);
    data.put("byGroup", byGroup);
    model.addAttribute("seriesJson", json.writeValueAsString(data));
    model.addAttribute("fiscal", fiscal);
    model.addAttribute("monthly", monthly);
    model.addAttribute("rollUp", rollUp);
    model.addAttribute("methods", DoseMethod.values());
    model.addAttribute("settings", analytics.settings());
    model.addAttribute("totalPills", fiscal.stream().mapToLong(r -> r.pills()).sum());
    model.addAttribute("totalSeizures", fiscal.stream().mapToLong(r -> r.seizures()).sum());
    return "seizures/dashboard";
  }

  /**
   * Which series the doses chart shows and on which scale, as the URL says ({@code
   * ?series=best&series=LAB_PURITY&scale=log}); without {@code series} only the best available
   * estimate, and an empty {@code series=} none. Unknown names are said beside the controls.
   */
  private static void chartState(List<String> series, String scale, Model model) {
    var known = new ArrayList<String>();
    known.add(BEST);
    Arrays.stream(DoseMethod.values()).map(Enum::name).forEach(known::add);
    var shown = new ArrayList<String>();
    var errors = new LinkedHashMap<String, String>();
    if (series == null) {
      shown.add(BEST);
    } else {
      for (String name : series) {
        if (name == null || name.isBlank()) {
          continue;
        }
        if (known.contains(name.strip())) {
          shown.add(name.strip());
        } else {
          errors.put("series", "series '" + name + "' is not one of " + known);
        }
      }
    }
    boolean log = "log".equals(scale);
    if (scale != null && !scale.isBlank() && !log && !"linear".equals(scale)) {
      errors.put("scale", "scale '" + scale + "' is not linear or log");
    }
    model.addAttribute("chartSeries", shown);
    model.addAttribute("chartLog", log);
    model.addAttribute("chartErrors", errors);
  }

  private static void formChoices(Model model) {
    model.addAttribute("forms", ItemForm.values());
    model.addAttribute("units", MassUnit.values());
    model.addAttribute("ports", PORTS);
    model.addAttribute("regions", SeizureRules.REGIONS.stream().sorted().toList());
    model.addAttribute("tlpLevels", List.of("CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"));
  }

  /** Problems by form field: {@code items[0].netWeight} is the form's {@code netWeight}. */
  static Map<String, String> errors(List<FieldProblem> problems) {
    var errors = new LinkedHashMap<String, String>();
    var unplaced = new ArrayList<String>();
    for (FieldProblem problem : problems) {
      String field = problem.field() == null ? "form" : problem.field();
      field =
          field
              .replaceFirst("^items\\[0]\\.", "")
              .replaceFirst("^marking\\.", "")
              .replaceFirst("^(equipment|parties)\\[\\d+]\\..*", "$1");
      if (field.equals("items")) {
        field = "substance";
      }
      if (errors.putIfAbsent(field, problem.message()) != null) {
        unplaced.add(problem.message());
      }
    }
    if (!unplaced.isEmpty()) {
      errors.merge("form", String.join("; ", unplaced), (a, b) -> a + "; " + b);
    }
    return errors;
  }

  @Override
  public ProtectedKind kind() {
    return Seizures.KIND;
  }

  @Override
  public String pathOf(String recordId) {
    return "/seizures/" + recordId;
  }
}
