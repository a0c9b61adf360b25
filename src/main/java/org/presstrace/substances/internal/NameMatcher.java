package org.presstrace.substances.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.presstrace.substances.CasNumber;
import org.presstrace.substances.ListedHit;

/**
 * Matches what a person or a manifest calls a substance against the names, synonyms, Chinese names
 * and CAS numbers of the list: tolerant of case, hyphens, spaces, salt words ("hydrochloride",
 * "HCl", "citrate") and small misspellings (Levenshtein distance growing with the name's length).
 * Names are looked up in an index ({@link NameIndex}) that finds every name within the allowed
 * distance without computing the distance to each name; exact CAS numbers in a hash table.
 * Thread-safe.
 */
public final class NameMatcher {

  /** One name a substance is known by. */
  public record Entry(String substanceId, String name, String family, String text, String kind) {}

  static final Set<String> SALT_WORDS =
      Set.of(
          "hydrochloride",
          "dihydrochloride",
          "hcl",
          "2hcl",
          "citrate",
          "hydrobromide",
          "hbr",
          "sulfate",
          "sulphate",
          "phosphate",
          "tartrate",
          "oxalate",
          "fumarate",
          "maleate",
          "mesylate",
          "salt",
          "base",
          "freebase",
          "free",
          "monohydrate",
          "hydrate");

  private static final java.util.regex.Pattern NOT_LETTER_OR_DIGIT =
      java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

  /** Containment hits score below this: {@code 0.5 * shorter / longer + 0.25}, shorter < longer. */
  private static final double CONTAINMENT_BELOW = 0.75;

  private final List<Entry> entries;
  private final List<String> normalized;
  private final NameIndex names;
  private final Map<String, List<Integer>> cas = new HashMap<>();

  /** Every normalised name, each followed by a space (never part of one): one string to search. */
  private final String allNames;

  /**
   * Every three characters that follow each other in a normalised name, packed into a long, sorted:
   * a query with three characters not among them is in no name.
   */
  private final long[] triples;

  public NameMatcher(List<Entry> entries) {
    this.entries = List.copyOf(entries);
    this.normalized = this.entries.stream().map(e -> normalize(e.text())).toList();
    var searchable = new ArrayList<String>();
    var joined = new StringBuilder();
    for (int i = 0; i < this.entries.size(); i++) {
      Entry entry = this.entries.get(i);
      if (entry.kind().equals("CAS")) {
        searchable.add(null);
        cas.computeIfAbsent(entry.text(), text -> new ArrayList<>()).add(i);
      } else {
        searchable.add(normalized.get(i));
        joined.append(normalized.get(i)).append(' ');
      }
    }
    this.names = new NameIndex(searchable, length -> limit(length));
    this.allNames = joined.toString();
    var packed = new java.util.TreeSet<Long>();
    for (int i = 0; i + 2 < allNames.length(); i++) {
      packed.add(triple(allNames, i));
    }
    this.triples = packed.stream().mapToLong(Long::longValue).toArray();
  }

  /** Lower case, NFKC, salt words dropped, everything but letters and digits removed. */
  public static String normalize(String text) {
    String ascii = normalizeAscii(text);
    return ascii != null ? ascii : normalizeUnicode(text);
  }

  /** {@link #normalize} for any text, by the rule as written. */
  static String normalizeUnicode(String text) {
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    var kept = new StringBuilder();
    for (String word : NOT_LETTER_OR_DIGIT.split(folded)) {
      if (!SALT_WORDS.contains(word)) {
        kept.append(word);
      }
    }
    return kept.toString();
  }

  /**
   * {@link #normalize} of a text of ASCII characters only, or {@code null} for any other text. NFKC
   * leaves ASCII as it is, its lower case is ASCII, and its letters and digits are {@code
   * [a-z0-9]}: the runs of those, salt words dropped, joined.
   */
  static String normalizeAscii(String text) {
    int n = text.length();
    StringBuilder kept = null;
    int runStart = -1;
    for (int i = 0; i <= n; i++) {
      char c = i < n ? text.charAt(i) : ' ';
      if (c >= 0x80) {
        return null;
      }
      boolean alphanumeric =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (alphanumeric) {
        if (runStart < 0) {
          runStart = i;
        }
      } else if (runStart >= 0) {
        String word = text.substring(runStart, i).toLowerCase(Locale.ROOT);
        if (!SALT_WORDS.contains(word)) {
          if (kept == null) {
            kept = new StringBuilder(n);
          }
          kept.append(word);
        }
        runStart = -1;
      }
    }
    return kept == null ? "" : kept.toString();
  }

