package org.presstrace.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.presstrace.shared.InvalidRequest;

/** Scoring across scripts, name orders and legal forms, with every contribution explained. */
class MatchingTests {

  final Matching matching = Matching.withDefaults();

  static Entity person(String id, String name) {
    return Entity.of(id, Schema.PERSON).with("name", name);
  }

  static Entity company(String id, String name) {
    return Entity.of(id, Schema.COMPANY).with("name", name);
  }

  static String level(Match match, String feature) {
    return match.contributions().stream()
        .filter(c -> c.feature().equals(feature))
        .map(Contribution::level)
        .findFirst()
        .orElse("absent");
  }

  @Test
  void aHanNameMatchesItsPinyinBothWays() {
    Match hanFirst = matching.compare(person("a", "王伟"), person("b", "WANG Wei"));
    Match pinyinFirst = matching.compare(person("b", "WANG Wei"), person("a", "王伟"));

    assertThat(level(hanFirst, "name")).isEqualTo("exact");
    assertThat(level(pinyinFirst, "name")).isEqualTo("exact");
    assertThat(hanFirst.score()).isEqualTo(pinyinFirst.score());
    // A very common name alone is for a person to judge; with the date of birth it links.
    assertThat(hanFirst.band()).isEqualTo(MatchBand.REVIEW);
    Match withBirth =
        matching.compare(
            person("a", "王伟").with("birthDate", "1979-04-02"),
            person("b", "WANG Wei").with("birthDate", "1979-04-02"));
    assertThat(withBirth.band()).isEqualTo(MatchBand.LINK);
  }

  @Test
  void aHanGivenNameOfTwoCharactersMatchesItsRomanisedSpelling() {
    Match match = matching.compare(person("a", "王小明"), person("b", "Xiaoming Wang"));

    assertThat(level(match, "name")).isEqualTo("exact");
  }

  @Test
  void givenAndFamilyNamesInEitherOrderMatch() {
    Match match = matching.compare(person("a", "Wei WANG"), person("b", "WANG Wei"));
    Match parts =
        matching.compare(
            Entity.of("a", Schema.PERSON).with("firstName", "Wei").with("lastName", "Wang"),
            Entity.of("b", Schema.PERSON).with("firstName", "Wang").with("lastName", "Wei"));

    assertThat(level(match, "name")).isEqualTo("exact");
    assertThat(level(parts, "nameOrder")).isEqualTo("swapped");
    assertThat(level(parts, "firstName")).isEqualTo("exact");
  }

  @Test
  void titlesAccentsCaseAndPunctuationDoNotCount() {
    Match match =
        matching.compare(person("a", "Dr. José  O'Brien-Núñez"), person("b", "jose obrien nunez"));

    assertThat(level(match, "name")).isEqualTo("exact");
  }

  @Test
  void peopleSharingOnlyACommonSurnameStayApart() {
    Match match = matching.compare(person("a", "WANG Wei"), person("b", "Wang Fang"));
    Match smiths =
        matching.compare(
            person("a", "John Smith").with("birthDate", "1970"),
            person("b", "Mary Smith").with("birthDate", "1985"));

    assertThat(match.band()).isEqualTo(MatchBand.DISTINCT);
    assertThat(level(match, "name")).isEqualTo("different");
    assertThat(smiths.band()).isEqualTo(MatchBand.DISTINCT);
  }

  @Test
  void aChineseCompanyMatchesItsPinyinWithTheLegalFormTranslated() {
    Match match =
        matching.compare(
            company("a", "深圳市华强化工有限公司"), company("b", "Shenzhen Huaqiang Chemical Co., Ltd."));

    assertThat(level(match, "place")).isEqualTo("same");
    assertThat(level(match, "tradeName")).isEqualTo("exact");
    assertThat(level(match, "industry")).isEqualTo("same");
    assertThat(level(match, "legalForm")).isEqualTo("same");
    assertThat(match.band()).isEqualTo(MatchBand.LINK);
    assertThat(match.explanation())
        .startsWith("prior=1/1000(-10.0) place=same(+4.5) tradeName=exact(");
  }

