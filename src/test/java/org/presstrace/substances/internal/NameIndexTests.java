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
