package org.presstrace.casework.web;

import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.presstrace.access.AccessContext;
import org.presstrace.access.Marking;
import org.presstrace.access.ProtectedKind;
import org.presstrace.access.RecordPage;
import org.presstrace.casework.Subject;
import org.presstrace.casework.SubjectDraft;
import org.presstrace.casework.SubjectStatement;
import org.presstrace.casework.Subjects;
import org.presstrace.casework.Submission;
import org.presstrace.resolution.Schema;
import org.presstrace.shared.FormErrors;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.presstrace.shared.Page;
import org.presstrace.shared.PageQuery;
import org.presstrace.shared.Problems;
import org.springframework.dao.DuplicateKeyException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Case subject pages: the subjects the user may read, one subject with its statements, matches and
 * judgements, and the form that enters a subject and shows what it resolved to. Every read goes
 * through {@link Subjects}, so it is filtered and audited like the API's.
 */
@Controller
@RequestMapping("/resolution/subjects")
class SubjectPages implements RecordPage {

  private final Subjects subjects;

  SubjectPages(Subjects subjects) {
    this.subjects = subjects;
  }

  /** The form behind "Enter a subject": the kind, then the fields of that kind. */
  static final class SubjectForm extends PageForms.MarkingFields {

    /** The fields every kind's form carries besides its properties. */
    static final Set<String> COMMON_FIELDS =
        Set.of(
            "schema",
            "caseReference",
            "contact",
            "source",
            "statedOn",
            "tlp",
            "cuiCategory",
            "noforn",
            "relTo",
            "compartment",
            "formId");

    public String schema = Schema.PERSON.label();
    public final Map<String, String> values = new LinkedHashMap<>();
    public String caseReference = "";
    public String contact = "";
    public String source = "";
    public String statedOn = "";

    /** The id this form was issued under; the subject it enters takes it, so it enters once. */
    public String formId = "";

    /**
     * The form as sent. Values of every kind's properties are read, so that one the chosen kind
     * does not take is refused rather than silently dropped.
     */
    static SubjectForm from(Map<String, String> params) {
      var form = new SubjectForm();
      form.schema = params.getOrDefault("schema", "");
      Kinds.anyProperty()
          .forEach(property -> form.values.put(property, params.getOrDefault(property, "")));
      form.caseReference = params.getOrDefault("caseReference", "");
      form.contact = params.getOrDefault("contact", "");
      form.source = params.getOrDefault("source", "");
      form.statedOn = params.getOrDefault("statedOn", "");
      form.formId = params.getOrDefault("formId", "");
      form.markingFrom(params);
      return form;
    }

    /**
     * The draft the form describes; a problem only the form sees (a day that is no date, a bad
     * marking) is kept in {@code problems}, and the draft then carries no marking, so that the
     * service refuses it with every problem of its own and stores nothing.
     */
    SubjectDraft toDraft(String agency, Problems problems) {
      Schema parsed = Schema.parse("schema", schema);
      Kinds.Kind kind = Kinds.of(parsed);
      var properties = new LinkedHashMap<String, List<String>>();
      values.forEach(
          (property, text) -> {
            List<String> given = given(kind.field(property), text);
            if (!given.isEmpty()) {
              properties.put(parsed.property(property, property), given);
            }
          });
      LocalDate stated = problems.value(() -> date(statedOn));
      Marking marking = problems.value(() -> marking(agency));
      return new SubjectDraft(
          parsed,
          properties,
          caseReference,
          contact,
          source,
          stated,
          problems.any() ? null : marking);
    }

    /** The words a user reads beside the fields every kind's form carries. */
    private static final Map<String, String> PLAIN =
        Map.of(
            "caseReference",
                "Give the case reference the other agency should quote, at most 100 characters",
            "contact", "Give a point of contact (name and phone), at most 200 characters",
            "source", "Name the source record in at most 200 characters",
            "statedOn", "Give the day as a date such as 2026-11-27, not in the future",
            "relTo",
                "'%s' is not a country code: give REL TO as three-letter codes separated by"
                    + " commas, such as USA, MEX",
            "compartment", "Choose a compartment you are a member of, or leave it empty");

