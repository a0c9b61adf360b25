package org.presstrace.casework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.presstrace.access.AccessContext;
import org.presstrace.access.Aggregation;
import org.presstrace.access.Criteria;
import org.presstrace.access.GuardedReads;
import org.presstrace.access.Relation;
import org.presstrace.resolution.Judgement;
import org.presstrace.shared.Page;
import org.presstrace.shared.PageQuery;
import org.springframework.stereotype.Component;

/**
 * The guarded reads link analysis is built from: each returns only rows whose every subject the
 * caller may read, so a graph assembled from them cannot show or count a hidden subject.
 */
@Component
class GraphReads {

  /** Ids per query: IN lists stay well below what either database accepts. */
  static final int CHUNK = PageQuery.MAX_SIZE;

  private static final int ROWS = 20_000;

  /** Two subjects resolved as the same entity, the pair's score and its latest judgement. */
  record Pair(String left, String right, double score, Judgement judgement) {}

  /** A shared value held by a subject. */
  record Held(String subject, String key, String kind, String text) {}

  private final GuardedReads reads;

  GraphReads(GuardedReads reads) {
    this.reads = reads;
  }

  /**
   * The resolution links touching {@code subjects} in the caller's agency's view: pairs in the
   * automatic link band it has not judged NOT_SAME, and pairs it judged SAME. Another agency's
   * judgements are not consulted.
   */
  List<Pair> links(AccessContext context, Collection<String> subjects) {
    var scored = new HashMap<String, Pair>();
    var automatic = new HashMap<String, Boolean>();
    var judged = new HashMap<String, Pair>();
    String agency = context.caller().agency();
    for (List<String> chunk : chunks(subjects)) {
      var touching = Map.<String, Object>of("ids", chunk);
      reads.related(
          context,
          pairs("resolution_match", "c.left_id, c.right_id, c.score, c.band")
              .where("c.left_id IN (:ids) OR c.right_id IN (:ids)", touching),
          (rs, row) -> {
            String key = key(rs.getString("left_id"), rs.getString("right_id"));
            scored.put(
                key,
                new Pair(
                    rs.getString("left_id"),
                    rs.getString("right_id"),
                    rs.getDouble("score"),
                    null));
            return automatic.put(key, "LINK".equals(rs.getString("band")));
          });
      reads.related(
          context,
          pairs("resolution_judgement", "c.left_id, c.right_id, c.judgement, c.judged_at, c.id")
              .where(
                  "c.agency = :agency AND (c.left_id IN (:ids) OR c.right_id IN (:ids))",
                  Map.of("ids", chunk, "agency", agency))
              .orderBy("c.judged_at, c.id"),
          (rs, row) ->
              judged.put(
                  key(rs.getString("left_id"), rs.getString("right_id")),
                  new Pair(
                      rs.getString("left_id"),
                      rs.getString("right_id"),
                      0,
                      Judgement.valueOf(rs.getString("judgement")))));
    }
    var links = new ArrayList<Pair>();
    var keys = new java.util.TreeSet<String>(scored.keySet());
    keys.addAll(judged.keySet());
    for (String key : keys) {
      Pair score = scored.get(key);
      Pair judgement = judged.get(key);
      Judgement latest = judgement == null ? null : judgement.judgement();
      boolean link =
          latest == Judgement.SAME
              || (latest != Judgement.NOT_SAME && Boolean.TRUE.equals(automatic.get(key)));
      if (link) {
        Pair pair = score != null ? score : judgement;
        links.add(new Pair(pair.left(), pair.right(), score == null ? 0 : score.score(), latest));
      }
    }
    links.sort(java.util.Comparator.comparing(Pair::left).thenComparing(Pair::right));
    return links;
  }

  /** The shared values held by {@code subjects}. */
  List<Held> values(AccessContext context, Collection<String> subjects) {
    return heldIn(context, "c.entity_id", subjects);
  }

  /** For each value key, how many subjects the caller may read hold it. */
  Map<String, Long> holderCounts(AccessContext context, Collection<String> keys) {
    var counts = new HashMap<String, Long>();
    for (List<String> chunk : chunks(keys)) {
      reads
          .aggregate(
              context,
              Subjects.KIND,
              Criteria.where("c.value_key IN (:keys)", Map.of("keys", chunk)),
              Aggregation.overChildren(
                  "resolution_value",
                  "entity_id",
                  List.of("c.value_key"),
                  Map.of("holders", "COUNT(*)")))
          .forEach(row -> counts.put(row.groups().get(0), row.value("holders").longValue()));
    }
    return counts;
  }

