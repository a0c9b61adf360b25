package org.presstrace.cli;

import java.io.StringWriter;
import java.util.List;
import org.presstrace.substances.ClassMatch;
import org.presstrace.substances.ControlAction;
import org.presstrace.substances.ListedHit;
import org.presstrace.substances.ManifestHit;
import org.presstrace.substances.ManifestVerdict;
import org.presstrace.substances.StructureVerdict;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes screening verdicts as one line of JSON each with Jackson's streaming generator, so that
 * {@code screen} starts without the data-binding layer.
 */
final class VerdictJson {

  private VerdictJson() {}

  static String of(StructureVerdict verdict) {
    var out = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(ObjectWriteContext.empty(), out)) {
      json.writeStartObject();
      json.writeBooleanProperty("valid", verdict.valid());
      json.writeStringProperty("smiles", verdict.smiles());
      json.writeStringProperty("parent", verdict.parent());
      json.writeStringProperty("formula", verdict.formula());
      strings(json, "verdict", verdict.verdict());
      json.writeName("listings");
      json.writeStartArray();
      for (ControlAction listing : verdict.listings()) {
        json.writeStartObject();
        json.writeStringProperty("substanceId", listing.substanceId());
        json.writeStringProperty("jurisdiction", listing.jurisdiction());
        json.writeStringProperty("instrument", listing.instrument());
        json.writeStringProperty("category", listing.category());
        json.writeStringProperty("citation", listing.citation());
        json.writeStringProperty("order", listing.order());
        json.writeStringProperty("drugCode", listing.drugCode());
        json.writeStringProperty("effective", listing.effectiveAsCited());
        json.writeStringProperty(
            "until", listing.effectiveTo() == null ? null : listing.effectiveTo().toString());
        json.writeStringProperty("source", listing.source());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeName("classes");
      json.writeStartArray();
      for (ClassMatch match : verdict.classes()) {
        json.writeStartObject();
        json.writeStringProperty("rule", match.rule());
        json.writeStringProperty("jurisdiction", match.jurisdiction());
        json.writeStringProperty("family", match.family());
        strings(json, "modifications", match.modifications());
        strings(json, "explanations", match.explanations());
        json.writeBooleanProperty("excluded", match.excluded());
        json.writeStringProperty("reason", match.reason());
        json.writeStringProperty("source", match.source());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeName("listed");
      json.writeStartArray();
      for (ListedHit hit : verdict.listed()) {
        json.writeStartObject();
        json.writeStringProperty("substanceId", hit.substanceId());
        json.writeStringProperty("name", hit.name());
        json.writeStringProperty("family", hit.family());
        json.writeStringProperty("reason", hit.reason());
        json.writeName("score");
        json.writeNumber(hit.score());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    return out.toString();
  }

  static String of(ManifestVerdict verdict) {
    return of(verdict, null);
  }

  /** The verdict of a manifest line with the line's declared quantity, if it has one. */
  static String of(ManifestVerdict verdict, String quantity) {
    var out = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(ObjectWriteContext.empty(), out)) {
      json.writeStartObject();
      json.writeName("line");
      json.writeNumber(verdict.line());
      json.writeStringProperty("description", verdict.description());
      if (quantity != null && !quantity.isBlank()) {
        json.writeStringProperty("quantity", quantity);
      }
      json.writeBooleanProperty("flagged", verdict.flagged());
      json.writeName("score");
      json.writeNumber(Math.round(verdict.score() * 1000) / 1000.0);
      json.writeName("hits");
      json.writeStartArray();
      for (ManifestHit hit : verdict.hits()) {
        json.writeStartObject();
        json.writeStringProperty("substanceId", hit.substanceId());
        json.writeStringProperty("name", hit.name());
        json.writeStringProperty("reason", hit.reason());
        json.writeStringProperty("matched", hit.matched());
        json.writeName("score");
        json.writeNumber(Math.round(hit.score() * 1000) / 1000.0);
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    return out.toString();
  }

  private static void strings(JsonGenerator json, String name, List<String> values) {
    json.writeName(name);
    json.writeStartArray();
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }
}
