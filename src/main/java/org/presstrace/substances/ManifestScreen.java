package org.presstrace.substances;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.presstrace.substances.internal.NameMatcher;
import org.presstrace.substances.internal.ReferenceList;

/**
 * Screens manifest lines against the built-in reference list, in process: the declared CAS number
 * (exact, or failing its check digit), names and synonyms in the description (exact, misspelled,
 * with salt words, in Chinese), CAS numbers written in the description, the HS heading (2933, 2934:
 * heterocyclic compounds, where fentanyl precursors are declared), and the class rules of each
 * substance found.
 */
public final class ManifestScreen {

  /** Lines scoring at least this are flagged. */
  public static final double FLAG_AT = 0.75;

  private static final double HS_SCORE = 0.3;
  private static final int LONGEST_NAME_IN_WORDS = 6;
  private static final Pattern CAS_IN_TEXT = Pattern.compile("\\b\\d{2,7}-\\d{2}-\\d\\b");

  private static final Pattern WORD_BREAK = Pattern.compile("[\\s,;/]+");

  private static volatile ManifestScreen builtIn;

  private final NameMatcher names;
  private final Map<String, Substance> substances = new LinkedHashMap<>();
  private final StructureScreen structures;
  private final Map<String, List<ClassMatch>> classes =
      new java.util.concurrent.ConcurrentHashMap<>();

  private ManifestScreen(List<Substance> list, StructureScreen structures) {
    var entries = new ArrayList<NameMatcher.Entry>();
    for (Substance s : list) {
      substances.put(s.id(), s);
      entries.add(new NameMatcher.Entry(s.id(), s.name(), s.family(), s.name(), "NAME"));
      s.synonyms()
          .forEach(
              y -> entries.add(new NameMatcher.Entry(s.id(), s.name(), s.family(), y, "SYNONYM")));
      s.chineseNames()
          .forEach(
              y -> entries.add(new NameMatcher.Entry(s.id(), s.name(), s.family(), y, "CHINESE")));
      if (s.cas() != null) {
        entries.add(new NameMatcher.Entry(s.id(), s.name(), s.family(), s.cas(), "CAS"));
      }
    }
    this.names = new NameMatcher(entries);
    this.structures = structures;
  }

  /**
   * A screen over {@code list} (the reference list as stored, with imported substances); the class
   * rules are the built-in ones.
   */
  public static ManifestScreen over(List<Substance> list) {
    return new ManifestScreen(list, StructureScreen.builtIn());
  }

  /** The screen over the built-in reference list, built once. */
  public static ManifestScreen builtIn() {
    ManifestScreen screen = builtIn;
    if (screen == null) {
      screen = new ManifestScreen(ReferenceList.builtIn().substances(), StructureScreen.builtIn());
      builtIn = screen;
    }
    return screen;
  }

  public ManifestVerdict screen(ManifestLine line) {
    var best = new LinkedHashMap<String, ManifestHit>();
    String declared = blankToNull(line.cas());
    if (declared != null) {
      for (ListedHit hit : names.match(declared.strip(), 0.5)) {
        keep(best, hit.substanceId(), hit, declared);
      }
    }
    String description = line.description() == null ? "" : line.description();
    var casInText = CAS_IN_TEXT.matcher(mayHoldCas(description) ? description : "");
    while (casInText.find()) {
      for (ListedHit hit : names.match(casInText.group(), 0.5)) {
        keep(best, hit.substanceId(), hit, casInText.group());
      }
    }
    String[] words = WORD_BREAK.split(description.strip());
    // A phrase normalises to its words' normal forms joined: the words are separated by a space,
    // which normalisation drops and which neither composes with nor changes the case of its
    // neighbours. So each word is normalised once, not once per phrase it is part of.
    String[] normalized = new String[words.length];
    for (int i = 0; i < words.length; i++) {
      normalized[i] = NameMatcher.normalize(words[i]);
    }
    names.matchPhrases(
        words,
        normalized,
        LONGEST_NAME_IN_WORDS,
        FLAG_AT,
        (from, to, phrase, found) -> {
          for (ListedHit hit : found) {
            keep(best, hit.substanceId(), hit, phrase);
          }
        });
    var hits = new ArrayList<>(best.values());
    for (ManifestHit hit : List.copyOf(hits)) {
      Substance substance = substances.get(hit.substanceId());
      if (substance != null && substance.smiles() != null) {
        for (ClassMatch match : classesOf(substance)) {
          if (!match.excluded()) {
            hits.add(
                new ManifestHit(
                    substance.id(),
                    substance.name(),
                    "structure rule "
                        + match.rule()
                        + " (modifications "
                        + String.join(", ", match.modifications())
                        + ")",
                    hit.matched(),
                    hit.score()));
          }
        }
      }
    }
    String hs = blankToNull(line.hsCode());
    if (hs != null) {
      String digits = hs.replaceAll("\\D", "");
      if (digits.startsWith("2933") || digits.startsWith("2934")) {
        hits.add(
            new ManifestHit(
                null,
                null,
                "HS heading " + digits.substring(0, 4) + " (heterocyclic compounds)",
                hs,
                HS_SCORE));
      }
    }
    hits.sort(Comparator.comparingDouble(ManifestHit::score).reversed());
    double score = hits.stream().mapToDouble(ManifestHit::score).max().orElse(0);
    return new ManifestVerdict(line.number(), line.description(), score >= FLAG_AT, score, hits);
  }

  /**
   * Screens many lines, in parallel (lines are independent of each other), and answers their
   * verdicts in the order of the lines.
   */
  public List<ManifestVerdict> screenAll(List<ManifestLine> lines) {
    return lines.parallelStream().map(this::screen).toList();
  }

  /** The class rules a listed substance falls under, worked out once per substance. */
  private List<ClassMatch> classesOf(Substance substance) {
    return classes.computeIfAbsent(
        substance.id(), id -> structures.screen(substance.smiles()).classes());
  }

  private static void keep(
      Map<String, ManifestHit> best, String id, ListedHit hit, String matchedText) {
    var candidate = new ManifestHit(id, hit.name(), hit.reason(), matchedText, hit.score());
    best.merge(id, candidate, (a, b) -> b.score() > a.score() ? b : a);
  }

  /**
   * Whether {@code text} has a hyphen, two ASCII digits, a hyphen and an ASCII digit in a row, as
   * every match of {@code CAS_IN_TEXT} does: most descriptions do not, and skip the expression.
   */
  static boolean mayHoldCas(String text) {
    for (int i = text.indexOf('-'); i >= 0 && i + 4 < text.length(); i = text.indexOf('-', i + 1)) {
      if (digit(text.charAt(i + 1))
          && digit(text.charAt(i + 2))
          && text.charAt(i + 3) == '-'
          && digit(text.charAt(i + 4))) {
        return true;
      }
    }
    return false;
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