  @Test
  void businessWordsAreComparedAcrossLanguages() {
    Match match =
        matching.compare(
            company("a", "广州天河生物科技进出口有限公司"),
            company("b", "Guangzhou Tianhe Biotech Technologies Import & Export Company Limited"));

    assertThat(level(match, "tradeName")).isEqualTo("exact");
    assertThat(level(match, "industry")).isEqualTo("same");
  }

  @Test
  void companiesDifferingInTheirDistinctiveWordStayApart() {
    Match match =
        matching.compare(
            company("a", "Shenzhen Huaqiang Chemical Co., Ltd."),
            company("b", "Shenzhen Jinlong Chemical Co., Ltd."));

    assertThat(match.band()).isEqualTo(MatchBand.DISTINCT);
  }

  @Test
  void legalFormsOfOneFamilyAgreeAndOfAnotherDisagree() {
    assertThat(
            level(
                matching.compare(company("a", "Acme GmbH"), company("b", "ACME Ltd")), "legalForm"))
        .isEqualTo("same");
    assertThat(
            level(
                matching.compare(
                    company("a", "Químicos del Norte, S.A. de C.V."),
                    company("b", "Quimicos del Norte SA de CV")),
                "name"))
        .isEqualTo("exact");
    assertThat(
            level(
                matching.compare(company("a", "Acme LLC"), company("b", "Acme Inc.")), "legalForm"))
        .isEqualTo("different");
    assertThat(
            level(
                matching.compare(company("a", "Acme Co."), company("b", "Acme Inc.")), "legalForm"))
        .isEqualTo("absent");
  }

  @Test
  void phonesAreComparedInE164() {
    Entity shenzhen =
        company("a", "Huaqiang").with("country", "China").with("phone", "0755 8888 1234");
    Entity international = company("b", "Huaqiang").with("phone", "+86 (755) 8888-1234");
    Entity dialledFromAbroad = company("c", "Huaqiang").with("phone", "0086 755 88881234");
    Entity other = company("d", "Huaqiang").with("phone", "+86 755 8888 9999");

    assertThat(level(matching.compare(shenzhen, international), "phone")).isEqualTo("exact");
    assertThat(level(matching.compare(international, dialledFromAbroad), "phone"))
        .isEqualTo("exact");
    assertThat(level(matching.compare(shenzhen, other), "phone")).isEqualTo("different");
  }

  @Test
  void emailsAreComparedInOneSpelling() {
    Entity a = person("a", "Li Na").with("email", "mailto:Li.Na+orders@GMAIL.com");
    Entity b = person("b", "Li Na").with("email", "lina@googlemail.com");

    assertThat(level(matching.compare(a, b), "email")).isEqualTo("exact");
  }

  @Test
  void partialDatesOfBirthAgreeAsFarAsTheyGo() {
    Entity full = person("a", "Li Na").with("birthDate", "1985-03-12");

    assertThat(
            level(
                matching.compare(full, person("b", "Li Na").with("birthDate", "19850312")),
                "birthDate"))
        .isEqualTo("exact");
    assertThat(
            level(
                matching.compare(full, person("b", "Li Na").with("birthDate", "1985")),
                "birthDate"))
        .isEqualTo("partial");
    assertThat(
            level(
                matching.compare(full, person("b", "Li Na").with("birthDate", "1985-03")),
                "birthDate"))
        .isEqualTo("partial");
    assertThat(
            level(
                matching.compare(full, person("b", "Li Na").with("birthDate", "1985-12-03")),
                "birthDate"))
        .isEqualTo("close");
    assertThat(
            level(
                matching.compare(full, person("b", "Li Na").with("birthDate", "1986")),
                "birthDate"))
        .isEqualTo("different");
    assertThat(
            level(
                matching.compare(full, person("b", "Li Na").with("birthDate", "not a date")),
                "birthDate"))
        .isEqualTo("absent");
  }

