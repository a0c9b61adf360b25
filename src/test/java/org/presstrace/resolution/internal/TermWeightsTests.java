package org.presstrace.resolution.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.presstrace.resolution.Contribution;
import org.presstrace.resolution.Entity;
import org.presstrace.resolution.Match;
import org.presstrace.resolution.MatchOptions;
import org.presstrace.resolution.Schema;
import org.presstrace.resolution.internal.ValueCounts.Field;

/** Agreement on a common value is worth less than on a rare one, within bounds. */
class TermWeightsTests {

  static Entity person(String id, String first, String last, String birth, String city) {
    var entity = Entity.of(id, Schema.PERSON).with("firstName", first).with("lastName", last);
    entity = birth == null ? entity : entity.with("birthDate", birth);
    return city == null ? entity : entity.with("city", city);
  }

  /**
   * 20,000 people: 800 Smiths, everyone else with a family name of their own; given names and
   * cities spread over 200 each.
   */
  static List<Prepared> population() {
    var people = new ArrayList<Prepared>();
    for (int i = 0; i < 20_000; i++) {
      String last = i < 800 ? "Smith" : "Family" + Integer.toString(i, 36);
      people.add(
          Prepared.of(
              person("p" + i, "Given" + (i % 200), last, "19" + (40 + i % 60), "Town" + i % 200)));
    }
    return people;
  }

  static Match score(ValueCounts counts, Entity a, Entity b) {
    return new Scorer(MatchOptions.DEFAULTS, new TermWeights(counts))
        .compare(Prepared.of(a), Prepared.of(b));
  }

  static double weight(Match match, String feature) {
    return match.contributions().stream()
        .filter(c -> c.feature().equals(feature))
        .mapToDouble(Contribution::weight)
        .sum();
  }

  static ValueCounts counted(List<Prepared> people, Entity... more) {
    var counts = ValueCounts.of(people);
    for (Entity entity : more) {
      counts.add(Prepared.of(entity));
    }
    return counts;
  }

  @Test
  void anAgreementOnARareSurnameScoresHigherThanTheSameAgreementOnACommonOne() {
    var smithA = person("s1", "Anna", "Smith", "1971-05-02", "Town7");
    var smithB = person("s2", "Anna", "Smith", "1971-05-02", "Town7");
    var rareA = person("r1", "Anna", "Linacre", "1971-05-02", "Town7");
    var rareB = person("r2", "Anna", "Linacre", "1971-05-02", "Town7");
    var counts = counted(population(), smithA, smithB, rareA, rareB);

    Match common = score(counts, smithA, smithB);
    Match rare = score(counts, rareA, rareB);

    double base = Scorer.LAST_NAME.level("exact").weight();
    assertThat(weight(common, "lastName")).isLessThan(base);
    assertThat(weight(rare, "lastName")).isGreaterThanOrEqualTo(base);
    assertThat(weight(rare, "lastName")).isGreaterThan(weight(common, "lastName"));
    assertThat(rare.weight()).isGreaterThan(common.weight());
    assertThat(rare.score()).isGreaterThan(common.score());
    // the explanation shows the adjusted weight, the level stays what the similarity reached
    assertThat(common.explanation())
        .contains(
            String.format(
                java.util.Locale.ROOT, "lastName=exact(%+.1f)", weight(common, "lastName")));
  }

  @Test
  void withoutOtherRecordsNoValueIsCommonOrRare() {
    var a = person("a", "Anna", "Smith", "1971-05-02", "Town7");
    var b = person("b", "Anna", "Smith", "1971-05-02", "Town7");

    Match alone = score(new ValueCounts(), a, b);
    Match fewOthers = score(counted(population().subList(1_000, 1_030), a, b), a, b);

    assertThat(weight(alone, "lastName")).isEqualTo(Scorer.LAST_NAME.level("exact").weight());
    assertThat(fewOthers.explanation()).isEqualTo(alone.explanation());
  }

