package org.presstrace.resolution.internal;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One copy of each distinct name list and city among the records of a batch, so that equal values
 * are the same object: {@link RememberedSimilarities} then knows a pair it has seen by identity
 * alone, without reading the values again. Filled while the records are prepared, from any number
 * of threads, and dropped with the batch.
 */
final class SharedCopies {

  private final ConcurrentHashMap<List<String>, List<String>> lists = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, String> cities = new ConcurrentHashMap<>();

  /**
   * {@code record} with its person's given names, family names and name tokens, and its city,
   * replaced by the shared copy of an equal value: equal in every component to {@code record}.
   */
  Prepared of(Prepared record) {
    PersonName name = record.person();
    PersonName shared =
        name.isEmpty()
            ? name
            : new PersonName(
                list(name.given()),
                list(name.family()),
                list(name.tokens()),
                name.parts(),
                name.chinese());
    String city =
        record.city().isEmpty() ? record.city() : cities.computeIfAbsent(record.city(), c -> c);
    return record.with(shared, city);
  }

  private List<String> list(List<String> values) {
    if (values.isEmpty()) {
      return List.of();
    }
    List<String> copy = List.copyOf(values);
    List<String> earlier = lists.putIfAbsent(copy, copy);
    return earlier == null ? copy : earlier;
  }
}
