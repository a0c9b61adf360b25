package org.presstrace.exchange.stix;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.presstrace.access.Marking;
import org.presstrace.access.Tlp;
import org.presstrace.shared.CountryCode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * PressTrace markings as STIX marking definitions. The TLP level is one of the five standard TLP
 * 2.0 marking-definition objects (the OASIS TLP 2.0 extension, with their published ids); the CUI
 * category, NOFORN, REL TO and a compartment are statement markings whose ids are deterministic in
 * their text, so every PressTrace instance names the same statement with the same id. Every object
 * PressTrace exports refers, in {@code object_marking_refs}, to all the definitions its record's
 * marking needs.
 */
public final class StixMarkings {

  /** The OASIS extension defining the TLP 2.0 marking definitions. */
  public static final String TLP2_EXTENSION =
      "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

  /** When the TLP 2.0 definitions were published; part of each published object. */
  static final String TLP2_CREATED = "2022-10-01T00:00:00.000Z";

  /** When PressTrace's statement markings and extension definitions were first defined. */
  static final String PRESSTRACE_DEFINED = "2026-01-01T00:00:00.000Z";

  private static final Map<Tlp, String> TLP2_IDS = new EnumMap<>(Tlp.class);

  /** TLP 1.0 definitions of STIX 2.1 itself, read (never written) when a partner posts them. */
  private static final Map<String, Tlp> TLP1_IDS =
      Map.of(
          "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", Tlp.CLEAR,
          "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", Tlp.GREEN,
          "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", Tlp.AMBER,
          "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", Tlp.RED);

  static {
    TLP2_IDS.put(Tlp.CLEAR, "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487");
    TLP2_IDS.put(Tlp.GREEN, "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb");
    TLP2_IDS.put(Tlp.AMBER, "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421");
    TLP2_IDS.put(Tlp.AMBER_STRICT, "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003");
    TLP2_IDS.put(Tlp.RED, "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1");
  }

  private StixMarkings() {}

  /** The id of the standard TLP 2.0 marking definition for {@code tlp}. */
  public static String tlpId(Tlp tlp) {
    return TLP2_IDS.get(tlp);
  }

  /** The TLP level a TLP 2.0 (or STIX 2.1 TLP 1.0) marking-definition id stands for. */
  public static Optional<Tlp> tlpOf(String markingId) {
    for (var entry : TLP2_IDS.entrySet()) {
      if (entry.getValue().equals(markingId)) {
        return Optional.of(entry.getKey());
      }
    }
    return Optional.ofNullable(TLP1_IDS.get(markingId));
  }

  /** The statements a marking needs beside its TLP level, in a fixed order. */
  static List<String> statements(Marking marking) {
    var statements = new ArrayList<String>();
    if (marking.cuiCategory() != null) {
      statements.add("CUI//" + marking.cuiCategory());
    }
    if (marking.noforn()) {
      statements.add("NOFORN");
    }
    if (!marking.relTo().isEmpty()) {
      statements.add(
          "REL TO "
              + marking.relTo().stream()
                  .map(CountryCode::alpha3)
                  .collect(Collectors.joining(", ")));
    }
    if (marking.compartment() != null) {
      statements.add("COMPARTMENT " + marking.compartment());
    }
    return statements;
  }

  /** The deterministic id of the statement marking with {@code text}. */
  public static String statementId(String text) {
    return StixIds.of("marking-definition", "statement", text);
  }

  /** The {@code object_marking_refs} of an object carrying {@code marking}. */
  public static List<String> refs(Marking marking) {
    var refs = new ArrayList<String>();
    refs.add(tlpId(marking.tlp()));
    statements(marking).forEach(text -> refs.add(statementId(text)));
    return refs;
  }

  /** The marking-definition objects {@link #refs} names, keyed by id. */
  public static Map<String, ObjectNode> definitions(Marking marking) {
    var definitions = new LinkedHashMap<String, ObjectNode>();
    ObjectNode tlp = tlpDefinition(marking.tlp());
    definitions.put(tlp.get("id").asString(), tlp);
    for (String text : statements(marking)) {
      ObjectNode statement = statementDefinition(text);
      definitions.put(statement.get("id").asString(), statement);
    }
    return definitions;
  }

  /** The published TLP 2.0 marking-definition object for {@code tlp}. */
  public static ObjectNode tlpDefinition(Tlp tlp) {
    ObjectNode definition = JsonNodeFactory.instance.objectNode();
    definition.put("type", "marking-definition");
    definition.put("spec_version", "2.1");
    definition.put("id", tlpId(tlp));
    definition.put("created", TLP2_CREATED);
    definition.put("name", "TLP:" + tlp.label());
    ObjectNode extension = definition.putObject("extensions").putObject(TLP2_EXTENSION);
    extension.put("extension_type", "property-extension");
    extension.put("tlp_2_0", tlp.label().toLowerCase(java.util.Locale.ROOT));
    return definition;
  }

  /** A statement marking definition, created by PressTrace. */
  public static ObjectNode statementDefinition(String text) {
    ObjectNode definition = JsonNodeFactory.instance.objectNode();
    definition.put("type", "marking-definition");
    definition.put("spec_version", "2.1");
    definition.put("id", statementId(text));
    definition.put("created_by_ref", StixMapping.PRESSTRACE_IDENTITY);
    definition.put("created", PRESSTRACE_DEFINED);
    definition.put("name", text);
    definition.put("definition_type", "statement");
    definition.putObject("definition").put("statement", text);
    return definition;
  }
}
