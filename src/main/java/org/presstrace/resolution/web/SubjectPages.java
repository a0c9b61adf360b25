package org.presstrace.resolution.web;

import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.presstrace.access.AccessContext;
import org.presstrace.access.Callers;
import org.presstrace.access.InvalidRequest;
import org.presstrace.access.NotFound;
import org.presstrace.access.PageQuery;
import org.presstrace.resolution.Schema;
import org.presstrace.resolution.SubjectDraft;
import org.presstrace.resolution.Subjects;
import org.presstrace.resolution.Submission;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Case subject pages: the subjects the user may read, one subject with its statements, matches and
 * judgements, and the form that enters a subject and shows what it resolved to. Every read goes
 * through {@link Subjects}, so it is filtered and audited like the API's.
 */
@Controller
@RequestMapping("/resolution/subjects")
class SubjectPages {

  private final Subjects subjects;
  private final Callers callers;

  SubjectPages(Subjects subjects, Callers callers) {
    this.subjects = subjects;
    this.callers = callers;
  }

  /** The form behind "Enter a subject"; properties of both schemas, one input each. */
  static final class SubjectForm extends PageForms.MarkingFields {

    static final List<String> PROPERTIES =
        Stream.concat(Schema.PERSON.properties().stream(), Schema.COMPANY.properties().stream())
            .distinct()
            .toList();

    /** How the form labels each property. */
    static final Map<String, String> LABELS =
        Map.ofEntries(
            Map.entry("name", "Name"),
            Map.entry("firstName", "First name"),
            Map.entry("lastName", "Last name"),
            Map.entry("birthDate", "Date of birth"),
            Map.entry("nationality", "Nationality"),
            Map.entry("idNumber", "ID number"),
            Map.entry("address", "Address"),
            Map.entry("street", "Street"),
            Map.entry("postalCode", "Postal code"),
            Map.entry("city", "City"),
            Map.entry("region", "Region"),
            Map.entry("country", "Country"),
            Map.entry("phone", "Phone"),
            Map.entry("email", "E-mail"),
            Map.entry("jurisdiction", "Jurisdiction"),
            Map.entry("registrationNumber", "Registration number"));

    /** Properties that take several values, one per line. */
    static final Set<String> SEVERAL = Set.of("name", "idNumber", "phone", "email");

    public String schema = Schema.PERSON.label();
    public final Map<String, String> values = new LinkedHashMap<>();
    public String caseReference = "";
    public String contact = "";
    public String source = "";
    public String statedOn = "";

    static SubjectForm from(Map<String, String> params) {
      var form = new SubjectForm();
      form.schema = params.getOrDefault("schema", "");
      PROPERTIES.forEach(property -> form.values.put(property, params.getOrDefault(property, "")));
      form.caseReference = params.getOrDefault("caseReference", "");
      form.contact = params.getOrDefault("contact", "");
      form.source = params.getOrDefault("source", "");
      form.statedOn = params.getOrDefault("statedOn", "");
      form.markingFrom(params);
      return form;
    }

    SubjectDraft toDraft(String agency) {
      Schema parsed = Schema.parse("schema", schema);
      var properties = new LinkedHashMap<String, List<String>>();
      values.forEach(
          (property, text) -> {
            List<String> given = given(property, text);
            if (!given.isEmpty()) {
              properties.put(parsed.property(property, property), given);
            }
          });
      return new SubjectDraft(
          parsed, properties, caseReference, contact, source, date(statedOn), marking(agency));
    }

    private static List<String> given(String property, String text) {
      if (text == null || text.isBlank()) {
        return List.of();
      }
      if (!SEVERAL.contains(property)) {
        return List.of(text.strip());
      }
      return Arrays.stream(text.split("\\R")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    private static LocalDate date(String text) {
      if (text == null || text.isBlank()) {
        return null;
      }
      try {
        return LocalDate.parse(text.strip());
      } catch (DateTimeParseException e) {
        throw new InvalidRequest(
            "statedOn", "'" + text.strip() + "' is not a date such as 2026-11-27");
      }
    }
  }

  @ModelAttribute("tlpLevels")
  List<String> tlpLevels() {
    return PageForms.TLP_LEVELS;
  }

  @ModelAttribute("cuiCategories")
  List<String> cuiCategories() {
    return PageForms.CUI_CATEGORIES;
  }

  @ModelAttribute("schemas")
  List<Schema> schemas() {
    return List.of(Schema.values());
  }

  @GetMapping
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String schema,
      @RequestParam(required = false) Integer page,
      HttpSession session,
      Model model) {
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("schema", schema == null ? "" : schema);
    AccessContext context = PageForms.context(callers, session);
    if (context.purpose() == null) {
      model.addAttribute("needsPurpose", true);
      return "resolution/subjects";
    }
    try {
      Schema kept = schema == null || schema.isBlank() ? null : Schema.parse("schema", schema);
      model.addAttribute("results", subjects.page(context, kept, q, PageQuery.of(page, 25)));
    } catch (InvalidRequest e) {
      model.addAttribute("fieldErrors", PageForms.errorOf(e));
    }
    return "resolution/subjects";
  }

  @GetMapping("/{id}")
  String show(@PathVariable String id, HttpSession session, Model model) {
    AccessContext context = PageForms.context(callers, session);
    if (context.purpose() == null) {
      model.addAttribute("needsPurpose", true);
      model.addAttribute("q", "");
      model.addAttribute("schema", "");
      return "resolution/subjects";
    }
    try {
      model.addAttribute("subject", subjects.get(context, id));
      model.addAttribute("statements", subjects.statements(context, id));
      model.addAttribute(
          "matches",
          subjects.matches(context, id).stream().map(match -> Shown.Match.of(match, id)).toList());
      model.addAttribute("judgements", subjects.judgements(context, id));
    } catch (NotFound hiddenOrAbsent) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, hiddenOrAbsent.getMessage());
    }
    return "resolution/subject";
  }

  @GetMapping("/new")
  String form(Model model) {
    model.addAttribute("form", new SubjectForm());
    model.addAttribute("properties", SubjectForm.PROPERTIES);
    model.addAttribute("several", SubjectForm.SEVERAL);
    model.addAttribute("labels", SubjectForm.LABELS);
    return "resolution/subject-form";
  }

  @PostMapping("/new")
  String submit(@RequestParam Map<String, String> params, HttpSession session, Model model) {
    AccessContext context = PageForms.context(callers, session);
    SubjectForm form = SubjectForm.from(params);
    try {
      Submission submission = subjects.submit(context, form.toDraft(context.caller().agency()));
      model.addAttribute("submission", submission);
      model.addAttribute("canonical", submission.canonicalId());
      model.addAttribute(
          "matches",
          submission.matches().stream()
              .map(match -> Shown.Match.of(match, submission.subject().id()))
              .toList());
      return "resolution/submitted";
    } catch (InvalidRequest e) {
      model.addAttribute("form", form);
      model.addAttribute("properties", SubjectForm.PROPERTIES);
      model.addAttribute("several", SubjectForm.SEVERAL);
      model.addAttribute("labels", SubjectForm.LABELS);
      model.addAttribute("fieldErrors", noPropertiesMeansNoName(e, form));
      return "resolution/subject-form";
    }
  }

  private static Map<String, String> noPropertiesMeansNoName(InvalidRequest e, SubjectForm form) {
    boolean empty = form.values.values().stream().allMatch(String::isBlank);
    if ("properties".equals(e.field()) && empty) {
      return Map.of("name", e.getMessage());
    }
    return PageForms.errorOf(e);
  }
}