  @Test
  void rareNamesAndARareCityCannotOutweighADifferentDateOfBirth() {
    double rareBonus =
        Scorer.CEILINGS.get(Field.GIVEN)
            + Scorer.CEILINGS.get(Field.FAMILY)
            + Scorer.CEILINGS.get(Field.CITY);
    double different = -Scorer.BIRTH_DATE.level("different").weight();
    assertThat(rareBonus).isLessThan(different);
    assertThat(Scorer.CEILINGS.get(Field.NAME) + Scorer.CEILINGS.get(Field.CITY))
        .isLessThan(different);

    // 10,000 people over 50 family names, 100 given names and 20 cities: a name or a city of the
    // pair's own is rare indeed, and weighs as much as a rare value may
    var people = new ArrayList<Prepared>();
    for (int i = 0; i < 10_000; i++) {
      people.add(
          Prepared.of(
              person("p" + i, "Given" + i % 100, "Family" + i % 50, null, "Town" + i % 20)));
    }
    var a = person("a", "Ozymandias", "Linacre", "1971-05-02", "Tiny Hamlet");
    var b = person("b", "Ozymandias", "Linacre", "1988-11-23", "Tiny Hamlet");
    var undated = person("c", "Ozymandias", "Linacre", null, "Tiny Hamlet");
    Match rareButBorn = score(counted(people, a, b), a, b);
    Match unweighted = score(new ValueCounts(), a, undated);

    for (var part : List.of("firstName", "lastName", "city")) {
      assertThat(weight(rareButBorn, part)).isEqualTo(weight(unweighted, part) + 0.5);
    }
    assertThat(rareButBorn.weight()).isLessThan(unweighted.weight());
  }

  @Test
  void anAgreementOnAValueHeldByNearlyEveryoneStillCountsForSomething() {
    var people = new ArrayList<Prepared>();
    for (int i = 0; i < 10_000; i++) {
      String last = i % 2 == 0 ? "Wang" : "Family" + i;
      people.add(Prepared.of(person("p" + i, "Given" + i, last, null, "Beijing")));
    }
    var counts = ValueCounts.of(people);

    Match match =
        score(
            counts, person("a", "Wei", "Wang", null, null), person("b", "Wei", "Wang", null, null));

    assertThat(weight(match, "lastName")).isEqualTo(TermWeights.LEAST_AGREEMENT);
  }

  @Test
  void countsFollowRecordsAddedRemovedAndChanged() {
    var counts = new ValueCounts();
    var anna = Prepared.of(person("a", "Anna", "Smith", null, "Leeds"));
    var bob = Prepared.of(person("b", "Bob", "Smith", null, null));

    counts.add(anna);
    counts.add(bob);
    assertThat(counts.count(Field.FAMILY, "smith")).isEqualTo(2);
    assertThat(counts.count(Field.GIVEN, "anna")).isEqualTo(1);
    assertThat(counts.count(Field.NAME, "anna smith")).isEqualTo(1);
    assertThat(counts.total(Field.CITY)).isEqualTo(1);
    assertThat(counts.distinct(Field.FAMILY)).isEqualTo(1);

    counts.remove(bob);
    assertThat(counts.count(Field.FAMILY, "smith")).isEqualTo(1);
    assertThat(counts.count(Field.GIVEN, "bob")).isZero();
    assertThat(counts.distinct(Field.GIVEN)).isEqualTo(1);
    assertThat(counts.total(Field.FAMILY)).isEqualTo(1);

    // a change of name: the old values are counted out, the new ones in
    var married = Prepared.of(person("a", "Anna", "Jones", null, "Leeds"));
    counts.replace(anna, married);
    assertThat(counts.count(Field.FAMILY, "smith")).isZero();
    assertThat(counts.count(Field.FAMILY, "jones")).isEqualTo(1);
    assertThat(counts.count(Field.CITY, "leeds")).isEqualTo(1);
    assertThat(counts.total(Field.FAMILY)).isEqualTo(1);
    assertThat(counts.distinct(Field.FAMILY)).isEqualTo(1);

    counts.remove(married);
    assertThatThrownBy(() -> counts.remove(married)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void namesInHanAndInEitherOrderCountAsOneValue() {
    var counts = new ValueCounts();
    counts.add(Prepared.of(Entity.of("a", Schema.PERSON).with("name", "王伟")));
    counts.add(Prepared.of(Entity.of("b", Schema.PERSON).with("name", "Wei WANG")));
    counts.add(Prepared.of(Entity.of("c", Schema.PERSON).with("name", "WANG Wei")));

    assertThat(counts.count(Field.NAME, "wang wei")).isEqualTo(3);
    assertThat(counts.count(Field.FAMILY, "wang")).isEqualTo(1);
  }
}
