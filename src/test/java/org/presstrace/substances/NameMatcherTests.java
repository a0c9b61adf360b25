package org.presstrace.substances;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.presstrace.substances.internal.NameMatcher;
import org.presstrace.substances.internal.ReferenceList;

/** Names, synonyms, Chinese names and CAS numbers as people and manifests write them. */
class NameMatcherTests {

  static final NameMatcher MATCHER = new NameMatcher(entries());

  static List<NameMatcher.Entry> entries() {
    var entries = new ArrayList<NameMatcher.Entry>();
    for (Substance s : ReferenceList.builtIn().substances()) {
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

  private ListedHit best(String query) {
    return MATCHER.match(query, 0.5).get(0);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "Fentanyl, fentanyl, exact name",
    "FENTANYL HCl, fentanyl, exact name",
    "fentanyl citrate, fentanyl, exact name",
    "4 ANPP, anpp, exact name",
    "4-anpp, anpp, exact name",
    "n-phenethyl-4-piperidone, npp, exact synonym",
    "N-Phenethyl 4 Piperidone hydrochloride, npp, exact synonym",
    "卡芬太尼, carfentanil, Chinese name",
    "437-38-7, fentanyl, exact CAS",
    "sufentanil citrate, sufentanil, exact name"
  })
  void findsVariantsExactly(String query, String id, String reason) {
    ListedHit hit = best(query);

    assertThat(hit.substanceId()).isEqualTo(id);
    assertThat(hit.reason()).isEqualTo(reason);
    assertThat(hit.score()).isEqualTo(1.0);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "fentanil, fentanyl",
    "fentanly, fentanyl",
    "carfentanyl, carfentanil",
    "carfentinal, carfentanil",
    "acetylfentanil, acetylfentanyl",
    "isotonitazine, isotonitazene",
    "norfentanil, norfentanyl",
    "4-anilinopiperdine, 4-ap"
  })
  void findsMisspellingsWithTheirEditDistance(String query, String id) {
    ListedHit hit = best(query);

    assertThat(hit.substanceId()).isEqualTo(id);
    assertThat(hit.score()).isGreaterThanOrEqualTo(0.75);
  }

  @Test
  void namesTheEditDistanceOfAFuzzyHit() {
    assertThat(best("carfentinal").reason()).isEqualTo("fuzzy name, edit distance 2");
  }

  @Test
  void aCasNumberFailingItsCheckDigitStillFindsTheNearestListedNumber() {
    ListedHit hit = best("437-38-8");

    assertThat(hit.substanceId()).isEqualTo("fentanyl");
    assertThat(hit.reason()).contains("fails its check digit").contains("437-38-7");
  }

  @Test
  void aTransposedCasNumberIsFound() {
    assertThat(best("39742-06-4").substanceId()).isEqualTo("npp");
  }

  @Test
  void unrelatedWordsFindNothing() {
    assertThat(MATCHER.match("sodium chloride", 0.75)).isEmpty();
    assertThat(MATCHER.match("paracetamol", 0.75)).isEmpty();
    assertThat(MATCHER.match("HCl", 0.5)).isEmpty();
  }

  @Test
  void normalizesCaseHyphensSpacesAndSaltWords() {
    assertThat(NameMatcher.normalize(" 4-ANPP  Dihydrochloride ")).isEqualTo("4anpp");
    assertThat(NameMatcher.normalize("Fentanyl (citrate)")).isEqualTo("fentanyl");
  }

  @ParameterizedTest(name = "{0} is not {1}")
  @CsvSource({
    "isotonitazene, protonitazene",
    "protonitazene, isotonitazene",
    "etonitazene, metonitazene",
    "metonitazene, etonitazene",
    "acetylfentanyl, acrylfentanyl",
    "acrylfentanyl, acetylfentanyl",
    "butyrylfentanyl, isobutyrylfentanyl",
    "butonitazene, protonitazene"
  })
  void namesThatDifferInTheirDefiningPrefixAreDifferentSubstances(String name, String other) {
    var hits = MATCHER.match(name, 0.5);

    assertThat(hits.get(0).substanceId()).isEqualTo(name);
    assertThat(hits.get(0).reason()).isEqualTo("exact name");
    assertThat(hits).extracting(ListedHit::substanceId).doesNotContain(other);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "isotonitazine, isotonitazene",
    "istonitazene, isotonitazene",
    "metonitazen, metonitazene",
    "acetylfentanil, acetylfentanyl",
    "acrylfentanyll, acrylfentanyl"
  })
  void aMisspellingStillFindsTheNameItIsNearest(String query, String expected) {
    assertThat(best(query).substanceId()).isEqualTo(expected);
  }
}
