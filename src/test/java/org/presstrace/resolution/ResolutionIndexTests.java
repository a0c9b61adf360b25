package org.presstrace.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One entity at a time against what is held; judgements override scores for good. */
class ResolutionIndexTests {

  static final String DEA = "DEA";
  static final String CBP = "CBP";

  final ResolutionIndex index = new ResolutionIndex(MatchOptions.DEFAULTS);

  static Entity person(String id, String name, String birth) {
    return Entity.of(id, Schema.PERSON).with("name", name).with("birthDate", birth);
  }

  @Test
  void aNewRecordLinksToWhatIsHeldAndSharesItsCanonicalId() {
    index.add(person("a1", "王伟", "1979-04-02"));
    index.add(person("b7", "Li Na", "1985-03-12"));

    var found = index.add(person("c3", "WANG Wei", "19790402"));

    assertThat(found).extracting(Match::rightId).containsExactly("a1");
    assertThat(found.get(0).band()).isEqualTo(MatchBand.LINK);
    assertThat(index.canonicalId(DEA, "c3")).isEqualTo("a1");
    assertThat(index.canonicalId(DEA, "b7")).isEqualTo("b7");
  }

  @Test
  void anEntityOverTheAdmittedIdsNeitherCountsNorPassesThroughTheOthers() {
    index.add(person("b", "Li Na", "1985-03-12"));
    index.add(person("a", "Li Na", "1985-03-12"));
    index.add(person("c", "Wei WANG", "1979-04-02"));
    index.judge(DEA, "a", "c", Judgement.SAME);

    assertThat(index.cluster(DEA, "b")).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(index.cluster(DEA, "b", id -> !id.equals("a")))
        .as("a left out: b alone, not joined to c through a")
        .containsExactly("b");
    assertThat(index.cluster(DEA, "b", id -> !id.equals("c"))).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void reviewPairsQueueUntilJudgedAndJudgementsHoldForLaterRecords() {
    index.add(person("a", "Wei WANG", null));
    index.add(person("b", "王伟", null));
    assertThat(index.reviewQueue(DEA)).hasSize(1);

    Match judged = index.judge(DEA, "a", "b", Judgement.SAME);

    assertThat(judged.band()).isEqualTo(MatchBand.LINK);
    assertThat(judged.explanation()).endsWith("judgement=same(+0.0)");
    assertThat(index.reviewQueue(DEA)).isEmpty();
    assertThat(index.canonicalId(DEA, "b")).isEqualTo("a");
    index.add(person("c", "WANG Wei", null));
    assertThat(index.reviewQueue(DEA)).extracting(Match::leftId).containsOnly("c");
  }

  @Test
  void notSameUnlinksAPairTheScoreLinked() {
    index.add(person("a", "Maria Lopez", "1990-01-01"));
    index.add(person("b", "María López", "1990-01-01"));
    assertThat(index.canonicalId(DEA, "b")).isEqualTo("a");

    Match judged = index.judge(DEA, "a", "b", Judgement.NOT_SAME);

    assertThat(judged.band()).isEqualTo(MatchBand.DISTINCT);
    assertThat(index.canonicalId(DEA, "b")).isEqualTo("b");
  }

  @Test
  void anotherAgencysJudgementDoesNotMergeSplitOrDequeueOurPairs() {
    index.add(person("a", "Wei WANG", null));
    index.add(person("b", "王伟", null));
    index.add(person("c", "Maria Lopez", "1990-01-01"));
    index.add(person("d", "María López", "1990-01-01"));

    index.judge(CBP, "a", "b", Judgement.SAME);
    index.judge(CBP, "c", "d", Judgement.NOT_SAME);

    assertThat(index.reviewQueue(DEA)).extracting(Match::rightId).contains("a");
    assertThat(index.cluster(DEA, "b")).containsExactly("b");
    assertThat(index.cluster(DEA, "d")).containsExactlyInAnyOrder("c", "d");
    assertThat(index.reviewQueue(CBP)).isEmpty();
    assertThat(index.cluster(CBP, "b")).containsExactlyInAnyOrder("a", "b");
    assertThat(index.cluster(CBP, "d")).containsExactly("d");
    assertThat(index.judgement(DEA, "a", "b")).isNull();
    assertThat(index.judgement(CBP, "b", "a")).isEqualTo(Judgement.SAME);
  }

  @Test
  void unknownIdsAndRepeatsAreRefused() {
    index.add(person("a", "Li Na", null));

    assertThatThrownBy(() -> index.add(person("a", "Li Na", null)))
        .hasMessageContaining("already resolved");
    assertThatThrownBy(() -> index.judge(DEA, "a", "zz", Judgement.SAME))
        .hasMessageContaining("no entity 'zz'");
    assertThatThrownBy(() -> index.judge(DEA, "a", "a", Judgement.SAME))
        .hasMessageContaining("against itself");
  }

  /**
   * A fresh index holding 4,000 people of one agency's world (family names of their own, given
   * names and cities spread over a hundred), then {@code others} (another agency's records, hidden
   * from the caller), then the caller's first record; returns the pair its second record makes.
   */
  static Match callersPairAfter(List<Entity> others, Entity first, Entity second) {
    var index = new ResolutionIndex(MatchOptions.DEFAULTS);
    for (int i = 0; i < 4_000; i++) {
      index.add(
          Entity.of("bg" + i, Schema.PERSON)
              .with("firstName", "Given" + i % 100)
              .with("lastName", "Family" + Integer.toString(i, 36))
              .with("birthDate", (1940 + i % 60) + "-0" + (1 + i % 9) + "-1" + i % 10)
              .with("city", "Town" + i % 100));
    }
    others.forEach(index::add);
    index.add(first);
    return index.add(second).stream()
        .filter(match -> match.rightId().equals(first.id()))
        .findFirst()
        .orElseThrow();
  }

  static Entity person(String id, String first, String last, String birth, String city) {
    return Entity.of(id, Schema.PERSON)
        .with("firstName", first)
        .with("lastName", last)
        .with("birthDate", birth)
        .with("city", city);
  }

  static List<Entity> hidden(String last, int count) {
    var hidden = new java.util.ArrayList<Entity>();
    for (int i = 0; i < count; i++) {
      hidden.add(person("hidden" + i, "Other" + i, last, "1961-02-1" + i % 10, "Town" + i % 100));
    }
    return hidden;
  }

  @Test
  void anotherAgencysRecordsSharingARareNameChangeNothingThePairShows() {
    var first = person("mine1", "Chidi", "Okonkwo", "1980-01-01", "Leeds");
    var second = person("mine2", "Chidi", "Okonkwo", "1980-01-01", "Leeds");

    Match alone = callersPairAfter(List.of(), first, second);
    Match beside = callersPairAfter(hidden("Okonkwo", 5), first, second);

    assertThat(beside.explanation()).isEqualTo(alone.explanation());
    assertThat(beside.score()).isEqualTo(alone.score());
    assertThat(beside.band()).isEqualTo(alone.band());
  }

  @Test
  void aNameHeldByManyWeighsLessOnceItsHoldersAreMoreThanAFew() {
    var first = person("mine1", "Chidi", "Okonkwo", "1980-01-01", "Leeds");
    var second = person("mine2", "Chidi", "Okonkwo", "1980-01-01", "Leeds");

    Match rare = callersPairAfter(List.of(), first, second);
    Match common = callersPairAfter(hidden("Okonkwo", 300), first, second);

    assertThat(common.weight()).isLessThan(rare.weight());
    assertThat(common.explanation()).contains("lastName=exact(").doesNotContain("okonkwo");
  }
}
