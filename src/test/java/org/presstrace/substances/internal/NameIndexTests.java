package org.presstrace.substances.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.junit.jupiter.api.Test;
import org.presstrace.substances.ListedHit;
import org.presstrace.substances.Substance;

/**
 * The name index answers exactly what comparing a query with every name answers: the same hits, in
 * the same order, with the same reasons and scores, under each minimum the screens use.
 */
class NameIndexTests {

  private static final double[] MINIMUMS = {0.0, 0.5, 0.75, 1.0};

  private final NameMatcher matcher =
      new NameMatcher(entries(ReferenceList.builtIn().substances()));

  static List<NameMatcher.Entry> entries(List<Substance> substances) {
    var entries = new ArrayList<NameMatcher.Entry>();
    for (Substance s : substances) {
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
    return entries;
  }

  private void sameAsAFullComparison(NameMatcher names, String query) {
    for (double minimum : MINIMUMS) {
      List<ListedHit> expected = names.matchByScan(query, minimum);
      assertThat(names.match(query, minimum))
          .as("'%s' at minimum %s", query, minimum)
          .containsExactlyElementsOf(expected);
    }
  }

  @Test
  void everyPhraseOfTheLabelledAndEdgeManifestsFindsWhatAFullComparisonFinds() throws IOException {
    Set<String> phrases = new LinkedHashSet<>();
    for (String set : List.of("manifest-accuracy", "manifest-edges")) {
      for (String line : resource("/substances/" + set + ".csv").lines().toList()) {
        String[] words = line.split("[\\s,;/\"]+");
        for (int from = 0; from < words.length; from++) {
          var phrase = new StringBuilder();
          for (int to = from; to < Math.min(words.length, from + 6); to++) {
            phrase.append(to > from ? " " : "").append(words[to]);
            phrases.add(phrase.toString());
          }
        }
      }
    }
    assertThat(phrases).hasSizeGreaterThan(2000);
    phrases.forEach(phrase -> sameAsAFullComparison(matcher, phrase));
  }

  @Test
  void everyNameWithOneToFourRandomEditsFindsWhatAFullComparisonFinds() {
    var random = new SplittableRandom(20261206L);
    String alphabet = "aeinorstlyf-4 芬太尼";
    int queries = 0;
    for (Substance s : ReferenceList.builtIn().substances()) {
      var names = new ArrayList<String>(s.synonyms());
      names.add(s.name());
      names.addAll(s.chineseNames());
      for (String name : names) {
        for (int edits = 1; edits <= 4; edits++) {
          var text = new StringBuilder(name);
          for (int e = 0; e < edits && text.length() > 1; e++) {
            int at = random.nextInt(text.length());
            char c = alphabet.charAt(random.nextInt(alphabet.length()));
            switch (random.nextInt(4)) {
              case 0 -> text.deleteCharAt(at);
              case 1 -> text.insert(at, c);
              case 2 -> text.setCharAt(at, c);
              default -> {
                if (at + 1 < text.length()) {
                  char here = text.charAt(at);
                  text.setCharAt(at, text.charAt(at + 1));
                  text.setCharAt(at + 1, here);
                }
              }
            }
          }
          sameAsAFullComparison(matcher, text.toString());
          sameAsAFullComparison(matcher, name.substring(0, Math.max(1, name.length() / 2)));
          queries++;
        }
      }
    }
    assertThat(queries).isGreaterThan(400);
  }

  @Test
  void aMisspellingAtDistanceTwoAndThreeOnALongNameIsFound() {
    assertThat(matcher.match("tetrahydrofuranylfentnayl", 0.75))
        .first()
        .satisfies(
            hit -> {
              assertThat(hit.substanceId()).isEqualTo("tetrahydrofuranylfentanyl");
              assertThat(hit.reason()).isEqualTo("fuzzy name, edit distance 2");
            });
    assertThat(matcher.match("paraflouroisobutyrylfentanil", 0.75))
        .first()
        .satisfies(
            hit -> {
              assertThat(hit.substanceId()).isEqualTo("4-fluoroisobutyrylfentanyl");
              assertThat(hit.reason()).isEqualTo("fuzzy name, edit distance 3");
            });
  }

  @Test
  void aChineseNameOneCharacterOffIsAFuzzyHitAsBefore() {
    sameAsAFullComparison(matcher, "呋喃芬太呢");
    assertThat(matcher.match("呋喃芬太呢", 0.75))
        .extracting(ListedHit::substanceId, ListedHit::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("furanylfentanyl", "fuzzy name, edit distance 1"));
    assertThat(matcher.match("卡芬太呢", 0.75)).as("four characters: exact only").isEmpty();
  }

  @Test
  void twoSubstancesOfOneNameComeInTheOrderAFullComparisonGives() {
    var entries = new ArrayList<NameMatcher.Entry>();
    entries.add(new NameMatcher.Entry("z", "same name", "f", "alphanitazene", "NAME"));
    entries.add(new NameMatcher.Entry("a", "same name", "f", "alphanitazenes extra", "SYNONYM"));
    entries.add(new NameMatcher.Entry("a", "same name", "f", "alphanitazene", "SYNONYM"));
    entries.add(new NameMatcher.Entry("b", "same name", "f", "alphanitazine", "NAME"));
    entries.add(new NameMatcher.Entry("c", "other", "f", "", "NAME"));
    var names = new NameMatcher(entries);

    for (String query : List.of("alphanitazene", "alphanitazane", "alphanit", "nitazene", "")) {
      sameAsAFullComparison(names, query);
    }
    assertThat(names.match("alphanitazene", 0.75))
        .extracting(ListedHit::substanceId)
        .containsExactly("z", "a");
  }

  @Test
  void theIndexFindsExactlyTheNamesWithinTheDistanceLevenshteinGives() {
    var random = new SplittableRandom(7L);
    String alphabet = "abc芬";
    var names = new ArrayList<String>();
    for (int i = 0; i < 300; i++) {
      names.add(randomText(random, alphabet, 1 + random.nextInt(9)));
    }
    var nameIndex = new NameIndex(names);
    for (int q = 0; q < 500; q++) {
      String query = randomText(random, alphabet, 1 + random.nextInt(10));
      for (int k = 0; k <= 3; k++) {
        var expected = new ArrayList<String>();
        var distance = new LevenshteinDistance(k);
        for (int i = 0; i < names.size(); i++) {
          int d = distance.apply(query, names.get(i));
          if (d >= 0) {
            expected.add(i + ":" + d);
          }
        }
        var found = new ArrayList<String>();
        nameIndex.within(
            query,
            k,
            (indices, d) -> {
              for (int index : indices) {
                found.add(index + ":" + d);
              }
            });
        assertThat(found)
            .as("'%s' within %d", query, k)
            .containsExactlyInAnyOrderElementsOf(expected);
      }
    }
  }

  @Test
  void everyNameAtExactlyTheAllowedDistanceAndOneBeyondFindsWhatAFullComparisonFinds() {
    var random = new SplittableRandom(20261207L);
    int queries = 0;
    for (String name : allNames()) {
      String normal = NameMatcher.normalize(name);
      int limit =
          normal.length() <= 4 ? 0 : normal.length() <= 6 ? 1 : normal.length() <= 14 ? 2 : 3;
      for (int edits : new int[] {limit, limit + 1}) {
        for (int round = 0; round < 3; round++) {
          var text = new StringBuilder(normal);
          for (int e = 0; e < edits && text.length() > 1; e++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(3)) {
              case 0 -> text.deleteCharAt(at);
              case 1 -> text.insert(at, (char) ('a' + random.nextInt(26)));
              default -> text.setCharAt(at, text.charAt(at) == 'x' ? 'q' : 'x');
            }
          }
          sameAsAFullComparison(matcher, text.toString());
          queries++;
        }
      }
    }
    assertThat(queries).isGreaterThan(600);
    // A name edited at its very first and very last characters, where the pieces begin and end.
    sameAsAFullComparison(matcher, "xetonitazenx");
    sameAsAFullComparison(matcher, "tetrahydrofuranylfentanyl".substring(3));
    sameAsAFullComparison(matcher, "xyz" + "tetrahydrofuranylfentanyl");
    assertThat(matcher.match("xetonitazenx", 0.75)).isNotEmpty();
  }

