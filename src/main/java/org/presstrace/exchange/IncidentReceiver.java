package org.presstrace.exchange;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.presstrace.access.Marking;
import org.presstrace.exchange.internal.IncidentStore;
import org.presstrace.exchange.internal.PartnerStore;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Applies {@value Incidents#INCIDENT} messages: the payload is checked field by field (an unknown,
 * missing or malformed field is an {@link InvalidRequest}, which the inbox answers with a {@code
 * malformed-payload} refusal, storing nothing) and stored once per partner and message id, under
 * the marking as sent but owned by the partner's local agency.
 */
@Component
class IncidentReceiver implements PartnerMessageHandler {

  private static final Set<String> FIELDS =
      Set.of(
          "format",
          "sourceKind",
          "sourceId",
          "agency",
          "reference",
          "stixId",
          "occurredAt",
          "zone",
          "context",
          "portOfEntry",
          "region",
          "place",
          "items",
          "sentBy");
  private static final Set<String> ITEM_FIELDS =
      Set.of(
          "substance",
          "cas",
          "form",
          "netQuantity",
          "netUnit",
          "pillCount",
          "imprint",
          "colour",
          "purityPct",
          "mgPerPill",
          "estimates");
  private static final Set<String> ESTIMATE_FIELDS = Set.of("method", "fentanylMg", "doses");
  private static final Set<String> CONTEXTS =
      Set.of("PORT_OF_ENTRY", "BETWEEN_PORTS", "INTERIOR", "MAIL_EXPRESS");
  private static final Set<String> FORMS = Set.of("POWDER", "PILLS", "LIQUID", "PRECURSOR");
  private static final Set<String> UNITS = Set.of("MG", "G", "KG", "OZ", "LB", "L", "ML");
  private static final Set<String> SOURCE_KINDS = Set.of("seizure", "notice");
  private static final Set<String> METHODS =
      Set.of("LAB_PURITY", "PILL_CONTENT", "ASSUMED_PURITY", "GROSS_UNADJUSTED");
  private static final Pattern STIX_INCIDENT =
      Pattern.compile("incident--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final int MAX_ITEMS = 500;

  private final IncidentStore store;
  private final PartnerStore partners;
  private final Clock clock;

  IncidentReceiver(IncidentStore store, PartnerStore partners, Clock clock) {
    this.store = store;
    this.partners = partners;
    this.clock = clock;
  }

  @Override
  public String type() {
    return Incidents.INCIDENT;
  }

  @Override
  public void receive(ReceivedMessage message) {
    Incident incident = parse(message);
    if (store.holds(message.partnerId(), message.messageId())) {
      return;
    }
    store.insert(incident);
  }

  Incident parse(ReceivedMessage message) {
    Partner partner =
        partners
            .find(message.partnerId())
            .orElseThrow(() -> new NotFound("partner", message.partnerId()));
    JsonNode n;
    try {
      n = Incidents.JSON.readTree(message.body());
    } catch (JacksonException e) {
      throw new InvalidRequest("body", "the incident is not JSON");
    }
    if (n == null || !n.isObject()) {
      throw new InvalidRequest("body", "the incident is not a JSON object");
    }
    onlyKnown(n, FIELDS, "");
    if (!Incidents.FORMAT.equals(text(n, "format", 40, true))) {
      throw new InvalidRequest("format", "format is not " + Incidents.FORMAT);
    }
    String sourceKind = text(n, "sourceKind", 32, true);
    if (!SOURCE_KINDS.contains(sourceKind)) {
      throw new InvalidRequest("sourceKind", "sourceKind is not one of " + SOURCE_KINDS);
    }
    String occurredAt = text(n, "occurredAt", 40, true);
    try {
      OffsetDateTime.parse(occurredAt);
    } catch (DateTimeParseException e) {
      throw new InvalidRequest("occurredAt", "occurredAt is not an ISO date-time with offset");
    }
    String stixId = text(n, "stixId", 80, true);
    if (!STIX_INCIDENT.matcher(stixId).matches()) {
      throw new InvalidRequest("stixId", "stixId is not a STIX incident id");
    }
    String context = oneOf(n, "context", CONTEXTS, "");
    JsonNode itemsNode = n.get("items");
    if (itemsNode == null || !itemsNode.isArray() || itemsNode.size() > MAX_ITEMS) {
      throw new InvalidRequest("items", "items is an array of 0 to " + MAX_ITEMS + " items");
    }
    var items = new ArrayList<Incident.Item>();
    int i = 0;
    for (JsonNode item : itemsNode) {
      items.add(item(item, "items[" + i++ + "]."));
    }
    Marking sent = message.marking();
    Marking local =
        new Marking(
            partner.agency(),
            sent.tlp(),
            sent.cuiCategory(),
            sent.noforn(),
            sent.relTo(),
            sent.compartment());
    return new Incident(
        UUID.randomUUID().toString(),
        message.messageId(),
        partner.id(),
        message.originCountry(),
        text(n, "agency", 32, true),
        sourceKind,
        text(n, "sourceId", 64, true),
        text(n, "reference", 100, false),
        stixId,
        occurredAt,
        text(n, "zone", 64, true),
        context,
        text(n, "portOfEntry", 200, false),
        text(n, "region", 200, false),
        text(n, "place", 300, false),
        List.copyOf(items),
        text(n, "sentBy", 200, true),
        message.sentAt(),
        clock.instant(),
        local);
  }

  private static Incident.Item item(JsonNode n, String path) {
    if (!n.isObject()) {
      throw new InvalidRequest(path, path + " is not an object");
    }
    onlyKnown(n, ITEM_FIELDS, path);
    JsonNode estimatesNode = n.get("estimates");
    if (estimatesNode == null || !estimatesNode.isArray() || estimatesNode.size() > 10) {
      throw new InvalidRequest(path + "estimates", "estimates is an array of 0 to 10 estimates");
    }
    var estimates = new ArrayList<Incident.Estimate>();
    int i = 0;
    for (JsonNode e : estimatesNode) {
      String at = path + "estimates[" + i++ + "].";
      if (!e.isObject()) {
        throw new InvalidRequest(at, at + " is not an object");
      }
      onlyKnown(e, ESTIMATE_FIELDS, at);
      JsonNode doses = e.get("doses");
      if (doses == null || !doses.isIntegralNumber() || doses.asLong() < 0) {
        throw new InvalidRequest(at + "doses", "doses is a whole number, 0 or more");
      }
      estimates.add(
          new Incident.Estimate(
              oneOf(e, "method", METHODS, at), decimal(e, "fentanylMg", at, true), doses.asLong()));
    }
    JsonNode pills = n.get("pillCount");
    if (pills != null && !pills.isNull() && (!pills.isIntegralNumber() || pills.asLong() < 0)) {
      throw new InvalidRequest(path + "pillCount", "pillCount is a whole number, 0 or more");
    }
    BigDecimal net = decimal(n, "netQuantity", path, true);
    return new Incident.Item(
        text(n, "substance", 300, true, path),
        text(n, "cas", 16, false, path),
        oneOf(n, "form", FORMS, path),
        net.toPlainString(),
        oneOf(n, "netUnit", UNITS, path),
        pills == null || pills.isNull() ? null : pills.asLong(),
        text(n, "imprint", 100, false, path),
        text(n, "colour", 100, false, path),
        decimal(n, "purityPct", path, false),
        decimal(n, "mgPerPill", path, false),
        List.copyOf(estimates));
  }

  private static void onlyKnown(JsonNode n, Set<String> known, String path) {
    for (Iterator<String> names = n.propertyNames().iterator(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new InvalidRequest(path + name, "unknown field " + path + name);
      }
    }
  }

  private static String text(JsonNode n, String field, int max, boolean required) {
    return text(n, field, max, required, "");
  }

  private static String text(JsonNode n, String field, int max, boolean required, String path) {
    JsonNode value = n.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        throw new InvalidRequest(path + field, path + field + " is required");
      }
      return null;
    }
    if (!value.isString() || value.asString().isBlank() || value.asString().length() > max) {
      throw new InvalidRequest(path + field, path + field + " must be text of 1-" + max);
    }
    return value.asString();
  }

  private static String oneOf(JsonNode n, String field, Set<String> allowed, String path) {
    String value = text(n, field, 40, true, path);
    if (!allowed.contains(value)) {
      throw new InvalidRequest(path + field, path + field + " '" + value + "' is not known");
    }
    return value;
  }

  private static BigDecimal decimal(JsonNode n, String field, String path, boolean required) {
    String text = text(n, field, 40, required, path);
    if (text == null) {
      return null;
    }
    try {
      BigDecimal value = new BigDecimal(text);
      if (value.signum() < 0) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new InvalidRequest(path + field, path + field + " is not a decimal, 0 or more");
    }
  }
}
