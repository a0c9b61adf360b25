package org.presstrace.casework;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.presstrace.access.Tlp;
import org.presstrace.resolution.Schema;
import org.presstrace.shared.InvalidRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * FollowTheMoney entities read from JSON lines, one {@code {"id","schema","properties"}} object a
 * line, as {@link FtmLines the export} writes them: subjects ({@code Person}, {@code Company},
 * {@code Organization} and {@code LegalEntity} as companies, and the asset schemas) and the link
 * schemas of {@link LinkSchema}. The export's banner {@code Document} and its match-derived {@code
 * UnknownLink}s (which carry {@code presstrace.derivedFrom}) are skipped: resolution derives those
 * again. Every line that cannot be read is a problem with its line number; blank lines are ignored.
 */
final class FtmEntities {

  /** Lines a file may hold, as many as the CSV imports' rows. */
  static final int MAX_LINES = 20_000;

  /** Characters a line may hold: a subject of 100 values of 500 characters with room to spare. */
  static final int MAX_LINE_CHARS = 131_072;

  static final int MAX_ID_LENGTH = 100;

  /** The id of the banner line that opens a PressTrace export. */
  static final String BANNER_ID = "presstrace-export-banner";

  /** The detail properties a link line may carry beside its two roles. */
  static final Set<String> LINK_DETAILS =
      Set.of("amount", "currency", "date", "purpose", "relationship", "role");

  /** FollowTheMoney's wider legal-entity schemas, held as companies. */
  private static final Set<String> AS_COMPANY = Set.of("organization", "legalentity");

  enum Kind {
    SUBJECT,
    LINK
  }

  /**
   * One entity read from a line: a subject of {@code subjectSchema} or a link of {@code
   * linkSchema}, with the TLP and NOFORN of the PressTrace marking the line carried, if any.
   */
  record Entity(
      int line,
      String id,
      Kind kind,
      Schema subjectSchema,
      LinkSchema linkSchema,
      Map<String, List<String>> properties,
      Tlp markedTlp,
      boolean markedNoforn) {

    /** Schema and properties in a stable order, for telling an unchanged entity from a new one. */
    String canonical() {
      return (kind == Kind.SUBJECT ? subjectSchema.label() : linkSchema.label())
          + " "
          + new TreeMap<>(properties);
    }

    /** The one value of {@code property}, or null; several are refused. */
    String single(String property) {
      List<String> values = properties.get(property);
      if (values == null || values.isEmpty()) {
        return null;
      }
      if (values.size() > 1) {
        throw new InvalidRequest(
            "properties." + property,
            "a " + linkSchema.label() + " has one " + property + ", not " + values.size());
      }
      return values.get(0);
    }
  }

  /** The entities read, the lines skipped and the lines that could not be read. */
  record Read(
      List<Entity> entities, int lines, int skipped, List<FtmImportReport.Problem> problems) {}

  private FtmEntities() {}

  static Read read(String text, JsonMapper json) {
    var entities = new ArrayList<Entity>();
    var problems = new ArrayList<FtmImportReport.Problem>();
    var seen = new LinkedHashMap<String, Integer>();
    int number = 0;
    int read = 0;
    int skipped = 0;
    for (String raw : text.split("\n", -1)) {
      number++;
      String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
      if (line.isBlank()) {
        continue;
      }
      if (++read > MAX_LINES) {
        problems.add(
            new FtmImportReport.Problem(
                number, "", "a file holds at most " + MAX_LINES + " entities; split the file"));
        break;
      }
      if (line.length() > MAX_LINE_CHARS) {
        problems.add(
            new FtmImportReport.Problem(
                number,
                "",
                "the line is " + line.length() + " characters long, more than " + MAX_LINE_CHARS));
        continue;
      }
      try {
        Entity entity = entity(number, line, json);
        if (entity == null) {
          skipped++;
          continue;
        }
        Integer first = seen.putIfAbsent(entity.id(), number);
        if (first != null) {
          throw new InvalidRequest(
              "id", "id '" + entity.id() + "' is already used on line " + first);
        }
        entities.add(entity);
      } catch (InvalidRequest refused) {
        problems.add(
            new FtmImportReport.Problem(
                number, refused.field() == null ? "" : refused.field(), refused.getMessage()));
      }
    }
    return new Read(entities, read, skipped, problems);
  }