  /**
   * Whether {@link #match(String, String, double)} under a minimum of at least {@value
   * #CONTAINMENT_BELOW} can answer any hit for a query of normal form {@code normalized}: only a
   * query with a listed name within the allowed distance, or one that could be a CAS number (digits
   * only once normalised), can. Allocates nothing for a query that cannot.
   */
  public boolean mayMatch(String normalized) {
    return mayMatch(normalized, characters(normalized));
  }

  /**
   * As {@link #mayMatch(String)}, given {@code characters(normalized)}, which for a phrase is its
   * words' {@code characters} together.
   */
  public boolean mayMatch(String normalized, long characters) {
    if (normalized.isEmpty()) {
      return false;
    }
    boolean digits = true;
    for (int i = 0; i < normalized.length() && digits; i++) {
      char c = normalized.charAt(i);
      digits = c >= '0' && c <= '9';
    }
    return digits || names.anyWithin(normalized, characters, limit(normalized));
  }

  /**
   * The characters of a normalised text as bits, for {@link #mayMatch(String, long)}: those of two
   * texts joined are those of each together.
   */
  public static long characters(String normalized) {
    return NameIndex.mask(normalized);
  }

  /** The best hit per substance, best first; {@code minimum} drops looser hits. */
  public List<ListedHit> match(String query, double minimum) {
    if (query == null || query.isBlank()) {
      return List.of();
    }
    return match(query, normalize(query.strip()), minimum);
  }

  /**
   * As {@link #match(String, double)}, for a caller that has already normalised the query ({@code
   * normalized} must be {@code normalize(query.strip())}, or the concatenation of the normalised
   * words of a phrase, which is the same).
   */
  public List<ListedHit> match(String query, String normalized, double minimum) {
    if (query == null || query.isBlank()) {
      return List.of();
    }
    // Every name within the limit, exact ones at distance 0, by entry index: the order in which a
    // comparison with every name would meet them, so ties between names go the same way.
    var within = new TreeMap<Integer, Integer>();
    if (!normalized.isEmpty()) {
      names.within(normalized, limit(normalized), (indices, d) -> keep(within, indices, d));
    }
    return match(query, normalized, minimum, within);
  }

  /** Receives the hits of one phrase of a line: words {@code from} to {@code to}, joined. */
  public interface PhraseHits {
    void accept(int from, int to, String phrase, List<ListedHit> hits);
  }

  /**
   * Matches every phrase of one to {@code longest} words of a line whose normal form has at least
   * three characters, by first word and then by last, and hands each one that may hit ({@link
   * #mayMatch(String)}) to {@code found}, as {@link #match(String, String, double)} on the phrase
   * (its words joined by a space) would answer under a {@code minimum} of at least {@value
   * #CONTAINMENT_BELOW}. {@code normalized} holds each word's {@link #normalize normal form}. The
   * names' pieces are looked for once in the whole line, and a phrase near no name allocates
   * nothing.
   */
  public void matchPhrases(
      String[] words, String[] normalized, int longest, double minimum, PhraseHits found) {
    NameIndex.Line line = names.line(normalized, longest);
    for (int from = 0; from < words.length; from++) {
      for (int to = from; to < Math.min(words.length, from + longest); to++) {
        if (line.length(from, to) < 3) {
          continue;
        }
        if (line.digits(from, to)) {
          String phrase = String.join(" ", java.util.Arrays.asList(words).subList(from, to + 1));
          found.accept(from, to, phrase, match(phrase, line.normalForm(from, to), minimum));
        } else if (line.within(from, to, null)) {
          var within = new TreeMap<Integer, Integer>();
          line.within(from, to, (indices, d) -> keep(within, indices, d));
          String phrase = String.join(" ", java.util.Arrays.asList(words).subList(from, to + 1));
          found.accept(from, to, phrase, match(phrase, line.normalForm(from, to), minimum, within));
        }
      }
    }
  }