    /**
     * Where the form shows each complaint: beside its field when the form has that field, at the
     * top otherwise; a subject without what names it is told so in plain words beside the first
     * field. The complaints come in the order of the form's fields.
     */
    Map<String, String> placed(InvalidRequest refused) {
      Kinds.Kind kind;
      try {
        kind = Kinds.of(Schema.parse("schema", schema));
      } catch (InvalidRequest unknownKind) {
        return PageForms.errorOf(refused);
      }
      String first = kind.fields().get(0).property();
      boolean unnamed =
          Stream.concat(kind.schema().captions().stream(), Stream.of("firstName", "lastName"))
              .allMatch(property -> values.getOrDefault(property, "").isBlank());
      var placed = new LinkedHashMap<String, String>();
      for (InvalidRequest problem : refused.all()) {
        String field;
        String message;
        if (unnamed
            && ("properties".equals(problem.field())
                || ("properties." + first).equals(problem.field()))) {
          field = first;
          message = kind.needs();
        } else {
          field = PageForms.errorOf(problem).keySet().iterator().next();
          message = FormErrors.worded(PLAIN.get(field), problem.getMessage());
          if (kind.field(field) == null && !COMMON_FIELDS.contains(field)) {
            field = FormErrors.FORM;
            message = problem.getMessage();
          }
        }
        placed.merge(field, message, (a, b) -> a.equals(b) ? a : a + "; " + b);
      }
      var order = new ArrayList<String>();
      kind.fields().forEach(f -> order.add(f.property()));
      order.addAll(
          List.of(
              "caseReference",
              "contact",
              "source",
              "statedOn",
              "tlp",
              "cuiCategory",
              "noforn",
              "relTo",
              "compartment"));
      return FormErrors.inOrder(placed, order);
    }

    private static List<String> given(Kinds.Field field, String text) {
      if (text == null || text.isBlank()) {
        return List.of();
      }
      if (field == null || !field.several()) {
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

  @ModelAttribute("kinds")
  List<Kinds.Kind> kinds() {
    return Kinds.all();
  }

  @ModelAttribute("kindOf")
  Map<String, Kinds.Kind> kindOf() {
    return Kinds.byValue();
  }

  @GetMapping
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String schema,
      @RequestParam(required = false) Integer page,
      AccessContext context,
      Model model) {
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("schema", schema == null ? "" : schema);
    if (context.purpose() == null) {
      model.addAttribute("needsPurpose", true);
      return "casework/subjects";
    }
    try {
      Schema kept = schema == null || schema.isBlank() ? null : Schema.parse("schema", schema);
      Page<Subject> results = subjects.page(context, kept, q, PageQuery.of(page, 25));
      model.addAttribute("results", results);
      model.addAttribute("identifiers", identifiers(context, results.items()));
    } catch (InvalidRequest e) {
      model.addAttribute("fieldErrors", PageForms.errorOf(e));
    }
    return "casework/subjects";
  }

  /** The identifying values of each listed subject, read in one guarded read. */
  private Map<String, List<Kinds.Shown>> identifiers(AccessContext context, List<Subject> listed) {
    if (listed.isEmpty()) {
      return Map.of();
    }
    Map<String, List<SubjectStatement>> statements =
        subjects.statements(context, listed.stream().map(Subject::id).toList());
    var shown = new HashMap<String, List<Kinds.Shown>>();
    for (Subject subject : listed) {
      shown.put(
          subject.id(),
          Kinds.of(subject.schema())
              .identifiers(statements.getOrDefault(subject.id(), List.of()), subject.label()));
    }
    return shown;
  }

  @GetMapping("/{id}")
  String show(@PathVariable String id, AccessContext context, Model model) {
    if (context.purpose() == null) {
      model.addAttribute("needsPurpose", true);
      model.addAttribute("q", "");
      model.addAttribute("schema", "");
      return "casework/subjects";
    }
    try {
      Subject subject = subjects.get(context, id);
      List<SubjectStatement> statements = subjects.statements(context, id);
      Kinds.Kind kind = Kinds.of(subject.schema());
      model.addAttribute("subject", subject);
      model.addAttribute("kind", kind);
      model.addAttribute("identifiers", kind.identifiers(statements, null));
      model.addAttribute("statements", statements);
      model.addAttribute(
          "matches",
          subjects.matches(context, id).stream().map(match -> Shown.Match.of(match, id)).toList());
      model.addAttribute("judgements", subjects.judgements(context, id));
    } catch (NotFound hiddenOrAbsent) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, hiddenOrAbsent.getMessage());
    }
    return "casework/subject";
  }

