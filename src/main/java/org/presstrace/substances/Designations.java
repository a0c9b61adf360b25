package org.presstrace.substances;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AuditTrail;
import org.presstrace.access.Role;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.presstrace.substances.DesignationPreview.Ended;
import org.presstrace.substances.DesignationPreview.Problem;
import org.presstrace.substances.DesignationPreview.Row;
import org.presstrace.substances.internal.DesignationFile;
import org.presstrace.substances.internal.DesignationStore;
import org.presstrace.substances.internal.Instruments;
import org.presstrace.substances.internal.Molecules;
import org.presstrace.substances.internal.NameMatcher;
import org.presstrace.substances.internal.SubstanceStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Designation imports: an administrator previews an announcement (jurisdiction, instrument,
 * category, effective date, source, substances) with every problem and every change, then applies
 * it in one transaction. Each applied designation gets the next list version; the control actions
 * it creates name it, and the controls it ends keep their rows with an end date, so the full
 * history still answers "what was controlled in J on D". {@link ControlListChanged} is published
 * inside the applying transaction.
 */
@Service
public class Designations {

  private static final int MAX_ROWS = 2000;

  private final DesignationStore store;
  private final SubstanceStore substances;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Designations(
      DesignationStore store,
      SubstanceStore substances,
      AuditTrail audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.store = store;
    this.substances = substances;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /** What applying {@code content} would change, and every problem; stores nothing. */
  @Transactional(readOnly = true)
  public DesignationPreview preview(AccessContext context, String content, String format) {
    requireAdministrator(context);
    return plan(content, format);
  }

  /**
   * Applies {@code content} atomically, or nothing when it has any problem.
   *
   * @throws DesignationRejected carrying every problem of the preview
   */
  @Transactional
  public DesignationView apply(AccessContext context, String content, String format) {
    requireAdministrator(context);
    DesignationPreview plan = plan(content, format);
    if (!plan.applicable()) {
      throw new DesignationRejected(plan);
    }
    String id = UUID.randomUUID().toString();
    int version = currentListVersion() + 1;
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    store.insert(
        new DesignationStore.Applied(
            id,
            version,
            plan.jurisdiction(),
            plan.instrument(),
            plan.category(),
            plan.effectiveFrom(),
            plan.source(),
            plan.contentSha256(),
            plan.rows().size(),
            (int) plan.newSubstances(),
            plan.endedActions().size(),
            context.caller().username(),
            now));
    for (Row row : plan.rows()) {
      if (row.newSubstance()) {
        insertSubstance(row, plan);
      }
      insertNames(row);
      insertControl(id, row.substanceId(), plan);
    }
    for (Ended ended : plan.endedActions()) {
      store.endControl(ended.controlId(), plan.effectiveFrom(), id);
    }
    audit.record(
        context,
        "IMPORT",
        "designation",
        id,
        "APPLIED",
        "list version "
            + version
            + ": "
            + plan.jurisdiction()
            + " "
            + plan.instrument()
            + " "
            + plan.category()
            + " from "
            + plan.effectiveFrom()
            + ", "
            + plan.rows().size()
            + " substances");
    events.publishEvent(
        new ControlListChanged(
            id,
            version,
            plan.jurisdiction(),
            plan.instrument(),
            plan.category(),
            plan.effectiveFrom(),
            plan.rows().stream().map(Row::substanceId).toList(),
            plan.rows().stream().filter(Row::newSubstance).map(Row::substanceId).toList(),
            plan.endedActions().stream().map(Ended::substanceId).toList()));
    return get(id);
  }

  /**
   * The format a designation file's name implies: {@code json} or {@code csv} by its extension,
   * otherwise {@code null} (told by the content).
   */
  public static String formatOf(String fileName) {
    String lower = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    return lower.endsWith(".json") ? "json" : lower.endsWith(".csv") ? "csv" : null;
  }

  /** Applied designations, newest first. */
  public List<DesignationView> list() {
    return store.list();
  }

  public DesignationView get(String id) {
    return store.find(id).orElseThrow(() -> new NotFound("designation", id));
  }

  /** The number of designations applied so far: 0 for the built-in list alone. */
  public int currentListVersion() {
    return store.currentListVersion();
  }

  private static void requireAdministrator(AccessContext context) {
    if (!context.caller().has(Role.ADMINISTRATOR)) {
      throw new AccessDeniedException("only administrators import designations");
    }
  }

  // ---- planning ------------------------------------------------------------------------------

  /** The reference list as stored, for recognising the substances a file names. */
  private record Known(
      Map<String, String> nameById,
      Map<String, String> casById,
      Map<String, String> idByCas,
      Map<String, String> idByName,
      Map<String, String> idByStructure) {}

  private DesignationPreview plan(String content, String format) {
    DesignationFile.Draft draft = DesignationFile.read(content, format);
    var problems = new ArrayList<>(draft.problems());
    if (hasFileProblem(problems)) {
      return new DesignationPreview(
          draft.format(), null, null, null, null, null, List.of(), List.of(), problems, null);
    }
    String jurisdiction = announcementJurisdiction(draft, problems);
    String instrument = null;
    String category = null;
    if (jurisdiction != null) {
      instrument = announcementInstrument(draft, jurisdiction, problems);
      if (instrument != null) {
        category = announcementCategory(draft, jurisdiction, instrument, problems);
      }
    }
    LocalDate effective = announcementDate(draft, problems);
    String source = draft.field("source");
    if (source == null) {
      problems.add(new Problem(0, "source", null, "the source citation is missing"));
    } else if (source.length() > 1000) {
      problems.add(new Problem(0, "source", null, "the source citation is over 1000 characters"));
    }
    if (draft.rows().isEmpty() && !hasFileProblem(problems)) {
      problems.add(new Problem(0, "substances", null, "the announcement lists no substances"));
    }
    if (draft.rows().size() > MAX_ROWS) {
      problems.add(
          new Problem(
              0,
              "substances",
              null,
              "the announcement lists "
                  + draft.rows().size()
                  + " substances, more than "
                  + MAX_ROWS));
    }
    String sha = sha256(content == null ? "" : content.strip());
    for (DesignationStore.Earlier earlier : store.appliedWithContent(sha)) {
      problems.add(
          new Problem(
              0,
              "file",
              null,
              "this announcement was applied already as list version "
                  + earlier.listVersion()
                  + " on "
                  + earlier.appliedAt().toLocalDate()));
    }
    Known known = known();
    var rows = new ArrayList<Row>();
    var ended = new ArrayList<Ended>();
    var firstRowOf = new HashMap<String, Integer>();
    var newIds = new HashSet<String>();
    for (DesignationFile.DraftRow draftRow : draft.rows()) {
      Row row = row(draftRow, known, newIds, problems);
      if (row == null) {
        continue;
      }
      boolean duplicate = false;
      for (String key : keys(row)) {
        Integer first = firstRowOf.putIfAbsent(key, row.row());
        if (first != null) {
          duplicate = true;
          problems.add(
              new Problem(
                  row.row(),
                  key.startsWith("cas:") ? "cas" : "name",
                  row.name(),
                  "duplicate of row " + first + " (" + key.substring(key.indexOf(':') + 1) + ")"));
          break;
        }
      }
      rows.add(row);
      if (!duplicate
          && !row.newSubstance()
          && jurisdiction != null
          && instrument != null
          && effective != null) {
        existingControls(row, jurisdiction, instrument, category, effective, ended, problems);
      }
    }
    return new DesignationPreview(
        draft.format(),
        jurisdiction,
        instrument,
        category,
        effective,
        source,
        rows,
        ended,
        problems,
        sha);
  }

  private static boolean hasFileProblem(List<Problem> problems) {
    return problems.stream().anyMatch(p -> p.row() == 0 && p.field().equals("file"));
  }

  private static String announcementJurisdiction(
      DesignationFile.Draft draft, List<Problem> problems) {
    String value = draft.field("jurisdiction");
    if (value == null) {
      if (!hasFileProblem(problems)) {
        problems.add(new Problem(0, "jurisdiction", null, "the jurisdiction is missing"));
      }
      return null;
    }
    String code = value.toUpperCase(Locale.ROOT);
    if (Instruments.instruments(code).isEmpty()) {
      problems.add(
          new Problem(
              0,
              "jurisdiction",
              value,
              "jurisdiction '"
                  + value
                  + "' is not one designations can be imported for: "
                  + Instruments.jurisdictions()));
      return null;
    }
    return code;
  }

  private static String announcementInstrument(
      DesignationFile.Draft draft, String jurisdiction, List<Problem> problems) {
    String value = draft.field("instrument");
    var known = Instruments.instrument(jurisdiction, value);
    if (known.isEmpty()) {
      problems.add(
          new Problem(
              0,
              "instrument",
              value,
              (value == null
                      ? "the instrument is missing"
                      : "instrument '" + value + "' is unknown")
                  + " for "
                  + jurisdiction
                  + "; known: "
                  + Instruments.instruments(jurisdiction)));
      return null;
    }
    return known.get();
  }

  private static String announcementCategory(
      DesignationFile.Draft draft, String jurisdiction, String instrument, List<Problem> problems) {
    String value = draft.field("category");
    var known = Instruments.category(jurisdiction, instrument, value);
    if (known.isEmpty()) {
      problems.add(
          new Problem(
              0,
              "category",
              value,
              (value == null ? "the category is missing" : "category '" + value + "' is unknown")
                  + " for "
                  + instrument
                  + "; known: "
                  + Instruments.categories(jurisdiction, instrument)));
      return null;
    }
    return known.get();
  }

  private static LocalDate announcementDate(DesignationFile.Draft draft, List<Problem> problems) {
    String value = draft.field("effective");
    if (value == null) {
      if (!hasFileProblem(problems)) {
        problems.add(new Problem(0, "effective", null, "the effective date is missing"));
      }
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      problems.add(
          new Problem(0, "effective", value, "effective date '" + value + "' is not YYYY-MM-DD"));
      return null;
    }
  }

  private Row row(
      DesignationFile.DraftRow draft, Known known, Set<String> newIds, List<Problem> problems) {
    int n = draft.row();
    if (draft.name() == null) {
      problems.add(new Problem(n, "name", null, "the substance has no name"));
      return null;
    }
    if (draft.name().length() > 200) {
      problems.add(new Problem(n, "name", null, "the name is over 200 characters"));
      return null;
    }
    for (String synonym : concat(draft.synonyms(), draft.chinese())) {
      if (synonym.length() > 300) {
        problems.add(new Problem(n, "synonyms", synonym, "a synonym is over 300 characters"));
      }
    }
    String cas = draft.cas();
    if (cas != null) {
      try {
        cas = CasNumber.of(cas).value();
      } catch (InvalidRequest bad) {
        problems.add(new Problem(n, "cas", draft.cas(), bad.getMessage()));
        cas = null;
      }
    }
    String parent = null;
    if (draft.smiles() != null) {
      try {
        parent = Molecules.canonical(Molecules.parent(Molecules.parse(draft.smiles())));
      } catch (InvalidRequest bad) {
        problems.add(new Problem(n, "smiles", draft.smiles(), bad.getMessage()));
      }
    }
    String family = draft.family();
    if (family != null && !family.matches("[a-z][a-z0-9-]{0,39}")) {
      problems.add(
          new Problem(n, "family", family, "family must be lower-case letters, digits or dashes"));
    }
    String byCas = cas == null ? null : known.idByCas().get(cas);
    String byName = null;
    String matchedBy = null;
    for (String name : concat(List.of(draft.name()), concat(draft.synonyms(), draft.chinese()))) {
      byName = known.idByName().get(NameMatcher.normalize(name));
      if (byName != null) {
        break;
      }
    }
    String byStructure = parent == null ? null : known.idByStructure().get(parent);
    String id = byCas != null ? byCas : byName != null ? byName : byStructure;
    if (byCas != null) {
      matchedBy = "CAS " + cas;
    } else if (byName != null) {
      matchedBy = "name";
    } else if (byStructure != null) {
      matchedBy = "structure";
    }
    if (byCas != null && byName != null && !byCas.equals(byName)) {
      problems.add(
          new Problem(
              n,
              "cas",
              cas,
              "CAS "
                  + cas
                  + " is "
                  + known.nameById().get(byCas)
                  + " but the name is "
                  + known.nameById().get(byName)));
    } else if (id != null && cas != null && byCas == null && known.casById().get(id) != null) {
      problems.add(
          new Problem(
              n,
              "cas",
              cas,
              "the name is "
                  + known.nameById().get(id)
                  + ", listed with CAS "
                  + known.casById().get(id)
                  + ", not "
                  + cas));
    }
    boolean isNew = id == null;
    if (isNew) {
      id = newId(draft.name(), known, newIds);
      if (family == null) {
        family = familyOf(draft.smiles(), parent);
      }
    }
    return new Row(
        n,
        draft.name(),
        cas,
        draft.smiles(),
        draft.synonyms(),
        draft.chinese(),
        family,
        id,
        isNew,
        matchedBy);
  }

  private static String familyOf(String smiles, String parent) {
    if (parent == null) {
      return "other";
    }
    return StructureScreen.builtIn().screen(smiles).classes().stream()
        .map(ClassMatch::family)
        .findFirst()
        .orElse("other");
  }

  private static List<String> keys(Row row) {
    var keys = new ArrayList<String>();
    keys.add("id:" + row.substanceId());
    if (row.cas() != null) {
      keys.add("cas:" + row.cas());
    }
    keys.add("name:" + NameMatcher.normalize(row.name()));
    return keys;
  }

  private void existingControls(
      Row row,
      String jurisdiction,
      String instrument,
      String category,
      LocalDate effective,
      List<Ended> ended,
      List<Problem> problems) {
    for (DesignationStore.ExistingControl control :
        store.controls(row.substanceId(), jurisdiction, instrument)) {
      LocalDate to = control.effectiveTo();
      LocalDate by = control.inForceBy();
      String since = control.effectiveAsCited();
      String origin =
          control.listVersion() == null ? "built-in list" : "list version " + control.listVersion();
      String existing = control.category();
      if (to != null && !to.isAfter(effective)) {
        continue;
      }
      if (by != null && by.isAfter(effective)) {
        problems.add(
            new Problem(
                row.row(),
                "effective",
                effective.toString(),
                row.name()
                    + " has a later control under "
                    + instrument
                    + " ("
                    + existing
                    + " from "
                    + since
                    + ", "
                    + origin
                    + "): the effective date "
                    + effective
                    + " comes before it"));
      } else if (category != null && existing.equalsIgnoreCase(category)) {
        problems.add(
            new Problem(
                row.row(),
                "name",
                row.name(),
                row.name()
                    + " is already controlled under "
                    + instrument
                    + ", "
                    + existing
                    + " (since "
                    + since
                    + ", "
                    + origin
                    + ")"));
      } else {
        ended.add(new Ended(control.id(), row.substanceId(), row.name(), existing, since));
      }
    }
  }

  private Known known() {
    var nameById = new HashMap<String, String>();
    var casById = new HashMap<String, String>();
    var idByCas = new HashMap<String, String>();
    var idByStructure = new HashMap<String, String>();
    substances.eachSubstance(
        (id, name, cas, smiles) -> {
          nameById.put(id, name);
          if (cas != null) {
            casById.put(id, cas);
            idByCas.put(cas, id);
          }
          if (smiles != null) {
            idByStructure.putIfAbsent(
                Molecules.canonical(Molecules.parent(Molecules.parse(smiles))), id);
          }
        });
    var idByName = new HashMap<String, String>();
    substances.eachSynonym(
        (substanceId, synonym) -> {
          String key = NameMatcher.normalize(synonym);
          if (!key.isEmpty()) {
            idByName.putIfAbsent(key, substanceId);
          }
        });
    return new Known(nameById, casById, idByCas, idByName, idByStructure);
  }

  private static String newId(String name, Known known, Set<String> taken) {
    String base =
        java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKD)
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (base.isEmpty()) {
      base = "substance";
    }
    if (base.length() > 56) {
      base = base.substring(0, 56);
    }
    String id = base;
    for (int i = 2; known.nameById().containsKey(id) || taken.contains(id); i++) {
      id = base + "-" + i;
    }
    taken.add(id);
    return id;
  }