  /** The readable holders of each value key. */
  List<Held> holders(AccessContext context, Collection<String> keys) {
    return heldIn(context, "c.value_key", keys);
  }

  /** The readable (subject, value) rows whose {@code column} is one of {@code ids}, chunked. */
  private List<Held> heldIn(AccessContext context, String column, Collection<String> ids) {
    var held = new ArrayList<Held>();
    for (List<String> chunk : chunks(ids)) {
      held.addAll(heldWhere(context, column + " IN (:ids)", chunk));
    }
    return held;
  }

  /** The subjects among {@code ids} the caller may read, by id. */
  Map<String, Subject> subjects(AccessContext context, Collection<String> ids) {
    var readable = new LinkedHashMap<String, Subject>();
    for (List<String> chunk : chunks(ids)) {
      reads
          .page(
              context,
              Subjects.KIND,
              Criteria.where("r.id IN (:ids)", Map.of("ids", chunk)),
              new PageQuery(0, PageQuery.MAX_SIZE),
              Subjects::subject)
          .items()
          .forEach(subject -> readable.put(subject.id(), subject));
    }
    return readable;
  }

  /** A search over the labels and case references of the subjects the caller may read. */
  Page<Subject> find(AccessContext context, String text, PageQuery page) {
    String pattern =
        "%"
            + text.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_")
            + "%";
    return reads.page(
        context,
        Subjects.KIND,
        Criteria.search(
                "LOWER(r.label) LIKE :q ESCAPE '\\' OR LOWER(r.case_reference) LIKE :q ESCAPE '\\'",
                Map.of("q", pattern))
            .orderBy("r.label"),
        page,
        Subjects::subject);
  }

  /** The statements of the readable subjects among {@code ids}, in stated order, by subject. */
  Map<String, List<SubjectStatement>> statements(AccessContext context, Collection<String> ids) {
    var statements = new LinkedHashMap<String, List<SubjectStatement>>();
    for (List<String> chunk : chunks(ids)) {
      reads.related(
          context,
          Relation.of(
                  "resolution_statement",
                  "entity_id",
                  Subjects.KIND,
                  "c.entity_id, c.ordinal, c.property, c.statement_value, c.source_record,"
                      + " c.agency, c.stated_on")
              .where("c.entity_id IN (:ids)", Map.of("ids", chunk))
              .orderBy("c.entity_id, c.ordinal")
              .limit(ROWS),
          (rs, row) ->
              statements
                  .computeIfAbsent(rs.getString("entity_id"), id -> new ArrayList<>())
                  .add(
                      new SubjectStatement(
                          rs.getString("property"),
                          rs.getString("statement_value"),
                          rs.getString("source_record"),
                          rs.getString("agency"),
                          rs.getObject("stated_on", LocalDate.class))));
    }
    return statements;
  }

  private List<Held> heldWhere(AccessContext context, String predicate, List<String> values) {
    return reads.related(
        context,
        Relation.of(
                "resolution_value",
                "entity_id",
                Subjects.KIND,
                "c.entity_id, c.value_key, c.value_kind, c.value_text")
            .where(predicate, Map.of("ids", values))
            .orderBy("c.value_key, c.entity_id")
            .limit(ROWS),
        (rs, row) ->
            new Held(
                rs.getString("entity_id"),
                rs.getString("value_key"),
                rs.getString("value_kind"),
                rs.getString("value_text")));
  }

  private static Relation pairs(String table, String columns) {
    return Relation.of(table, "left_id", Subjects.KIND, columns)
        .and("right_id", Subjects.KIND)
        .limit(ROWS);
  }

  static String key(String a, String b) {
    return a.compareTo(b) < 0 ? a + " " + b : b + " " + a;
  }

  static <T> List<List<T>> chunks(Collection<T> items) {
    List<T> all = List.copyOf(items);
    var chunks = new ArrayList<List<T>>();
    for (int from = 0; from < all.size(); from += CHUNK) {
      chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
    }
    return chunks;
  }

  static <T, K> Map<K, List<T>> group(Collection<T> items, Function<T, K> by) {
    var grouped = new LinkedHashMap<K, List<T>>();
    items.forEach(
        item -> grouped.computeIfAbsent(by.apply(item), k -> new ArrayList<>()).add(item));
    return grouped;
  }
}