  private static void keep(TreeMap<Integer, Integer> within, int[] indices, int d) {
    for (int index : indices) {
      within.put(index, d);
    }
  }

  /** The hits of {@code query}, given every name {@code within} the limit of its normal form. */
  private List<ListedHit> match(
      String query, String normalized, double minimum, TreeMap<Integer, Integer> within) {
    var best = new LinkedHashMap<String, ListedHit>();
    String text = query.strip();
    if (CasNumber.looksLikeOne(text)) {
      casHits(text).forEach(hit -> keepBest(best, hit));
    }
    String wanted = normalized;
    if (wanted.isEmpty()) {
      return sorted(best, minimum);
    }
    // Exact hits and hits on a name that contains the query, in entry order.
    var firstPass = new TreeMap<Integer, ListedHit>();
    int nearest = Integer.MAX_VALUE;
    for (var found : within.entrySet()) {
      if (found.getValue() == 0) {
        Entry entry = entries.get(found.getKey());
        String reason =
            switch (entry.kind()) {
              case "CHINESE" -> "Chinese name";
              case "NAME" -> "exact name";
              default -> "exact synonym";
            };
        firstPass.put(found.getKey(), hit(entry, reason, 1.0));
        nearest = 0;
      }
    }
    // A containment hit always scores below 0.75, so it can only matter under a lower minimum.
    boolean containment = minimum < CONTAINMENT_BELOW;
    if (containment && wanted.length() >= 3 && inSomeName(wanted)) {
      for (int i = 0; i < entries.size(); i++) {
        String candidate = this.normalized.get(i);
        if (entries.get(i).kind().equals("CAS")
            || candidate.isEmpty()
            || within.containsKey(i)
            || !candidate.contains(wanted)) {
          continue;
        }
        firstPass.put(
            i,
            hit(
                entries.get(i),
                "name contains '" + text + "'",
                0.5 * wanted.length() / candidate.length() + 0.25));
      }
    }
    firstPass.values().forEach(hit -> keepBest(best, hit));
    // A misspelling belongs to the listed name it is nearest to. Names that differ only in their
    // defining prefix (isotonitazene and protonitazene, etonitazene and metonitazene,
    // acetylfentanyl and acrylfentanyl) are different substances: a query that is one of them
    // exactly, or nearer to it, is not a misspelling of the other.
    for (int d : within.values()) {
      if (d > 0) {
        nearest = Math.min(nearest, d);
      }
    }
    for (var found : within.entrySet()) {
      int d = found.getValue();
      if (d > 0 && d == nearest) {
        String candidate = this.normalized.get(found.getKey());
        double score = 1.0 - (double) d / Math.max(wanted.length(), candidate.length());
        keepBest(
            best,
            hit(
                entries.get(found.getKey()),
                "fuzzy name, edit distance " + d,
                Math.min(0.95, score)));
      }
    }
    List<ListedHit> hits = sorted(best, minimum);
    if (!containment && tied(hits)) {
      // Two substances of the same name and score: their order is the order in which a full
      // comparison would first have met them, containment hits included.
      return matchByScan(query, minimum);
    }
    return hits;
  }

  /** Whether {@code wanted} occurs in a normalised name, its triples looked up first. */
  private boolean inSomeName(String wanted) {
    for (int i = 0; i + 2 < wanted.length(); i++) {
      if (java.util.Arrays.binarySearch(triples, triple(wanted, i)) < 0) {
        return false;
      }
    }
    return allNames.contains(wanted);
  }

  private static long triple(String text, int at) {
    return ((long) text.charAt(at) << 32)
        | ((long) text.charAt(at + 1) << 16)
        | text.charAt(at + 2);
  }

  private static int limit(String wanted) {
    return limit(wanted.length());
  }

  /** The edit distance allowed for a normalised query of {@code length} characters. */
  private static int limit(int length) {
    return length <= 4 ? 0 : length <= 6 ? 1 : length <= 14 ? 2 : 3;
  }

  private static List<ListedHit> sorted(Map<String, ListedHit> best, double minimum) {
    var hits = new ArrayList<>(best.values());
    hits.removeIf(hit -> hit.score() < minimum);
    hits.sort(
        Comparator.comparingDouble(ListedHit::score).reversed().thenComparing(ListedHit::name));
    return hits;
  }

