package org.presstrace.ledger;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.presstrace.registry.CustodyEvent;
import org.presstrace.registry.CustodyEvents;
import org.presstrace.registry.CustodyRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks each custody leaf against the custody event the registry stores now ({@link
 * CustodyEvents#stored}), field by field. The n-th custody leaf of a machine stands for its
 * chain-of-custody entry number n: both are written in the same transaction, in the same order. A
 * leaf of format 2 holds commitments: each is re-derived from the row's value and salt ({@link
 * CustodyLeaves#CONTENT}). A leaf written before commitments (format 1) holds the content: the
 * event is rebuilt from it and read through the same accessors the registry used to write the row.
 */
final class CustodyLeafCheck {

  private static final Map<String, Class<?>> TYPES = new HashMap<>();

  static {
    Arrays.stream(CustodyEvent.class.getPermittedSubclasses())
        .forEach(type -> TYPES.put(type.getSimpleName(), type));
  }

  private final CustodyEvents custody;
  private final JsonMapper json = JsonMapper.builder().build();
  private final Map<String, Integer> seen = new HashMap<>();

  CustodyLeafCheck(CustodyEvents custody) {
    this.custody = custody;
  }

  /** The divergence of this custody leaf from its stored row, or null when they agree. */
  String check(LedgerLeaf leaf) {
    int seq = seen.merge(leaf.ref(), 1, Integer::sum);
    JsonNode data = json.readTree(leaf.data());
    if (data.path("format").asInt(1) >= CustodyLeaves.FORMAT) {
      return checkCommitted(leaf, seq, data);
    }
    CustodyEvent logged = rebuild(data);
    if (logged == null) {
      return "leaf " + leaf.index() + ": its data is no custody event PressTrace knows";
    }
    var row = custody.stored(leaf.ref(), seq).map(CustodyLeafCheck::stored);
    if (row.isEmpty()) {
      return missing(leaf, seq);
    }
    Map<String, Object> stored = row.get();
    for (var field : columns(logged).entrySet()) {
      Object now = stored.get(field.getKey());
      if (!same(field.getValue(), now)) {
        return "leaf "
            + leaf.index()
            + ": custody event "
            + stored.get("id")
            + " (machine "
            + leaf.ref()
            + ", entry "
            + seq
            + ") field "
            + field.getKey()
            + " differs from the log";
      }
    }
    return null;
  }

  /** A stored row as a format-2 leaf sees it: what it shows, its salt, its content's values. */
  private record Committed(
      String id,
      Map<String, String> shown,
      String salt,
      Map<String, String> content,
      String marking) {}

  private String checkCommitted(LedgerLeaf leaf, int seq, JsonNode data) {
    var row = custody.stored(leaf.ref(), seq).map(CustodyLeafCheck::committed);
    if (row.isEmpty()) {
      return missing(leaf, seq);
    }
    Committed stored = row.get();
    String event =
        "leaf "
            + leaf.index()
            + ": custody event "
            + stored.id()
            + " (machine "
            + leaf.ref()
            + ", entry "
            + seq
            + ")";
    var shown = new LinkedHashMap<String, String>();
    shown.put("type", text(data, "type"));
    shown.put("machine_id", text(data, "machineId"));
    String committedAgency = text(data, CustodyLeaves.COMMIT + "agency");
    if (committedAgency == null) {
      shown.put("agency", text(data, "agency"));
    }
    for (var field : shown.entrySet()) {
      if (!Objects.equals(field.getValue(), stored.shown().get(field.getKey()))) {
        return event + " field " + field.getKey() + " does not match its leaf";
      }
    }
    if (stored.salt() == null || stored.salt().isBlank()) {
      return event + " has no salt: its fields cannot be checked against its leaf";
    }
    var commit = Commitment.under(stored.salt());
    for (CustodyLeaves.Field field : CustodyLeaves.CONTENT) {
      String logged = text(data, CustodyLeaves.COMMIT + field.name());
      boolean matches =
          field.readings(stored.content().get(field.name())).stream()
              .anyMatch(value -> commit.of(field.name(), value).equals(logged));
      if (!matches) {
        return event + " field " + field.name() + " does not match its leaf";
      }
    }
    if (committedAgency != null
        && !commit.of("agency", stored.shown().get("agency")).equals(committedAgency)) {
      return event + " field agency does not match its leaf";
    }
    String loggedMarking = text(data, CustodyLeaves.COMMIT + CustodyLeaves.MARKING);
    if (loggedMarking != null
        && !commit.of(CustodyLeaves.MARKING, stored.marking()).equals(loggedMarking)) {
      return event + " field marking does not match its leaf";
    }
    return null;
  }

  private static Committed committed(CustodyRecord record) {
    var shown = new HashMap<String, String>();
    shown.put("type", record.type());
    shown.put("machine_id", record.machineId());
    shown.put("agency", record.agency());
    var content = new HashMap<String, String>();
    for (CustodyLeaves.Field field : CustodyLeaves.CONTENT) {
      content.put(field.name(), field.stored(record));
    }
    return new Committed(
        record.id(), shown, record.salt(), content, CustodyLeaves.markingText(record));
  }

  private static String text(JsonNode data, String member) {
    JsonNode value = data.get(member);
    return value == null || value.isNull() ? null : value.asString();
  }

  private static String missing(LedgerLeaf leaf, int seq) {
    return "leaf "
        + leaf.index()
        + ": custody event "
        + seq
        + " of machine "
        + leaf.ref()
        + " is missing from the registry";
  }

  /** The row's columns as the registry writes them from an event. */
  private static Map<String, Object> columns(CustodyEvent event) {
    var columns = new LinkedHashMap<String, Object>();
    columns.put("type", event.type());
    columns.put("machine_id", event.machineId());
    columns.put("occurred_on", event.occurredOn());
    columns.put("from_registrant", event.fromRegistrant());
    columns.put("to_registrant", event.toRegistrant());
    columns.put("agency", event.agency());
    columns.put("buyer_registration", event.buyerRegistration());
    columns.put("buyer_checked_at", event.buyerCheckedAt());
    columns.put("transaction_id", event.transactionId());
    columns.put("details", text(event.details()));
    return columns;
  }

  /** The stored event's values under the same names as {@link #columns}. */
  private static Map<String, Object> stored(CustodyRecord record) {
    var columns = new HashMap<String, Object>();
    columns.put("id", record.id());
    columns.put("type", record.type());
    columns.put("machine_id", record.machineId());
    columns.put("occurred_on", record.occurredOn());
    columns.put("from_registrant", record.fromRegistrant());
    columns.put("to_registrant", record.toRegistrant());
    columns.put("agency", record.agency());
    columns.put("buyer_registration", record.buyerRegistration());
    columns.put("buyer_checked_at", record.buyerCheckedAt());
    columns.put("transaction_id", record.transactionId());
    columns.put("details", text(record.details()));
    return columns;
  }

  /** Equal, allowing the database's rounding of instants to whole microseconds. */
  private static boolean same(Object logged, Object stored) {
    if (logged instanceof Instant a && stored instanceof Instant b) {
      return Duration.between(a, b).abs().compareTo(Duration.ofNanos(1000)) < 0;
    }
    return Objects.equals(logged, stored);
  }

  /** Details as stored: stripped, blank as none. */
  private static String text(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** The event a custody leaf was written from, or null when its data is not one. */
  private static CustodyEvent rebuild(JsonNode data) {
    Class<?> type = TYPES.get(data.path("type").asString(""));
    if (type == null) {
      return null;
    }
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    try {
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        JsonNode value = data.get(components[i].getName());
        values[i] = value == null || value.isNull() ? null : parse(types[i], value.asString());
      }
      return (CustodyEvent) type.getDeclaredConstructor(types).newInstance(values);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static Object parse(Class<?> type, String text) {
    if (type == LocalDate.class) {
      return LocalDate.parse(text);
    }
    if (type == Instant.class) {
      return Instant.parse(text);
    }
    if (type == String.class) {
      return text;
    }
    throw new IllegalArgumentException("no custody event component is a " + type);
  }
}
