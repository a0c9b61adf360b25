package org.presstrace.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** One entity at a time against what is held; judgements override scores for good. */
class ResolutionIndexTests {

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
    assertThat(index.canonicalId("c3")).isEqualTo("a1");
    assertThat(index.canonicalId("b7")).isEqualTo("b7");
  }

  @Test
  void reviewPairsQueueUntilJudgedAndJudgementsHoldForLaterRecords() {
    index.add(person("a", "Wei WANG", null));
    index.add(person("b", "王伟", null));
    assertThat(index.reviewQueue()).hasSize(1);

    Match judged = index.judge("a", "b", Judgement.SAME);

    assertThat(judged.band()).isEqualTo(MatchBand.LINK);
    assertThat(judged.explanation()).endsWith("judgement=same(+0.0)");
    assertThat(index.reviewQueue()).isEmpty();
    assertThat(index.canonicalId("b")).isEqualTo("a");
    index.add(person("c", "WANG Wei", null));
    assertThat(index.reviewQueue()).extracting(Match::leftId).containsOnly("c");
  }

  @Test
  void notSameUnlinksAPairTheScoreLinked() {
    index.add(person("a", "Maria Lopez", "1990-01-01"));
    index.add(person("b", "María López", "1990-01-01"));
    assertThat(index.canonicalId("b")).isEqualTo("a");

    Match judged = index.judge("a", "b", Judgement.NOT_SAME);

    assertThat(judged.band()).isEqualTo(MatchBand.DISTINCT);
    assertThat(index.canonicalId("b")).isEqualTo("b");
  }

  @Test
  void unknownIdsAndRepeatsAreRefused() {
    index.add(person("a", "Li Na", null));

    assertThatThrownBy(() -> index.add(person("a", "Li Na", null)))
        .hasMessageContaining("already resolved");
    assertThatThrownBy(() -> index.judge("a", "zz", Judgement.SAME))
        .hasMessageContaining("no entity 'zz'");
    assertThatThrownBy(() -> index.judge("a", "a", Judgement.SAME))
        .hasMessageContaining("against itself");
  }
}