  // ---- applying ------------------------------------------------------------------------------

  private void insertSubstance(Row row, DesignationPreview plan) {
    String formula = null;
    if (row.smiles() != null) {
      formula = Molecules.formula(Molecules.parent(Molecules.parse(row.smiles())));
    }
    store.insertSubstance(
        row.substanceId(),
        row.name(),
        row.cas(),
        row.family(),
        row.smiles(),
        formula,
        plan.source());
  }

  private void insertNames(Row row) {
    Set<String> present = store.namesOf(row.substanceId());
    if (row.newSubstance()) {
      name(row.substanceId(), row.name(), "NAME", present);
    } else {
      name(row.substanceId(), row.name(), "SYNONYM", present);
    }
    row.synonyms().forEach(s -> name(row.substanceId(), s, "SYNONYM", present));
    row.chineseNames().forEach(s -> name(row.substanceId(), s, "CHINESE", present));
  }

  private void name(String id, String text, String kind, Set<String> present) {
    if (present.add(text)) {
      store.insertName(id, text, kind);
    }
  }

  private void insertControl(String designationId, String substanceId, DesignationPreview plan) {
    store.insertControl(
        designationId,
        substanceId,
        plan.jurisdiction(),
        plan.instrument(),
        plan.category(),
        plan.effectiveFrom(),
        plan.source());
  }

  private static List<String> concat(List<String> a, List<String> b) {
    var all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
