package org.presstrace.exchange.stix;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Checks STIX 2.1 objects against the OASIS STIX 2.1 JSON schemas (shipped under {@code
 * stix2/schemas}, with their licence) and PressTrace's own objects and extensions against its
 * schemas under {@code stix2/presstrace}. No schema is fetched from the network.
 */
public final class StixValidator {

  static final String OASIS =
      "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";
  static final String PRESSTRACE = "https://presstrace.invalid/stix2/presstrace/";

  private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  private static final Map<String, String> SCHEMAS =
      Map.ofEntries(
          Map.entry("marking-definition", OASIS + "common/marking-definition.json"),
          Map.entry("extension-definition", OASIS + "common/extension-definition.json"),
          Map.entry("language-content", OASIS + "common/language-content.json"),
          Map.entry("bundle", OASIS + "common/bundle.json"),
          Map.entry("relationship", OASIS + "sros/relationship.json"),
          Map.entry("sighting", OASIS + "sros/sighting.json"),
          Map.entry(StixMapping.SUBSTANCE_TYPE, PRESSTRACE + "substance.json"),
          Map.entry(StixMapping.PILL_PRESS_TYPE, PRESSTRACE + "pill-press.json"));

  private static final List<String> SDOS =
      List.of(
          "attack-pattern",
          "campaign",
          "course-of-action",
          "grouping",
          "identity",
          "incident",
          "indicator",
          "infrastructure",
          "intrusion-set",
          "location",
          "malware-analysis",
          "malware",
          "note",
          "observed-data",
          "opinion",
          "report",
          "threat-actor",
          "tool",
          "vulnerability");

  private static final List<String> SCOS =
      List.of(
          "artifact",
          "autonomous-system",
          "directory",
          "domain-name",
          "email-addr",
          "email-message",
          "file",
          "ipv4-addr",
          "ipv6-addr",
          "mac-addr",
          "mutex",
          "network-traffic",
          "process",
          "software",
          "url",
          "user-account",
          "windows-registry-key",
          "x509-certificate");

  private final SchemaRegistry registry =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder.schemaIdResolvers(
                  resolvers ->
                      resolvers
                          .mapPrefix(OASIS, "classpath:stix2/schemas/")
                          .mapPrefix(PRESSTRACE, "classpath:stix2/presstrace/")));

  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  /**
   * What is wrong with {@code object} as a STIX 2.1 object, one line per problem naming the
   * property; empty when it is valid.
   */
  public List<String> problems(JsonNode object) {
    var problems = new ArrayList<String>();
    if (object == null || !object.isObject()) {
      problems.add("a STIX object must be a JSON object");
      return problems;
    }
    JsonNode type = object.get("type");
    if (type == null || !type.isString() || !TYPE.matcher(type.asString()).matches()) {
      problems.add("type: a STIX object needs a type of lower-case words joined by dashes");
      return problems;
    }
    for (Error error : schema(type.asString(), object).validate(object)) {
      problems.add(error.getInstanceLocation() + ": " + error.getMessage());
    }
    JsonNode facts = object.path("extensions").path(StixMapping.SEIZURE_EXTENSION);
    if (facts.isObject()) {
      for (Error error : schema(PRESSTRACE + "seizure.json").validate(facts)) {
        problems.add(
            "extensions."
                + StixMapping.SEIZURE_EXTENSION
                + error.getInstanceLocation()
                + ": "
                + error.getMessage());
      }
    }
    return problems;
  }

  /** Whether {@code object} is a valid STIX 2.1 object. */
  public boolean valid(JsonNode object) {
    return problems(object).isEmpty();
  }

  private Schema schema(String type, JsonNode object) {
    String location = SCHEMAS.get(type);
    if (location == null && SDOS.contains(type)) {
      location = OASIS + "sdos/" + type + ".json";
    } else if (location == null && SCOS.contains(type)) {
      location = OASIS + "observables/" + type + ".json";
    } else if (location == null) {
      // An object of a type STIX does not define: the common properties of an SDO (it has a
      // creation time) or of an SCO.
      location =
          OASIS
              + (object.has("created") ? "common/core.json" : "common/cyber-observable-core.json");
    }
    return schema(location);
  }

  private Schema schema(String location) {
    return schemas.computeIfAbsent(location, at -> registry.getSchema(SchemaLocation.of(at)));
  }
}
