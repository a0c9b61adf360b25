package org.presstrace.substances.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.presstrace.substances.CasNumber;
import org.presstrace.substances.ControlAction;
import org.presstrace.substances.Substance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The built-in reference list ({@code substances/reference-list.json}): substances with their
 * controls and sources, and the class-wide controls. Parsed without Spring, so that the command
 * line screens without a database.
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

  static ReferenceList parse(InputStream in) {
    JsonNode root = JsonMapper.builder().build().readTree(in);
    JsonNode sources = root.path("sources");
    var substances = new ArrayList<Substance>();
    for (JsonNode item : root.path("substances")) {
      String id = text(item, "id");
      String cas = text(item, "cas");
      if (cas != null) {
        CasNumber.of(cas);
      }
      String smiles = text(item, "smiles");
      String formula = smiles == null ? null : Molecules.formula(Molecules.parse(smiles));
      var controls = new ArrayList<ControlAction>();
      for (JsonNode control : item.path("controls")) {
        controls.add(control(id, null, control, sources));
      }
      var cited = new ArrayList<String>();
      for (JsonNode key : item.path("sources")) {
        cited.add(citation(sources, key.asString()));
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
              strings(item.path("synonyms")),
              strings(item.path("chinese")),
              cited,
              controls));
    }
    var classes = new ArrayList<ControlAction>();
    for (JsonNode control : root.path("classes")) {
      classes.add(control(null, text(control, "rule"), control, sources));
    }
    return new ReferenceList(text(root, "version"), substances, classes);
  }

  private static ControlAction control(
      String substanceId, String rule, JsonNode control, JsonNode sources) {
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
    return new ControlAction(
        substanceId,
        rule,
        text(control, "jurisdiction"),
        text(control, "instrument"),
        text(control, "category"),
        from,
        asCited,
        inForceBy,
        until == null ? null : day(until),
        citation(sources, text(control, "source")));
  }

  private static LocalDate day(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalStateException("date '" + text + "' in " + RESOURCE + " is not ISO", e);
    }
  }

  private static String citation(JsonNode sources, String key) {
    JsonNode text = sources.get(key);
    if (text == null) {
      throw new IllegalStateException("source '" + key + "' is not defined in " + RESOURCE);
    }
    return text.asString();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }

  private static List<String> strings(JsonNode array) {
    var values = new ArrayList<String>();
    array.forEach(value -> values.add(value.asString()));
    return values;
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