  @Test
  void everyTranspositionOfEveryNameFindsWhatAFullComparisonFinds() {
    int queries = 0;
    for (String name : allNames()) {
      for (int at = 0; at + 1 < name.length(); at++) {
        char[] chars = name.toCharArray();
        char here = chars[at];
        chars[at] = chars[at + 1];
        chars[at + 1] = here;
        sameAsAFullComparison(matcher, new String(chars));
        queries++;
      }
    }
    assertThat(queries).isGreaterThan(2000);
  }

  @Test
  void fullWidthHanAndOtherUnicodeTextFindsWhatAFullComparisonFinds() {
    for (String query :
        List.of(
            "ＦＥＮＴＡＮＹＬ",
            "ｆｅｎｔａｎｉｌ　ＨＣｌ",
            "\uD835\uDC1F\uD835\uDC1E\uD835\uDC27\uD835\uDC2D\uD835\uDC1A\uD835\uDC27\uD835\uDC32\uD835\uDC25",
            "芬太尼 样品",
            "卡芬太尼hcl",
            "呋喃芬太呢 盐酸盐",
            "ｉｓｏｔｏｎｉｔａｚｅｎｅ",
            "isotonitazène",
            "ISOTONITAZE\u0301NE",
            "Ꭵsotonitazene",
            "etonitazene\u200b",
            "\u00a0fentanyl\u00a0",
            "ﬁ ﬂ fentanyl",
            "\uD83D\uDE00carfentanil\uD83D\uDE00",
            "\uDC00fentanyl",
            "4-ＡＮＰＰ")) {
      sameAsAFullComparison(matcher, query);
    }
    assertThat(matcher.match("ＦＥＮＴＡＮＹＬ", 0.75))
        .extracting(ListedHit::substanceId)
        .contains("fentanyl");
  }

