package org.presstrace.resolution.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many records carry each value of the properties whose agreement is worth more when the value
 * is rare: given names, family names, whole names (tokens in any order), cities and e-mail
 * addresses. Counts only: the values are the index's own keys and never leave it, and the scorer
 * turns a count into a bounded weight ({@link TermWeights}).
 *
 * <p>Not thread-safe for writing: a batch fills it before scoring, the incremental resolver writes
 * under its own lock.
 */
final class ValueCounts {

  /** The counted properties. */
  enum Field {
    GIVEN,
    FAMILY,
    NAME,
    CITY,
    EMAIL
  }

  private final Map<Field, Map<String, Integer>> counts = new EnumMap<>(Field.class);
  private final Map<Field, Integer> totals = new EnumMap<>(Field.class);

  ValueCounts() {
    for (Field field : Field.values()) {
      counts.put(field, new HashMap<>());
      totals.put(field, 0);
    }
  }

  /** Counts over {@code records}. */
  static ValueCounts of(List<Prepared> records) {
    var counts = new ValueCounts();
    records.forEach(counts::add);
    return counts;
  }

  /**
   * Counts tallied elsewhere (an engine that counts record by record across machines): {@code
   * counts} per field and value, {@code totals} the records carrying a value of each field.
   */
  static ValueCounts tallied(
      Map<Field, ? extends Map<String, Integer>> counts, Map<Field, Integer> totals) {
    var tallied = new ValueCounts();
    counts.forEach((field, byValue) -> tallied.counts.get(field).putAll(byValue));
    totals.forEach(tallied.totals::put);
    return tallied;
  }

  void add(Prepared record) {
    change(record, 1);
  }

  void remove(Prepared record) {
    change(record, -1);
  }

  /** A record's values changed: {@code before} is counted out, {@code after} in. */
  void replace(Prepared before, Prepared after) {
    remove(before);
    add(after);
  }

  /** How many records carry {@code value} in {@code field}. */
  int count(Field field, String value) {
    return counts.get(field).getOrDefault(value, 0);
  }

  /** How many records carry a value of {@code field}. */
  int total(Field field) {
    return totals.get(field);
  }

  /** The number of distinct values counted in {@code field}. */
  int distinct(Field field) {
    return counts.get(field).size();
  }

  private void change(Prepared record, int by) {
    values(record)
        .forEach(
            (field, values) -> {
              if (values.isEmpty()) {
                return;
              }
              totals.merge(field, by, Integer::sum);
              Map<String, Integer> byValue = counts.get(field);
              for (String value : values) {
                int after = byValue.getOrDefault(value, 0) + by;
                if (after < 0) {
                  throw new IllegalStateException(field + " value counted out more than in");
                }
                if (after == 0) {
                  byValue.remove(value);
                } else {
                  byValue.put(value, after);
                }
              }
            });
  }

  /** The counted values of {@code record}, field by field; a record counts once per value. */
  static Map<Field, List<String>> values(Prepared record) {
    Map<Field, List<String>> values = new EnumMap<>(Field.class);
    PersonName name = record.person();
    values.put(Field.GIVEN, part(name.given()));
    values.put(Field.FAMILY, part(name.family()));
    values.put(Field.NAME, part(wholeName(name)));
    values.put(Field.CITY, record.city().isEmpty() ? List.of() : List.of(record.city()));
    values.put(Field.EMAIL, List.copyOf(record.emails()));
    return values;
  }

  /** A person's name tokens in a fixed order, so that "Wei WANG" and "WANG Wei" count as one. */
  static List<String> wholeName(PersonName name) {
    var sorted = new ArrayList<>(name.tokens());
    Collections.sort(sorted);
    return sorted;
  }

  /** The tokens of a name part written as one value, or none. */
  static List<String> part(List<String> tokens) {
    return tokens.isEmpty() ? List.of() : List.of(key(tokens));
  }

  static String key(List<String> tokens) {
    return String.join(" ", tokens);
  }
}