  private static boolean tied(List<ListedHit> hits) {
    for (int i = 1; i < hits.size(); i++) {
      if (hits.get(i).score() == hits.get(i - 1).score()
          && hits.get(i).name().equals(hits.get(i - 1).name())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The same answer as {@link #match(String, double)}, by comparing the query with every name: the
   * reference the index is tested against, and the way ties between substances of one name are
   * ordered.
   */
  List<ListedHit> matchByScan(String query, double minimum) {
    if (query == null || query.isBlank()) {
      return List.of();
    }
    var best = new LinkedHashMap<String, ListedHit>();
    String text = query.strip();
    if (CasNumber.looksLikeOne(text)) {
      casHits(text).forEach(hit -> keepBest(best, hit));
    }
    String wanted = normalize(text);
    if (!wanted.isEmpty()) {
      int limit = limit(wanted);
      var distance = new LevenshteinDistance(limit);
      int nearest = Integer.MAX_VALUE;
      var fuzzy = new ArrayList<ListedHit>();
      var fuzzyDistance = new ArrayList<Integer>();
      for (int i = 0; i < entries.size(); i++) {
        Entry entry = entries.get(i);
        if (entry.kind().equals("CAS")) {
          continue;
        }
        String candidate = normalized.get(i);
        if (candidate.isEmpty()) {
          continue;
        }
        if (candidate.equals(wanted)) {
          String reason =
              switch (entry.kind()) {
                case "CHINESE" -> "Chinese name";
                case "NAME" -> "exact name";
                default -> "exact synonym";
              };
          keepBest(best, hit(entry, reason, 1.0));
          nearest = 0;
          continue;
        }
        // Levenshtein distance is at least the difference in length: skip hopeless pairs.
        int d =
            Math.abs(wanted.length() - candidate.length()) > limit
                ? -1
                : distance.apply(wanted, candidate);
        if (d > 0) {
          double score = 1.0 - (double) d / Math.max(wanted.length(), candidate.length());
          fuzzy.add(hit(entry, "fuzzy name, edit distance " + d, Math.min(0.95, score)));
          fuzzyDistance.add(d);
          nearest = Math.min(nearest, d);
        } else if (wanted.length() >= 3 && candidate.contains(wanted)) {
          keepBest(
              best,
              hit(
                  entry,
                  "name contains '" + text + "'",
                  0.5 * wanted.length() / candidate.length() + 0.25));
        }
      }
      for (int i = 0; i < fuzzy.size(); i++) {
        if (fuzzyDistance.get(i) == nearest) {
          keepBest(best, fuzzy.get(i));
        }
      }
    }
    return sorted(best, minimum);
  }

  private List<ListedHit> casHits(String text) {
    var hits = new ArrayList<ListedHit>();
    boolean failing = CasNumber.checkDigitFails(text);
    if (!failing) {
      for (int index : cas.getOrDefault(text, List.of())) {
        hits.add(hit(entries.get(index), "exact CAS", 1.0));
      }
      return hits;
    }
    String digits = text.replace("-", "");
    var oneApart = new LevenshteinDistance(1);
    for (Entry entry : entries) {
      if (!entry.kind().equals("CAS")) {
        continue;
      }
      String other = entry.text().replace("-", "");
      int d = oneApart.apply(digits, other);
      if (d == 1 || transposed(digits, other)) {
        hits.add(
            hit(
                entry,
                "CAS '" + text + "' fails its check digit; one digit from " + entry.text(),
                0.8));
      }
    }
    return hits;
  }

  private static boolean transposed(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    int first = -1;
    for (int i = 0; i < a.length(); i++) {
      if (a.charAt(i) != b.charAt(i)) {
        if (first < 0) {
          first = i;
        } else {
          return i == first + 1
              && a.charAt(first) == b.charAt(i)
              && a.charAt(i) == b.charAt(first)
              && a.substring(i + 1).equals(b.substring(i + 1));
        }
      }
    }
    return false;
  }

  private static ListedHit hit(Entry entry, String reason, double score) {
    return new ListedHit(
        entry.substanceId(), entry.name(), entry.family(), entry.text(), reason, score);
  }

  private static void keepBest(LinkedHashMap<String, ListedHit> best, ListedHit hit) {
    best.merge(hit.substanceId(), hit, (a, b) -> b.score() > a.score() ? b : a);
  }
}