  @Test
  void emptyWhitespaceAndVeryLongTextFindWhatAFullComparisonFinds() {
    for (String query : List.of("", " ", "\t\n", "\u3000", "  \u2003 ", "-", "---", ",;/")) {
      sameAsAFullComparison(matcher, query);
      assertThat(matcher.match(query, 0.0)).as("'%s'", query).isEmpty();
    }
    var random = new SplittableRandom(10_000L);
    var line = new StringBuilder("fentanil ");
    while (line.length() < 10_000) {
      line.append(random.nextBoolean() ? "acetyl fentanyl " : "sodium chloride 25 kg ");
      line.append(randomText(random, "abcdefghijklmnopqrstuvwxyz", 1 + random.nextInt(12)));
      line.append(' ');
    }
    line.setLength(10_000);
    String text = line.toString();
    sameAsAFullComparison(matcher, text);
    assertThat(matcher.match(text, 0.0)).isEmpty();
    String[] words = text.split(" ");
    for (int from = 0; from < words.length; from += 7) {
      var phrase = new StringBuilder();
      for (int to = from; to < Math.min(words.length, from + 6); to++) {
        phrase.append(to > from ? " " : "").append(words[to]);
        sameAsAFullComparison(matcher, phrase.toString());
      }
    }
  }

  @Test
  void namesThatShareTheirPiecesAndDeletionsAreFoundExactlyAsLevenshteinGives() {
    var random = new SplittableRandom(20261208L);
    var names = new ArrayList<String>();
    for (int i = 0; i < 400; i++) {
      // Two letters only, lengths up to 40: names share most pieces and most of their deletions.
      names.add(randomText(random, "ab", 1 + random.nextInt(40)));
    }
    names.add("aaaaaaaaaaaaaaaaaaaa");
    names.add("aaaaaaaaaaaaaaaaaaab");
    names.add("baaaaaaaaaaaaaaaaaaa");
    var nameIndex = new NameIndex(names);
    for (int q = 0; q < 400; q++) {
      String base = names.get(random.nextInt(names.size()));
      int k = 1 + random.nextInt(3);
      var text = new StringBuilder(base);
      for (int e = 0; e < k && text.length() > 1; e++) {
        int at = random.nextInt(text.length());
        switch (random.nextInt(3)) {
          case 0 -> text.deleteCharAt(at);
          case 1 -> text.insert(at, random.nextBoolean() ? 'a' : 'b');
          default -> text.setCharAt(at, text.charAt(at) == 'a' ? 'b' : 'a');
        }
      }
      String query = text.toString();
      for (int limit = 1; limit <= 3; limit++) {
        var expected = new ArrayList<String>();
        var distance = new LevenshteinDistance(limit);
        for (int i = 0; i < names.size(); i++) {
          int d = distance.apply(query, names.get(i));
          if (d >= 0) {
            expected.add(i + ":" + d);
          }
        }
        var found = new ArrayList<String>();
        nameIndex.within(
            query,
            limit,
            (indices, d) -> {
              for (int index : indices) {
                found.add(index + ":" + d);
              }
            });
        assertThat(found)
            .as("'%s' within %d", query, limit)
            .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(nameIndex.anyWithin(query, limit)).isEqualTo(!expected.isEmpty());
      }
    }
  }