  /** The entry form for the kind chosen ({@code ?schema=Vessel}); a person's by default. */
  @GetMapping("/new")
  String form(@RequestParam(required = false) String schema, HttpSession session, Model model) {
    var form = new SubjectForm();
    if (schema != null) {
      form.schema = schema;
    }
    form.formId = EnteredForms.issue(session);
    return entry(model, form, Map.of());
  }

  /**
   * Enters the subject. A form this session was issued enters its subject under the form's id, so a
   * second submission (a double click, the browser's back button, a resend) stores nothing and
   * opens the subject the first one entered.
   */
  @PostMapping("/new")
  String submit(
      @RequestParam Map<String, String> params,
      AccessContext context,
      HttpSession session,
      Model model,
      RedirectAttributes redirect) {
    SubjectForm form = SubjectForm.from(params);
    String entered = EnteredForms.enteredBy(session, form.formId);
    if (entered != null) {
      return alreadyEntered(entered, redirect);
    }
    var problems = new Problems();
    try {
      SubjectDraft draft = form.toDraft(context.caller().agency(), problems);
      Submission submission =
          EnteredForms.issued(session, form.formId)
              ? subjects.submit(context, draft, UUID.fromString(form.formId))
              : subjects.submit(context, draft);
      EnteredForms.entered(session, form.formId, submission.subject().id());
      model.addAttribute("submission", submission);
      model.addAttribute("canonical", submission.canonicalId());
      model.addAttribute(
          "matches",
          submission.matches().stream()
              .map(match -> Shown.Match.of(match, submission.subject().id()))
              .toList());
      return "casework/submitted";
    } catch (InvalidRequest e) {
      boolean formFound = problems.any();
      e.all().stream()
          .filter(problem -> !(formFound && "marking".equals(problem.field())))
          .forEach(problems::add);
      return entry(model, form, form.placed(problems.refusal()));
    } catch (DuplicateKeyException sameFormAtOnce) {
      // Both submissions of one form raced; the other stored the subject under the form's id.
      return alreadyEntered(form.formId, redirect);
    }
  }

  private static String alreadyEntered(String subjectId, RedirectAttributes redirect) {
    redirect.addFlashAttribute(
        "message",
        "This form was already submitted: nothing was entered twice. Here is its subject.");
    return "redirect:/resolution/subjects/" + subjectId;
  }

  /**
   * The entry form for the form's kind with its values and errors; an unknown kind is refused
   * beside the kind chooser and no fields are offered.
   */
  private static String entry(Model model, SubjectForm form, Map<String, String> errors) {
    var shown = new LinkedHashMap<>(errors);
    Kinds.Kind kind = null;
    try {
      kind = Kinds.of(Schema.parse("schema", form.schema));
    } catch (InvalidRequest unknown) {
      shown.putAll(PageForms.errorOf(unknown));
    }
    model.addAttribute("form", form);
    model.addAttribute("kind", kind);
    model.addAttribute("fieldErrors", shown);
    return "casework/subject-form";
  }

  @Override
  public ProtectedKind kind() {
    return Subjects.KIND;
  }

  @Override
  public String pathOf(String recordId) {
    return "/resolution/subjects/" + recordId;
  }
}