  /** The entity on a line, or null for a line PressTrace derives again (banner, match link). */
  private static Entity entity(int number, String line, JsonMapper json) {
    JsonNode node;
    try {
      node = json.readTree(line);
    } catch (JacksonException notJson) {
      throw new InvalidRequest(
          "", "the line is not JSON: " + firstLine(notJson.getOriginalMessage()));
    }
    if (node == null || !node.isObject()) {
      throw new InvalidRequest("", "the line is not a JSON object");
    }
    String id = text(node.get("id"));
    if (id == null || id.isBlank()) {
      throw new InvalidRequest("id", "an entity needs its id");
    }
    id = id.strip();
    if (id.length() > MAX_ID_LENGTH) {
      throw new InvalidRequest("id", "an id is at most " + MAX_ID_LENGTH + " characters long");
    }
    refuseLoneSurrogates(id, "id");
    String schemaName = text(node.get("schema"));
    if (schemaName == null || schemaName.isBlank()) {
      throw new InvalidRequest("schema", "an entity needs its schema");
    }
    JsonNode presstrace = node.get("presstrace");
    if ((schemaName.equals("Document") && id.equals(BANNER_ID))
        || (presstrace != null && presstrace.has("derivedFrom"))) {
      return null;
    }
    Map<String, List<String>> properties = properties(node.get("properties"));
    Tlp tlp = null;
    boolean noforn = false;
    if (presstrace != null && presstrace.has("marking")) {
      String banner = text(presstrace.get("marking"));
      if (banner == null) {
        throw new InvalidRequest("presstrace.marking", "the marking is a text");
      }
      int end = banner.indexOf(" //");
      try {
        tlp = Tlp.parse(end < 0 ? banner : banner.substring(0, end));
      } catch (InvalidRequest notTlp) {
        throw new InvalidRequest(
            "presstrace.marking", "'" + banner + "' is not a PressTrace marking");
      }
      noforn = banner.contains("//NOFORN");
    }
    String key = schemaName.strip().toLowerCase(Locale.ROOT);
    if (AS_COMPANY.contains(key)) {
      return new Entity(number, id, Kind.SUBJECT, Schema.COMPANY, null, properties, tlp, noforn);
    }
    for (Schema schema : Schema.values()) {
      if (schema.label().equalsIgnoreCase(key)) {
        return new Entity(number, id, Kind.SUBJECT, schema, null, properties, tlp, noforn);
      }
    }
    for (LinkSchema schema : LinkSchema.values()) {
      if (schema.label().equalsIgnoreCase(key)) {
        for (String property : properties.keySet()) {
          if (!schema.roles().contains(property) && !LINK_DETAILS.contains(property)) {
            throw new InvalidRequest(
                "properties." + property,
                "a "
                    + schema.label()
                    + " has no property '"
                    + property
                    + "'; use "
                    + String.join(", ", schema.roles())
                    + " and "
                    + String.join(", ", new java.util.TreeSet<>(LINK_DETAILS)));
          }
        }
        return new Entity(number, id, Kind.LINK, null, schema, properties, tlp, noforn);
      }
    }
    throw new InvalidRequest(
        "schema",
        "schema '"
            + schemaName
            + "' is not one PressTrace imports; use "
            + Schema.LABELS
            + ", Organization, LegalEntity or a link: "
            + LinkSchema.LABELS);
  }

  private static Map<String, List<String>> properties(JsonNode node) {
    if (node == null || node.isNull()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw new InvalidRequest("properties", "properties is an object of lists of texts");
    }
    var properties = new LinkedHashMap<String, List<String>>();
    for (var field : node.properties()) {
      String name = field.getKey();
      refuseLoneSurrogates(name, "properties");
      JsonNode values = field.getValue();
      var texts = new ArrayList<String>();
      if (!values.isArray()) {
        throw new InvalidRequest(
            "properties." + name, name + " is a list of texts, as in FollowTheMoney");
      }
      for (JsonNode value : values) {
        if (!value.isString()) {
          throw new InvalidRequest(
              "properties." + name, name + " holds " + value.getNodeType() + ", not a text");
        }
        refuseLoneSurrogates(value.asString(), "properties." + name);
        texts.add(value.asString());
      }
      properties.put(name, List.copyOf(texts));
    }
    return properties;
  }

  private static String text(JsonNode node) {
    return node == null || !node.isString() ? null : node.asString();
  }

  private static void refuseLoneSurrogates(String text, String field) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new InvalidRequest(
            field,
            "the text holds an unpaired surrogate (\\u"
                + Integer.toHexString(c)
                + "), which is not Unicode");
      }
    }
  }

  private static String firstLine(String message) {
    String text = message == null ? "" : message;
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }
}