  @Test
  void asciiTextNormalisesAsTheRuleAsWrittenDoes() {
    var random = new SplittableRandom(20261209L);
    String alphabet = "aZ09 -,.()\t\u0000\u007f/HClhcl";
    for (int i = 0; i < 20_000; i++) {
      String text =
          random.nextInt(4) == 0
              ? List.copyOf(NameMatcher.SALT_WORDS)
                      .get(random.nextInt(NameMatcher.SALT_WORDS.size()))
                  + randomText(random, alphabet, random.nextInt(6))
              : randomText(random, alphabet, random.nextInt(30));
      assertThat(NameMatcher.normalizeAscii(text))
          .as("'%s'", text)
          .isEqualTo(NameMatcher.normalizeUnicode(text));
    }
    assertThat(NameMatcher.normalizeAscii("fentanyl é")).isNull();
    assertThat(NameMatcher.normalize("Fentanyl HCl, 4-ANPP")).isEqualTo("fentanyl4anpp");
  }

  @Test
  void aPhraseMayMatchByItsWordsCharactersExactlyWhenByItsOwn() {
    var random = new SplittableRandom(20261211L);
    for (String name : allNames()) {
      String normal = NameMatcher.normalize(name);
      if (normal.length() < 2) {
        continue;
      }
      int cut = 1 + random.nextInt(normal.length() - 1);
      long joined =
          NameMatcher.characters(normal.substring(0, cut))
              | NameMatcher.characters(normal.substring(cut));
      assertThat(joined).isEqualTo(NameMatcher.characters(normal));
      assertThat(matcher.mayMatch(normal, joined)).as(name).isTrue();
    }
    assertThat(matcher.mayMatch("sodiumchloride", NameMatcher.characters("sodiumchloride")))
        .isFalse();
  }

  @Test
  void everyPhraseOfALineFindsExactlyTheNamesLevenshteinGives() {
    var random = new SplittableRandom(20261213L);
    String alphabet = "abc芬";
    var names = new ArrayList<String>();
    for (int i = 0; i < 300; i++) {
      names.add(randomText(random, alphabet, 1 + random.nextInt(16)));
    }
    // Every distance the pieces are kept for, and one beyond, each for some phrase lengths.
    List<IntUnaryOperator> limits =
        List.of(NameIndexTests::manifestLimit, length -> length % 5, length -> 3);
    for (IntUnaryOperator limit : limits) {
      var nameIndex = new NameIndex(names, limit);
      for (int l = 0; l < 150; l++) {
        String[] words = new String[random.nextInt(14)];
        for (int w = 0; w < words.length; w++) {
          words[w] =
              random.nextInt(4) == 0
                  ? edited(random, names.get(random.nextInt(names.size())), alphabet)
                  : randomText(random, alphabet, random.nextInt(7));
        }
        samePhrasesAsLevenshtein(nameIndex, names, limit, words);
      }
    }
  }

