package org.presstrace.exchange.taxii;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AuditTrail;
import org.presstrace.access.Marking;
import org.presstrace.exchange.stix.PostedMarking;
import org.presstrace.exchange.stix.StixIds;
import org.presstrace.exchange.stix.StixMarkings;
import org.presstrace.exchange.stix.StixValidator;
import org.presstrace.exchange.taxii.internal.ReceivedObjects;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Takes an envelope a partner posts to a writable collection. Every object is checked against the
 * STIX 2.1 schemas and its markings are mapped to a PressTrace marking ({@link PostedMarking});
 * when any object is refused, none is stored and the status names each refusal. Stored objects are
 * intelligence the poster's agency owns, with who sent them and when; storing a version the agency
 * already holds changes nothing. Marking definitions in the envelope are read to interpret the
 * objects' markings and are not stored themselves: what PressTrace serves back refers to the
 * definitions of the marking it enforces.
 */
@Service
public class TaxiiIntake {

  /** The most objects one envelope may hold. */
  public static final int MAX_OBJECTS = 1000;

  private final ReceivedObjects store;
  private final TaxiiCollections collections;
  private final AuditTrail audit;
  private final Clock clock;
  private final StixValidator validator = new StixValidator();

  TaxiiIntake(ReceivedObjects store, TaxiiCollections collections, AuditTrail audit, Clock clock) {
    this.store = store;
    this.collections = collections;
    this.audit = audit;
    this.clock = clock;
  }

  private record Checked(
      JsonNode object, String id, String version, Marking marking, String refusal) {}

  /** Stores the envelope's objects, all or none, and answers the status resource. */
  @Transactional
  public ObjectNode post(AccessContext context, TaxiiCollection collection, JsonNode envelope) {
    if (!collections.writable(context.caller(), collection)) {
      throw new AccessDeniedException(
          "collection " + collection.alias() + " takes no posts from you");
    }
    JsonNode objects = envelope == null ? null : envelope.get("objects");
    if (envelope == null || !envelope.isObject() || objects == null || !objects.isArray()) {
      throw new InvalidRequest("objects", "an envelope is a JSON object with an objects array");
    }
    if (objects.isEmpty() || objects.size() > MAX_OBJECTS) {
      throw new InvalidRequest(
          "objects", "an envelope holds 1 to " + MAX_OBJECTS + " objects, not " + objects.size());
    }
    var list = new ArrayList<JsonNode>();
    objects.forEach(list::add);
    return store(context, collection, list, POSTED);
  }

  /** The source recorded for objects posted to this server. */
  public static final String POSTED = "taxii-post";

  /**
   * Stores {@code objects}, all or none, into {@code collection} for {@code context}'s agency,
   * recording {@code source} (a post, or the partner collection polled) beside each.
   */
  @Transactional
  public ObjectNode store(
      AccessContext context, TaxiiCollection collection, List<JsonNode> objects, String source) {
    if (!collections.writable(context.caller(), collection)) {
      throw new AccessDeniedException(
          "collection " + collection.alias() + " takes no objects from you");
    }
    var definitions = new HashMap<String, JsonNode>();
    for (JsonNode object : objects) {
      if ("marking-definition".equals(object.path("type").asString(""))) {
        definitions.put(object.path("id").asString(""), object);
      }
    }
    var checked = new ArrayList<Checked>();
    for (JsonNode object : objects) {
      checked.add(check(context, object, definitions));
    }
    boolean refused = checked.stream().anyMatch(c -> c.refusal() != null);
    Instant now = clock.instant();
    String statusId = UUID.randomUUID().toString();
    ObjectNode status = JsonNodeFactory.instance.objectNode();
    status.put("id", statusId);
    status.put("status", "complete");
    status.put("request_timestamp", StixIds.timestamp(now));
    status.put("total_count", checked.size());
    ArrayNode successes = JsonNodeFactory.instance.arrayNode();
    ArrayNode failures = JsonNodeFactory.instance.arrayNode();
    int stored = 0;
    for (Checked one : checked) {
      ObjectNode detail = JsonNodeFactory.instance.objectNode();
      detail.put("id", one.id());
      detail.put("version", one.version());
      if (refused) {
        detail.put(
            "message",
            one.refusal() != null
                ? one.refusal()
                : "not stored: another object of the envelope was refused, and an envelope is"
                    + " stored whole or not at all");
        failures.add(detail);
        continue;
      }
      if (one.marking() != null
          && !store.holds(one.marking().ownerAgency(), one.id(), one.version())) {
        ObjectNode body = ((ObjectNode) one.object()).deepCopy();
        ArrayNode refs = body.putArray("object_marking_refs");
        StixMarkings.refs(one.marking()).forEach(refs::add);
        String rowId = UUID.randomUUID().toString();
        store.insert(
            rowId,
            collection.id(),
            one.id(),
            one.object().path("type").asString(),
            one.version(),
            TaxiiCollections.JSON.writeValueAsString(body),
            now,
            context.caller().username(),
            source,
            statusId,
            one.marking());
        audit.record(
            context,
            "CREATE",
            ReceivedObjects.KIND.name(),
            rowId,
            "WRITTEN",
            one.id() + " " + one.version() + " from " + source + ", " + one.marking().banner());
        stored++;
      }
      successes.add(detail);
    }
    status.put("success_count", successes.size());
    status.set("successes", successes);
    status.put("failure_count", failures.size());
    status.set("failures", failures);
    status.put("pending_count", 0);
    status.set("pendings", JsonNodeFactory.instance.arrayNode());
    store.insertStatus(
        statusId,
        context.caller().agency(),
        context.caller().username(),
        now,
        TaxiiCollections.JSON.writeValueAsString(status));
    audit.record(
        context,
        "IMPORT",
        ReceivedObjects.KIND.name(),
        null,
        refused ? "REFUSED" : "WRITTEN",
        "TAXII objects from "
            + source
            + " to "
            + collection.alias()
            + ": "
            + checked.size()
            + " objects, "
            + stored
            + " stored, "
            + failures.size()
            + " refused, status "
            + statusId);
    return status;
  }

  /** The status resource of an envelope the caller's agency posted. */
  public JsonNode status(AccessContext context, String id) {
    return store
        .status(id, context.caller().agency())
        .map(TaxiiCollections.JSON::readTree)
        .orElseThrow(() -> new NotFound("status", id));
  }

  private Checked check(AccessContext context, JsonNode object, Map<String, JsonNode> definitions) {
    String id = object.path("id").asString("");
    String version = object.path("modified").asString(object.path("created").asString(""));
    List<String> problems = validator.problems(object);
    if (!problems.isEmpty()) {
      return new Checked(
          object, id, version, null, "not valid STIX 2.1: " + String.join("; ", problems));
    }
    if ("marking-definition".equals(object.path("type").asString())) {
      return new Checked(object, id, version, null, null);
    }
    if (version.isEmpty()) {
      return new Checked(
          object, id, version, null, "PressTrace stores objects with a created or modified time");
    }
    try {
      return new Checked(
          object, id, version, PostedMarking.of(object, definitions, context.caller()), null);
    } catch (InvalidRequest refusal) {
      return new Checked(object, id, version, null, refusal.getMessage());
    }
  }
}
