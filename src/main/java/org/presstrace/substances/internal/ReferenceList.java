package org.presstrace.substances.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.presstrace.substances.CasNumber;
import org.presstrace.substances.ControlAction;
import org.presstrace.substances.Substance;

/**
 * The built-in reference list ({@code substances/reference-list.json}): substances with their
 * controls and sources, and the class-wide controls. Every Chinese name names its source (or the
 * source saying it is unverified), and a substance without a CAS number names the source saying why
 * ({@code casNote}); the citations join the substance's sources. Parsed without Spring, so that the
 * command line screens without a database.
 */
public final class ReferenceList {

  public static final String RESOURCE = "/substances/reference-list.json";

  private static volatile ReferenceList builtIn;

  private final String version;
  private final List<Substance> substances;
  private final List<ControlAction> classControls;

  ReferenceList(String version, List<Substance> substances, List<ControlAction> classControls) {
    this.version = version;
    this.substances = List.copyOf(substances);
    this.classControls = List.copyOf(classControls);
  }

  /** The list shipped with this build, parsed once. */
  public static ReferenceList builtIn() {
    ReferenceList list = builtIn;
    if (list == null) {
      try (InputStream in = ReferenceList.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("resource " + RESOURCE + " is missing");
        }
        list = parse(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      builtIn = list;
    }
    return list;
  }

  @SuppressWarnings("unchecked")
  static ReferenceList parse(InputStream in) {
    Map<String, Object> root = (Map<String, Object>) PlainJson.read(in);
    Map<String, Object> sources = (Map<String, Object>) root.get("sources");
    var substances = new ArrayList<Substance>();
    for (Map<String, Object> item : objects(root, "substances")) {
      String id = text(item, "id");
      var cited = new ArrayList<String>();
      for (String key : strings(item, "sources")) {
        cited.add(citation(sources, key));
      }
      String cas = text(item, "cas");
      if (cas != null) {
        CasNumber.of(cas);
      } else {
        cite(cited, sources, required(item, "casNote", id + " has no CAS number"));
      }
      var chinese = new ArrayList<String>();
      for (Map<String, Object> name : objects(item, "chinese")) {
        chinese.add(required(name, "name", "a Chinese name of " + id));
        cite(cited, sources, required(name, "source", "Chinese name " + name.get("name")));
      }
      String smiles = text(item, "smiles");
      String formula = smiles == null ? null : Molecules.formula(Molecules.parse(smiles));
      var controls = new ArrayList<ControlAction>();
      for (Map<String, Object> control : objects(item, "controls")) {
        controls.add(control(id, null, control, sources));
      }
      substances.add(
          new Substance(
              id,
              text(item, "name"),
              cas,
              text(item, "family"),
              smiles,
              formula,
              null,
              strings(item, "synonyms"),
              chinese,
              cited,
              controls));
    }
    var classes = new ArrayList<ControlAction>();
    for (Map<String, Object> control : objects(root, "classes")) {
      classes.add(control(null, text(control, "rule"), control, sources));
    }
    return new ReferenceList(text(root, "version"), substances, classes);
  }

  private static ControlAction control(
      String substanceId, String rule, Map<String, Object> control, Map<String, Object> sources) {
    String effective = text(control, "effective");
    String until = text(control, "until");
    LocalDate from = null;
    LocalDate inForceBy = null;
    String asCited = "not recorded";
    if (effective != null && effective.matches("\\d{4}")) {
      asCited = effective;
      inForceBy = LocalDate.of(Integer.parseInt(effective), 12, 31);
    } else if (effective != null) {
      from = day(effective);
      inForceBy = from;
      asCited = effective;
    }
    String what = (substanceId != null ? substanceId : rule) + "'s " + text(control, "category");
    String jurisdiction = text(control, "jurisdiction");
    String sourceKey = text(control, "source");
    String citation = text(control, "citation");
    String order = text(control, "order");
    String drugCode = text(control, "drugCode");
    if (order != null && !order.equals("temporary") && !order.equals("permanent")) {
      throw new IllegalStateException(
          what + " has order '" + order + "', not temporary or permanent, in " + RESOURCE);
    }
    if (drugCode != null && !drugCode.matches("\\d{4}")) {
      throw new IllegalStateException(
          what + " has DEA drug code '" + drugCode + "', not four digits, in " + RESOURCE);
    }
    if ("USA".equals(jurisdiction)) {
      required(control, "citation", "the US control " + what);
      required(control, "order", "the US control " + what);
      if ("domain".equals(sourceKey)) {
        throw new IllegalStateException(
            "the US control " + what + " cites DOMAIN.md; cite the Federal Register or CFR");
      }
    }
    if (until != null && from != null && !day(until).isAfter(from)) {
      throw new IllegalStateException(what + " ends on or before it starts in " + RESOURCE);
    }
    return new ControlAction(
        substanceId,
        rule,
        jurisdiction,
        text(control, "instrument"),
        text(control, "category"),
        from,
        asCited,
        inForceBy,
        until == null ? null : day(until),
        citation(sources, sourceKey),
        null,
        citation,
        order,
        drugCode);
  }

  private static LocalDate day(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalStateException("date '" + text + "' in " + RESOURCE + " is not ISO", e);
    }
  }

  /** Adds the citation of {@code key} once. */
  private static void cite(List<String> cited, Map<String, Object> sources, String key) {
    String text = citation(sources, key);
    if (!cited.contains(text)) {
      cited.add(text);
    }
  }

  /** The field's text; the list is refused without it ({@code what} says what needs it). */
  private static String required(Map<String, Object> object, String field, String what) {
    String value = text(object, field);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(what + " needs '" + field + "' in " + RESOURCE);
    }
    return value;
  }

  private static String citation(Map<String, Object> sources, String key) {
    Object text = sources.get(key);
    if (text == null) {
      throw new IllegalStateException("source '" + key + "' is not defined in " + RESOURCE);
    }
    return text.toString();
  }

  private static String text(Map<String, Object> object, String field) {
    Object value = object.get(field);
    return value == null ? null : value.toString();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> objects(Map<String, Object> object, String field) {
    Object value = object.get(field);
    return value == null ? List.of() : (List<Map<String, Object>>) value;
  }

  private static List<String> strings(Map<String, Object> object, String field) {
    Object value = object.get(field);
    return value == null ? List.of() : ((List<?>) value).stream().map(Object::toString).toList();
  }

  public String version() {
    return version;
  }

  public List<Substance> substances() {
    return substances;
  }

  public List<ControlAction> classControls() {
    return classControls;
  }
}
