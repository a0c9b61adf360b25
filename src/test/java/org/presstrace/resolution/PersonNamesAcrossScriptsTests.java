package org.presstrace.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The same person in Han characters (traditional or simplified), Hanyu Pinyin, Wade-Giles and Hong
 * Kong romanisation, in either order and with the given name joined or apart; and the names that
 * must stay apart.
 */
class PersonNamesAcrossScriptsTests {

  static Entity person(String id, String name) {
    return Entity.of(id, Schema.PERSON).with("name", name);
  }

  static Match compare(String left, String right) {
    return Matching.withDefaults().compare(person("a", left), person("b", right));
  }

  @Test
  void theSamePersonInEveryScriptAndRomanisationIsACandidate() {
    List<String> forms =
        List.of(
            "Zhang Weiming",
            "ZHANG Wei-Ming",
            "Wei Ming Zhang",
            "Chang Wei-ming",
            "Cheung Wai Ming",
            "CHEUNG, Wai-ming",
            "張偉明",
            "张伟明");
    var missed = new ArrayList<String>();
    for (String left : forms) {
      for (String right : forms) {
        Match match = compare(left, right);
        if (match.band() == MatchBand.DISTINCT) {
          missed.add(left + " | " + right + " " + match.explanation());
        }
      }
    }
    assertThat(missed).isEmpty();
  }

  @Test
  void theExplanationNamesTheRomanisationThatMatched() {
    Match wadeGiles = compare("CHANG, Wei-ming", "ZHANG, Weiming");
    Match hongKong = compare("CHEUNG, Wai-ming", "張偉明");

    assertThat(wadeGiles.explanation()).contains("romanisation=Wade-Giles:Chang=pinyin:Zhang");
    assertThat(hongKong.explanation()).contains("romanisation=HongKong:Cheung=Han:張");
  }

  @Test
  void anAmbiguousFamilyNameIsACandidateForBothNamesAndTheRestOfTheRecordDecides() {
    Match huang = compare("WONG, Ka Ming", "黃家明");
    Match wang = compare("WONG, Ka Ming", "王家明");
    Match apart = compare("黃家明", "王家明");
    Match sameBirth =
        Matching.withDefaults()
            .compare(
                person("a", "WONG, Ka Ming").with("birthDate", "1979-04-02"),
                person("b", "王家明").with("birthDate", "1979-04-02"));

    assertThat(huang.band()).isEqualTo(MatchBand.REVIEW);
    assertThat(wang.band()).isEqualTo(MatchBand.REVIEW);
    assertThat(huang.explanation()).contains("lastName=close(");
    assertThat(apart.band()).isEqualTo(MatchBand.DISTINCT);
    assertThat(sameBirth.band()).isEqualTo(MatchBand.LINK);
  }

  @Test
  void twoDifferentHanNamesStayDifferentEvenWhenTheySoundAlike() {
    assertThat(compare("张伟明", "章伟明").band()).isEqualTo(MatchBand.DISTINCT);
    assertThat(compare("张伟明", "张维明").band()).isEqualTo(MatchBand.DISTINCT);
    assertThat(compare("ZHANG, Weiming", "张伟民").band()).isEqualTo(MatchBand.DISTINCT);
    assertThat(compare("CHANG, Wei-ming", "CHANG, Wei-min").band()).isEqualTo(MatchBand.DISTINCT);
  }

  @Test
  void peopleAcrossScriptsMeetInABlock() {
    List<Entity> left =
        List.of(
            person("l1", "Cheung Wai Ming"),
            person("l2", "Chang Wei-ming"),
            person("l3", "WONG, Ka Ming"));
    List<Entity> right = List.of(person("r1", "张伟明"), person("r2", "王家明"));

    MatchRun run = Matching.withDefaults().link(left, right);

    assertThat(run.matches().stream().map(m -> m.leftId() + "|" + m.rightId()))
        .contains("l1|r1", "l2|r1", "l3|r2");
  }
}
