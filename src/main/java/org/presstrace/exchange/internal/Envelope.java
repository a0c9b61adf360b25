package org.presstrace.exchange.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.presstrace.access.Marking;
import org.presstrace.access.Tlp;
import org.presstrace.shared.CountryCode;
import org.presstrace.shared.InvalidRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON body of a message between instances: who sends it to whom, its id and the sender's
 * sequence number for the receiver, its type, its marking and its body (a string the type's handler
 * reads).
 */
public record Envelope(
    String id,
    long sequence,
    String type,
    String from,
    String to,
    Instant sentAt,
    Marking marking,
    String body) {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> FIELDS =
      Set.of("id", "sequence", "type", "from", "to", "sentAt", "marking", "body");
  private static final Set<String> MARKING_FIELDS =
      Set.of("ownerAgency", "tlp", "cuiCategory", "noforn", "relTo", "compartment");

  public byte[] toJson() {
    var marking = new LinkedHashMap<String, Object>();
    marking.put("ownerAgency", this.marking.ownerAgency());
    marking.put("tlp", this.marking.tlp().label());
    marking.put("cuiCategory", this.marking.cuiCategory());
    marking.put("noforn", this.marking.noforn());
    marking.put("relTo", this.marking.relTo().stream().map(CountryCode::alpha3).toList());
    marking.put("compartment", this.marking.compartment());
    var fields = new LinkedHashMap<String, Object>();
    fields.put("id", id);
    fields.put("sequence", sequence);
    fields.put("type", type);
    fields.put("from", from);
    fields.put("to", to);
    fields.put("sentAt", sentAt.toString());
    fields.put("marking", marking);
    fields.put("body", body);
    return JSON.writeValueAsString(fields).getBytes(StandardCharsets.UTF_8);
  }

  /** Reads an envelope; any problem is an {@link InvalidRequest} naming the field. */
  public static Envelope parse(byte[] json) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JacksonException e) {
      throw new InvalidRequest("body", "the message is not JSON");
    }
    if (node == null || !node.isObject()) {
      throw new InvalidRequest("body", "the message is not a JSON object");
    }
    only(node, FIELDS, "");
    String id = text(node, "id");
    try {
      if (!UUID.fromString(id).toString().equals(id)) {
        throw new IllegalArgumentException();
      }
    } catch (IllegalArgumentException e) {
      throw new InvalidRequest("id", "message id '" + id + "' is not a lower-case UUID");
    }
    JsonNode sequence = node.get("sequence");
    if (sequence == null
        || !sequence.canConvertToLong()
        || !sequence.isIntegralNumber()
        || sequence.asLong() < 1) {
      throw new InvalidRequest("sequence", "sequence must be a positive integer");
    }
    Instant sentAt;
    try {
      sentAt = Instant.parse(text(node, "sentAt"));
    } catch (DateTimeParseException e) {
      throw new InvalidRequest("sentAt", "sentAt is not an ISO-8601 instant");
    }
    JsonNode marking = node.get("marking");
    if (marking == null || !marking.isObject()) {
      throw new InvalidRequest("marking", "the message has no marking");
    }
    only(marking, MARKING_FIELDS, "marking.");
    JsonNode relTo = marking.get("relTo");
    List<String> countries = new ArrayList<>();
    if (relTo != null && !relTo.isNull()) {
      if (!relTo.isArray()) {
        throw new InvalidRequest("marking.relTo", "relTo must be a list of countries");
      }
      relTo.forEach(code -> countries.add(code.isString() ? code.asString() : ""));
    }
    JsonNode noforn = marking.get("noforn");
    if (noforn == null || !noforn.isBoolean()) {
      throw new InvalidRequest("marking.noforn", "noforn must be true or false");
    }
    var parsed =
        new Marking(
            text(marking, "ownerAgency"),
            Tlp.parse(text(marking, "tlp")),
            optional(marking, "cuiCategory"),
            noforn.asBoolean(),
            Marking.relTo(countries),
            optional(marking, "compartment"));
    return new Envelope(
        id,
        sequence.asLong(),
        text(node, "type"),
        text(node, "from"),
        text(node, "to"),
        sentAt,
        parsed,
        text(node, "body"));
  }

  private static void only(JsonNode node, Set<String> fields, String prefix) {
    for (String name : node.propertyNames()) {
      if (!fields.contains(name)) {
        throw new InvalidRequest(prefix + name, "unknown field '" + prefix + name + "'");
      }
    }
  }

  private static String text(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || !value.isString() || value.asString().isEmpty()) {
      throw new InvalidRequest(name, "the message has no string field '" + name + "'");
    }
    return value.asString();
  }

  private static String optional(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isString()) {
      throw new InvalidRequest(name, "'" + name + "' must be a string");
    }
    return value.asString();
  }
}
