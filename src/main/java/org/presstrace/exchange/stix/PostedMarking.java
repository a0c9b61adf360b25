package org.presstrace.exchange.stix;

import java.util.Map;
import java.util.TreeSet;
import org.presstrace.access.Caller;
import org.presstrace.access.Marking;
import org.presstrace.access.Tlp;
import org.presstrace.shared.CountryCode;
import org.presstrace.shared.InvalidRequest;
import tools.jackson.databind.JsonNode;

/**
 * The PressTrace marking of a STIX object a partner posts. The poster's agency owns it. Its TLP
 * level is the strictest TLP 2.0 (or STIX 2.1 TLP 1.0) marking definition it refers to; its CUI
 * category, NOFORN and REL TO come from statement markings worded as PressTrace words them ({@code
 * CUI//LEI}, {@code NOFORN}, {@code REL TO CHN, USA}), defined in the same envelope. An object with
 * no TLP marking gets the default, TLP:AMBER for the poster's agency alone. A marking PressTrace
 * cannot enforce (granular markings, a compartment, any other statement, a definition the envelope
 * does not hold) refuses the object rather than storing it under a guess.
 */
public final class PostedMarking {

  /** The TLP level of a posted object that states none: the owning agency alone reads it. */
  public static final Tlp DEFAULT_TLP = Tlp.AMBER;

  private PostedMarking() {}

  /**
   * The marking {@code object} is stored under when {@code poster} posts it; {@code definitions}
   * are the marking definitions of the envelope by id.
   *
   * @throws InvalidRequest naming the marking PressTrace cannot enforce
   */
  public static Marking of(JsonNode object, Map<String, JsonNode> definitions, Caller poster) {
    if (object.has("granular_markings")) {
      throw new InvalidRequest(
          "granular_markings", "granular markings are not accepted; mark the whole object");
    }
    Tlp tlp = null;
    String cui = null;
    boolean noforn = false;
    var relTo = new TreeSet<CountryCode>();
    for (JsonNode ref : object.path("object_marking_refs")) {
      String id = ref.asString();
      var level = StixMarkings.tlpOf(id);
      if (level.isPresent()) {
        tlp = tlp == null || level.get().ordinal() > tlp.ordinal() ? level.get() : tlp;
        continue;
      }
      JsonNode definition = definitions.get(id);
      if (definition == null) {
        throw new InvalidRequest(
            "object_marking_refs",
            "marking " + id + " is neither a TLP marking nor defined in the envelope");
      }
      String statement = definition.path("definition").path("statement").asString("");
      if (!"statement".equals(definition.path("definition_type").asString(""))
          || statement.isBlank()) {
        throw new InvalidRequest(
            "object_marking_refs", "marking " + id + " is not a statement PressTrace enforces");
      }
      if (statement.startsWith("CUI//")) {
        String category = statement.substring(5);
        if (cui != null && !cui.equals(category)) {
          throw new InvalidRequest(
              "object_marking_refs",
              "an object has one CUI category, not " + cui + " and " + category);
        }
        cui = category;
      } else if (statement.equals("NOFORN")) {
        noforn = true;
      } else if (statement.startsWith("REL TO ")) {
        int i = 0;
        for (String code : statement.substring(7).split(",")) {
          relTo.add(CountryCode.parse(code.strip(), "object_marking_refs[" + i++ + "]"));
        }
      } else if (statement.startsWith("COMPARTMENT ")) {
        throw new InvalidRequest(
            "object_marking_refs", "compartment markings are not accepted over TAXII");
      } else {
        throw new InvalidRequest(
            "object_marking_refs",
            "statement marking '" + statement + "' is not one PressTrace enforces");
      }
    }
    if (noforn && poster.foreign()) {
      throw new InvalidRequest("object_marking_refs", "NOFORN is a control for domestic agencies");
    }
    return new Marking(poster.agency(), tlp == null ? DEFAULT_TLP : tlp, cui, noforn, relTo, null);
  }
}