  @Test
  void aNameWithOnlyOnePieceLeftWholeAtItsFarthestPlaceIsFoundInALine() {
    // Every other piece gets one edit (inserted into or deleted from those before the piece left
    // whole, so that it moves by as many places, changed in those after it): a line that dropped a
    // piece, or looked for it too few places away, would miss the name.
    var names = new ArrayList<String>();
    for (String name : allNames()) {
      String normal = NameMatcher.normalize(name);
      if (!names.contains(normal)
          && normal.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
        names.add(normal);
      }
    }
    var nameIndex = new NameIndex(names, NameIndexTests::manifestLimit);
    var random = new SplittableRandom(20261214L);
    int found = 0;
    for (String name : names) {
      int n = name.length();
      int k = manifestLimit(n);
      for (boolean inserted : new boolean[] {true, false}) {
        for (int whole = 0; whole <= k && k > 0; whole++) {
          var query = new StringBuilder(name);
          // Pieces of the name for distance k, edited from the last so earlier places stay put.
          for (int piece = k; piece >= 0; piece--) {
            int start = piece * n / (k + 1);
            int end = (piece + 1) * n / (k + 1);
            if (piece > whole) {
              query.setCharAt(start, query.charAt(start) == 'x' ? 'y' : 'x');
            } else if (piece < whole && inserted && end - start > 1) {
              query.insert(start + 1, 'x');
            } else if (piece < whole) {
              query.deleteCharAt(start);
            }
          }
          String normal = query.toString();
          if (manifestLimit(normal.length()) != k) {
            continue;
          }
          int cut = random.nextInt(normal.length() + 1);
          String[] words = {
            "xq", "", normal.substring(0, cut), normal.substring(cut), "zz", "sodium"
          };
          samePhrasesAsLevenshtein(nameIndex, names, NameIndexTests::manifestLimit, words);
          var hits = new ArrayList<Integer>();
          nameIndex
              .line(words, 6)
              .within(
                  2,
                  3,
                  (indices, d) -> {
                    for (int index : indices) {
                      hits.add(index);
                    }
                  });
          if (hits.contains(names.indexOf(name))) {
            found++;
          }
        }
      }
    }
    assertThat(found).isGreaterThan(150);
  }

