package org.presstrace.exchange.taxii;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.presstrace.shared.InvalidRequest;

/**
 * The filters and paging of a TAXII 2.1 objects or manifest request: {@code added_after}, {@code
 * match[type]}, {@code match[id]}, {@code match[version]} ({@code last} by default, {@code first},
 * {@code all} or timestamps), {@code match[spec_version]}, {@code limit} and the {@code next} token
 * of the page before. A bad value is refused naming the parameter.
 */
public record TaxiiFilter(
    Instant addedAfter,
    Set<String> types,
    Set<String> ids,
    Set<String> versions,
    Set<String> specVersions,
    int limit,
    Cursor after) {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;

  static final Comparator<CollectionEntry> ORDER =
      Comparator.comparing(CollectionEntry::dateAdded)
          .thenComparing(CollectionEntry::id)
          .thenComparing(CollectionEntry::version);

  /** Where the page before ended: the last entry it held. */
  public record Cursor(Instant dateAdded, String id, String version) {

    String token() {
      String text = dateAdded + "|" + id + "|" + version;
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor parse(String token) {
      try {
        String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        String[] parts = text.split("\\|", -1);
        if (parts.length != 3) {
          throw new IllegalArgumentException("three parts expected");
        }
        return new Cursor(Instant.parse(parts[0]), parts[1], parts[2]);
      } catch (IllegalArgumentException | DateTimeParseException e) {
        throw new InvalidRequest("next", "'" + token + "' is not a next token this server gave");
      }
    }

    boolean before(CollectionEntry entry) {
      return ORDER.compare(new CollectionEntry(id, version, dateAdded, null), entry) < 0;
    }
  }

  /** One page of entries, and the token of the next page when there is more. */
  public record Selection(List<CollectionEntry> entries, boolean more, String next) {}

  /** Parses the request's parameters; all may be null. */
  public static TaxiiFilter parse(
      String addedAfter,
      String type,
      String id,
      String version,
      String specVersion,
      String limit,
      String next) {
    Instant after = null;
    if (addedAfter != null) {
      try {
        after = Instant.parse(addedAfter.strip());
      } catch (DateTimeParseException e) {
        throw new InvalidRequest(
            "added_after", "'" + addedAfter + "' is not a timestamp such as 2026-01-01T00:00:00Z");
      }
    }
    int size = DEFAULT_LIMIT;
    if (limit != null) {
      if (!limit.matches("[0-9]{1,9}") || Integer.parseInt(limit) < 1) {
        throw new InvalidRequest("limit", "limit '" + limit + "' is not a whole number from 1");
      }
      size = Math.min(Integer.parseInt(limit), MAX_LIMIT);
    }
    Set<String> versions = list(version);
    for (String v : versions) {
      if (!Set.of("first", "last", "all").contains(v)) {
        try {
          Instant.parse(v);
        } catch (DateTimeParseException e) {
          throw new InvalidRequest(
              "match[version]", "'" + v + "' is not first, last, all or a timestamp");
        }
      }
    }
    if (versions.isEmpty()) {
      versions = Set.of("last");
    }
    return new TaxiiFilter(
        after,
        list(type),
        list(id),
        versions,
        list(specVersion),
        size,
        next == null || next.isBlank() ? null : Cursor.parse(next.strip()));
  }

  /** The same filter for one object, every page. */
  TaxiiFilter forObject(String objectId) {
    return new TaxiiFilter(
        addedAfter, types, Set.of(objectId), versions, specVersions, limit, after);
  }

  private static Set<String> list(String values) {
    var set = new TreeSet<String>();
    if (values != null) {
      for (String value : values.split(",")) {
        if (!value.isBlank()) {
          set.add(value.strip());
        }
      }
    }
    return set;
  }

  /** The entries this filter keeps, ordered by date added, then id and version. */
  public List<CollectionEntry> matching(List<CollectionEntry> entries) {
    var byId = new LinkedHashMap<String, List<CollectionEntry>>();
    for (CollectionEntry entry : entries) {
      if (!types.isEmpty() && !types.contains(entry.type())) {
        continue;
      }
      if (!ids.isEmpty() && !ids.contains(entry.id())) {
        continue;
      }
      if (!specVersions.isEmpty()
          && !specVersions.contains(entry.object().path("spec_version").asString("2.1"))) {
        continue;
      }
      byId.computeIfAbsent(entry.id(), key -> new ArrayList<>()).add(entry);
    }
    var kept = new ArrayList<CollectionEntry>();
    for (List<CollectionEntry> versionsOfOne : byId.values()) {
      versionsOfOne.sort(Comparator.comparing(CollectionEntry::versionInstant));
      for (int i = 0; i < versionsOfOne.size(); i++) {
        CollectionEntry entry = versionsOfOne.get(i);
        boolean keep =
            versions.contains("all")
                || (versions.contains("first") && i == 0)
                || (versions.contains("last") && i == versionsOfOne.size() - 1)
                || versions.stream()
                    .filter(v -> !Set.of("first", "last", "all").contains(v))
                    .anyMatch(v -> Instant.parse(v).equals(entry.versionInstant()));
        if (keep && (addedAfter == null || entry.dateAdded().isAfter(addedAfter))) {
          kept.add(entry);
        }
      }
    }
    kept.sort(ORDER);
    return kept;
  }

  /** The page of {@code entries} (already {@link #matching}) after the cursor. */
  public Selection page(List<CollectionEntry> entries) {
    var rest = after == null ? entries : entries.stream().filter(after::before).toList();
    if (rest.size() <= limit) {
      return new Selection(rest, false, null);
    }
    var page = rest.subList(0, limit);
    CollectionEntry last = page.get(page.size() - 1);
    return new Selection(
        page, true, new Cursor(last.dateAdded(), last.id(), last.version()).token());
  }
}