  @Test
  void everyContributionAddsUpToTheScore() {
    Match match =
        matching.compare(
            person("a", "Maria Lopez").with("birthDate", "1990-01-01").with("country", "MX"),
            person("b", "María López").with("birthDate", "1990").with("country", "USA"));

    double sum = match.contributions().stream().mapToDouble(Contribution::weight).sum();
    assertThat(match.weight()).isEqualTo(sum);
    assertThat(match.score()).isEqualTo(1 / (1 + Math.pow(2, -sum)));
    assertThat(match.explanation()).contains("country=different(");
  }

  @Test
  void aValueSharedByMoreRecordsThanTheCapMakesNoCandidates() {
    List<Entity> people = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      people.add(
          Entity.of("p" + i, Schema.PERSON)
              .with("name", "Person " + i)
              .with("phone", "+1 555 010 0000"));
    }

    MatchRun run = matching.deduplicate(people);

    assertThat(run.droppedKeys()).contains("t:+15550100000");
    assertThat(run.candidatePairs()).isLessThan(1_000_000);
    assertThat(run.matches()).isEmpty();
  }

  @Test
  void underTheCapASharedValueStillBringsRecordsTogether() {
    List<Entity> people = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      people.add(Entity.of("p" + i, Schema.PERSON).with("phone", "+1 555 010 0000"));
    }

    MatchRun run = Matching.with(MatchOptions.DEFAULTS.withFanOutCap(10)).deduplicate(people);

    assertThat(run.droppedKeys()).isEmpty();
    assertThat(run.candidatePairs()).isEqualTo(45);
  }

  static Entity born(String id, String first, String last, String date, String postalCode) {
    return Entity.of(id, Schema.PERSON)
        .with("firstName", first)
        .with("lastName", last)
        .with("birthDate", date)
        .with("postalCode", postalCode);
  }

  @Test
  void aDateOfBirthOrPostalCodeSharedByStrangersMakesNoCandidatePair() {
    var people =
        List.of(
            born("a", "John", "Smith", "1980-01-01", "2580"),
            born("b", "Mary", "Brown", "1980-01-01", "2600"),
            born("c", "Ahmed", "Khan", "1975-06-30", "2580"));

    assertThat(matching.deduplicate(people).candidatePairs()).isZero();
  }

  @Test
  void aPairWithBothNameWordsMisspeltStillMeetsOnDateOrPostalCode() {
    // FEBRL dataset3: the surname misspelt past its phonetic code, the given names different
    var sameDate =
        List.of(
            born("a", "charles", "reird", "1998-04-02", "3182"),
            born("b", "broc", "reid", "1998-04-02", "3128"));
    var samePostalCode =
        List.of(
            born("a", "", "morrison", "1937-11-21", "2580"), born("b", "", "morrion", "", "2580"));
    var sameDateAndPostalCode =
        List.of(
            born("a", "katherine", "smith", "1990-05-05", "2600"),
            born("b", "catherine", "psmith", "1990-05-05", "2600"));

    assertThat(matching.deduplicate(sameDate).candidatePairs()).isEqualTo(1);
    assertThat(matching.deduplicate(samePostalCode).candidatePairs()).isEqualTo(1);
    assertThat(matching.deduplicate(sameDateAndPostalCode).candidatePairs()).isEqualTo(1);
  }

  @Test
  void badOptionsAndSchemasAreRefused() {
    assertThatThrownBy(() -> MatchOptions.DEFAULTS.withLink(1.5))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("link threshold");
    assertThatThrownBy(() -> MatchOptions.DEFAULTS.withFanOutCap(1))
        .isInstanceOf(InvalidRequest.class);
    assertThatThrownBy(() -> Schema.parse("schema", "Spaceship"))
        .hasMessageContaining("Person, Company, Vehicle, Vessel, CryptoWallet or BankAccount");
    assertThatThrownBy(() -> Entity.of("a", Schema.COMPANY).with("birthDate", "1990"))
        .hasMessageContaining("Company has no property 'birthDate'");
    assertThatThrownBy(() -> matching.compare(person("a", "X"), company("b", "X")))
        .hasMessageContaining("cannot compare a Person with a Company");
  }
}
