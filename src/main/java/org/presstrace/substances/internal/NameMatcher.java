package org.presstrace.substances.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.presstrace.substances.CasNumber;
import org.presstrace.substances.ListedHit;

/**
 * Matches what a person or a manifest calls a substance against the names, synonyms, Chinese names
 * and CAS numbers of the list: tolerant of case, hyphens, spaces, salt words ("hydrochloride",
 * "HCl", "citrate") and small misspellings (Levenshtein distance growing with the name's length).
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

  private final List<Entry> entries;
  private final List<String> normalized;

  public NameMatcher(List<Entry> entries) {
    this.entries = List.copyOf(entries);
    this.normalized = entries.stream().map(e -> normalize(e.text())).toList();
  }

  /** Lower case, NFKC, salt words dropped, everything but letters and digits removed. */
  public static String normalize(String text) {
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    var kept = new StringBuilder();
    for (String word : NOT_LETTER_OR_DIGIT.split(folded)) {
      if (!SALT_WORDS.contains(word)) {
        kept.append(word);
      }
    }
    return kept.toString();
  }

  /** The best hit per substance, best first; {@code minimum} drops looser hits. */
  public List<ListedHit> match(String query, double minimum) {
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
      int limit =
          wanted.length() <= 4 ? 0 : wanted.length() <= 6 ? 1 : wanted.length() <= 14 ? 2 : 3;
      var distance = new LevenshteinDistance(limit);
      // A misspelling belongs to the listed name it is nearest to. Names that differ only in their
      // defining prefix (isotonitazene and protonitazene, etonitazene and metonitazene,
      // acetylfentanyl and acrylfentanyl) are different substances: a query that is one of them
      // exactly, or nearer to it, is not a misspelling of the other.
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
    var hits = new ArrayList<>(best.values());
    hits.removeIf(hit -> hit.score() < minimum);
    hits.sort(
        Comparator.comparingDouble(ListedHit::score).reversed().thenComparing(ListedHit::name));
    return hits;
  }

  private List<ListedHit> casHits(String text) {
    var hits = new ArrayList<ListedHit>();
    boolean failing = CasNumber.checkDigitFails(text);
    String digits = text.replace("-", "");
    var oneApart = new LevenshteinDistance(1);
    for (Entry entry : entries) {
      if (!entry.kind().equals("CAS")) {
        continue;
      }
      if (!failing && entry.text().equals(text)) {
        hits.add(hit(entry, "exact CAS", 1.0));
      } else if (failing) {
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
