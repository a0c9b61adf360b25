package org.presstrace.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.presstrace.registry.CustodyEvent;
import org.presstrace.registry.CustodyRecord;

/**
 * How a custody event becomes a ledger leaf, kind {@code custody-event}, referenced by machine id.
 *
 * <p>A leaf proves without disclosing (leaf format 2): it shows the event's name, the machine and
 * the acting agency, and holds for every content field in {@link #CONTENT} only a salted {@link
 * Commitment} ({@code "commit.details": "<hex>"}), with the salt kept in the event's row. Leaves
 * written before commitments (format 1, no {@code format} member) hold every component of the event
 * record; they stay as they are and are still checked.
 */
public final class CustodyLeaves {

  public static final String KIND = "custody-event";

  /** The leaf format that holds commitments instead of content. */
  public static final int FORMAT = 2;

  /** The prefix of a commitment member in a leaf: {@code commit.<field>}. */
  public static final String COMMIT = "commit.";

  /**
   * One content field of a custody event, named by its column: its canonical value as the event
   * carries it and as the registry stores it.
   */
  record Field(
      String name,
      Function<CustodyEvent, String> ofEvent,
      Function<CustodyRecord, String> ofRecord) {

    String stored(CustodyRecord record) {
      return ofRecord.apply(record);
    }

    /**
     * The values a stored row may hold for this committed value: an instant is stored rounded to
     * whole microseconds, so it may read one microsecond later than it was committed.
     */
    List<String> readings(String stored) {
      if (stored == null || !name.equals("buyer_checked_at")) {
        return Collections.singletonList(stored);
      }
      return List.of(stored, Instant.parse(stored).minus(1, ChronoUnit.MICROS).toString());
    }
  }

  /**
   * The content of a custody event: every field of the row that says what happened, when, where and
   * to whom. The one list both the writer of a leaf and its verifier use; anything a row gains
   * beyond it (markings, bookkeeping) is not committed to.
   */
  static final List<Field> CONTENT =
      List.of(
          new Field(
              "occurred_on",
              event -> text(event.occurredOn()),
              record -> text(record.occurredOn())),
          new Field("from_registrant", CustodyEvent::fromRegistrant, CustodyRecord::fromRegistrant),
          new Field("to_registrant", CustodyEvent::toRegistrant, CustodyRecord::toRegistrant),
          new Field(
              "buyer_registration",
              CustodyEvent::buyerRegistration,
              CustodyRecord::buyerRegistration),
          new Field(
              "buyer_checked_at",
              event -> instant(event.buyerCheckedAt()),
              record -> instant(record.buyerCheckedAt())),
          new Field("transaction_id", CustodyEvent::transactionId, CustodyRecord::transactionId),
          new Field("details", event -> note(event.details()), record -> note(record.details())));

  private CustodyLeaves() {}

  /**
   * The leaf's members: {@code format}, {@code type}, {@code machineId}, {@code agency} and one
   * commitment per content field under the event's salt (hex, at least 128 bits).
   */
  public static Map<String, Object> fields(CustodyEvent event, String salt) {
    return fields(event, salt, null);
  }

  /**
   * The leaf's members, with a commitment to the marking the event carries of its own ({@link
   * #markingText}; null when it is read with its machine): lowering a stored event's marking to
   * expose it is then a change the verifier names, and the leaf never shows a compartment's code.
   */
  public static Map<String, Object> fields(CustodyEvent event, String salt, String marking) {
    var fields = new LinkedHashMap<String, Object>();
    var commit = Commitment.under(salt);
    fields.put("format", FORMAT);
    fields.put("type", event.type());
    fields.put("machineId", event.machineId());
    if (marking == null) {
      fields.put("agency", event.agency());
    } else {
      // An event with its own marking (a seizure) may not name its agency to those who may not
      // read it; the leaf commits to the agency instead of showing it.
      fields.put(COMMIT + "agency", commit.of("agency", event.agency()));
    }
    for (Field field : CONTENT) {
      fields.put(COMMIT + field.name(), commit.of(field.name(), field.ofEvent().apply(event)));
    }
    fields.put(COMMIT + MARKING, commit.of(MARKING, marking));
    return fields;
  }

  public static byte[] canonical(CustodyEvent event, String salt, String marking) {
    return CanonicalJson.of(fields(event, salt, marking));
  }

  /** The committed member for the event's own marking. */
  public static final String MARKING = "marking";

  /**
   * A stored custody event's own marking as committed: its marking columns joined by {@code |}, or
   * null when it has none (read with its machine).
   */
  public static String markingText(CustodyRecord record) {
    return markingText(record.marking());
  }

  /** As {@link #markingText(CustodyRecord)}, from the marking columns alone. */
  public static String markingText(CustodyRecord.OwnMarking marking) {
    if (marking.ownerAgency() == null) {
      return null;
    }
    return String.join(
        "|",
        marking.ownerAgency(),
        String.valueOf(marking.tlp()),
        String.valueOf(marking.cuiCategory()),
        String.valueOf(marking.noforn()),
        String.valueOf(marking.relTo()),
        String.valueOf(marking.compartment()));
  }

  /** The commitment to one canonical field value under a salt, as a leaf holds it. */
  public static String commitment(String salt, String field, String value) {
    return Commitment.of(salt, field, value);
  }

  /** Free text as stored: stripped, blank as none. */
  static String note(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String text(LocalDate day) {
    return day == null ? null : day.toString();
  }

  /** An instant to the microsecond, the precision the database keeps. */
  private static String instant(Instant at) {
    return at == null ? null : at.truncatedTo(ChronoUnit.MICROS).toString();
  }
}