  @Test
  void everyPhraseOfALineMatchesAsThePhraseAloneDoes() throws IOException {
    var lines = new ArrayList<String>();
    for (String set : List.of("manifest-accuracy", "manifest-edges")) {
      lines.addAll(resource("/substances/" + set + ".csv").lines().toList());
    }
    lines.addAll(
        List.of(
            "ＦＥＮＴＡＮＹＬ ｆｅｎｔａｎｉｌ　ＨＣｌ 4-ＡＮＰＰ",
            "芬太尼 样品 卡芬太尼hcl 呋喃芬太呢 盐酸盐",
            "ISOTONITAZE\u0301NE isotonitazène Ꭵsotonitazene etonitazene\u200b",
            "\uD83D\uDE00carfentanil\uD83D\uDE00 \uDC00fentanyl ﬁ ﬂ fentanyl",
            "",
            " ",
            "\u3000 \u2003 , ; /",
            "12345 1234567 71195-58-9 437-38-7 fentanyl 437-38-8 hcl base"));
    var random = new SplittableRandom(10_000L);
    var longLine = new StringBuilder("fentanil ");
    while (longLine.length() < 10_000) {
      longLine.append(random.nextBoolean() ? "acetyl fentanyl " : "sodium chloride 25 kg ");
      longLine.append(randomText(random, "abcdefghijklmnopqrstuvwxyz", 1 + random.nextInt(12)));
      longLine.append(' ');
    }
    lines.add(longLine.substring(0, 10_000));
    int hits = 0;
    for (String line : lines) {
      String[] words = line.strip().split("[\\s,;/]+");
      String[] normalized = new String[words.length];
      for (int w = 0; w < words.length; w++) {
        normalized[w] = NameMatcher.normalize(words[w]);
      }
      for (double minimum : new double[] {0.75, 0.9, 1.0}) {
        var expected = new ArrayList<String>();
        for (int from = 0; from < words.length; from++) {
          for (int to = from; to < Math.min(words.length, from + 6); to++) {
            String phrase = String.join(" ", List.of(words).subList(from, to + 1));
            String normal = String.join("", List.of(normalized).subList(from, to + 1));
            List<ListedHit> found =
                normal.length() < 3 ? List.of() : matcher.match(phrase, minimum);
            if (!found.isEmpty()) {
              expected.add(from + "-" + to + " " + phrase + " " + found);
            }
          }
        }
        var actual = new ArrayList<String>();
        matcher.matchPhrases(
            words,
            normalized,
            6,
            minimum,
            (from, to, phrase, found) -> {
              if (!found.isEmpty()) {
                actual.add(from + "-" + to + " " + phrase + " " + found);
              }
            });
        assertThat(actual).as(line).containsExactlyElementsOf(expected);
        hits += actual.size();
      }
    }
    assertThat(hits).isGreaterThan(500);
  }

  private static void samePhrasesAsLevenshtein(
      NameIndex nameIndex, List<String> names, IntUnaryOperator limit, String[] words) {
    NameIndex.Line line = nameIndex.line(words, 6);
    for (int from = 0; from < words.length; from++) {
      for (int to = from; to < Math.min(words.length, from + 6); to++) {
        String phrase = String.join("", List.of(words).subList(from, to + 1));
        int k = limit.applyAsInt(phrase.length());
        var expected = new ArrayList<String>();
        var distance = new LevenshteinDistance(k);
        for (int i = 0; i < names.size(); i++) {
          int d =
              k == 0
                  ? (phrase.equals(names.get(i)) ? 0 : -1)
                  : distance.apply(phrase, names.get(i));
          if (d >= 0 && !names.get(i).isEmpty()) {
            expected.add(i + ":" + d);
          }
        }
        var found = new ArrayList<String>();
        line.within(
            from,
            to,
            (indices, d) -> {
              for (int index : indices) {
                found.add(index + ":" + d);
              }
            });
        assertThat(found)
            .as("'%s' within %d", phrase, k)
            .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(line.within(from, to, null)).isEqualTo(!expected.isEmpty());
        assertThat(line.normalForm(from, to)).isEqualTo(phrase);
      }
    }
  }

  private static int manifestLimit(int length) {
    return length <= 4 ? 0 : length <= 6 ? 1 : length <= 14 ? 2 : 3;
  }

  private static String edited(SplittableRandom random, String name, String alphabet) {
    var text = new StringBuilder(name);
    int edits = random.nextInt(5);
    for (int e = 0; e < edits && text.length() > 1; e++) {
      int at = random.nextInt(text.length());
      char c = alphabet.charAt(random.nextInt(alphabet.length()));
      switch (random.nextInt(3)) {
        case 0 -> text.deleteCharAt(at);
        case 1 -> text.insert(at, c);
        default -> text.setCharAt(at, c);
      }
    }
    return text.toString();
  }

  private static List<String> allNames() {
    var names = new ArrayList<String>();
    for (Substance s : ReferenceList.builtIn().substances()) {
      names.add(s.name());
      names.addAll(s.synonyms());
      names.addAll(s.chineseNames());
    }
    return names;
  }

  private static String randomText(SplittableRandom random, String alphabet, int length) {
    var text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = NameIndexTests.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
