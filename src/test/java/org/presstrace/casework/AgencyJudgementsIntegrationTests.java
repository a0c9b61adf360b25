package org.presstrace.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Marking;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.redflags.RedFlag;
import org.presstrace.redflags.RedFlagRule;
import org.presstrace.redflags.RedFlagStatus;
import org.presstrace.redflags.RedFlags;
import org.presstrace.resolution.Judgement;
import org.presstrace.resolution.Schema;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.presstrace.shared.PageQuery;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * A judgement belongs to the agency that makes it: another agency that may read both subjects of a
 * pair (GREEN records are shared) can judge the pair for itself, but its judgement neither clears
 * our red flags, nor merges or splits our graph, nor takes pairs off our review queue; we see it as
 * a suggestion with its origin.
 */
@PressTraceIntegrationTest
class AgencyJudgementsIntegrationTests {

  @Autowired Directory directory;
  @Autowired Subjects subjects;
  @Autowired RedFlags redFlags;
  @Autowired LinkAnalysis graphs;
  @Autowired JudgementShares shares;
  @Autowired JdbcClient jdbc;

  World world;
  String dea;
  String cbp;
  AccessContext deaAgent;
  AccessContext cbpAgent;

  @BeforeEach
  void agencies() {
    world = new World(directory);
    dea = world.agency("DEA", AgencyKind.FEDERAL, "USA");
    cbp = world.agency("CBP", AgencyKind.FEDERAL, "USA");
    deaAgent = world.as(world.user("dea-agent", dea, Role.INVESTIGATOR), Channel.API);
    cbpAgent = world.as(world.user("cbp-agent", cbp, Role.INVESTIGATOR), Channel.API);
  }

  @Test
  void anotherAgencysJudgementDoesNotClearOurRedFlag() {
    String phone = "+86 139 " + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    String a = subject(deaAgent, "Sun Yuting " + letters(), Tlp.GREEN, "phone", phone);
    String b = subject(deaAgent, "Ferro Cask Trading " + letters(), Tlp.GREEN, "phone", phone);
    RedFlag flag = sharedContact(a);
    assertThat(flag.status()).isEqualTo(RedFlagStatus.OPEN);

    subjects.judge(cbpAgent, a, b, Judgement.SAME, "one person, says CBP");
    redFlags.run(deaAgent);

    assertThat(redFlags.get(deaAgent, flag.id()).status()).isEqualTo(RedFlagStatus.OPEN);

    subjects.judge(deaAgent, a, b, Judgement.SAME, "alias, confirmed by DEA");
    redFlags.run(deaAgent);
    assertThat(redFlags.get(deaAgent, flag.id()).status()).isEqualTo(RedFlagStatus.CLEARED);
  }

  @Test
  void anotherAgencysJudgementDoesNotMergeOurGraph() {
    String a = subject(deaAgent, "Halvard Brennick " + letters(), Tlp.GREEN);
    String b = subject(deaAgent, "Ottoline Farrant " + letters(), Tlp.GREEN);

    subjects.judge(cbpAgent, a, b, Judgement.SAME, "merged by CBP");

    assertThat(graphs.neighbours(deaAgent, a).subjectIds()).doesNotContain(b);
    assertThat(graphs.neighbours(deaAgent, a).nodes()).noneMatch(n -> n.kind().equals("cluster"));
    assertThat(graphs.neighbours(cbpAgent, a).subjectIds())
        .as("CBP's own view follows CBP's judgement")
        .contains(b);
  }

  @Test
  void anotherAgencysJudgementDoesNotSplitOurGraph() {
    String name = "Halvard Brennick " + world.suffix();
    String a = resolvable(deaAgent, name);
    String b = resolvable(deaAgent, name);
    String cluster = "cluster:" + (a.compareTo(b) < 0 ? a : b);
    assertThat(graphs.neighbours(deaAgent, a).nodes()).extracting(GraphNode::id).contains(cluster);

    subjects.judge(cbpAgent, a, b, Judgement.NOT_SAME, "split by CBP");

    Graph ours = graphs.neighbours(deaAgent, a);
    assertThat(ours.subjectIds()).contains(b);
    assertThat(ours.nodes()).extracting(GraphNode::id).contains(cluster);
    assertThat(graphs.neighbours(cbpAgent, a).nodes())
        .extracting(GraphNode::id)
        .doesNotContain(cluster);
  }

  @Test
  void anotherAgencysJudgementDoesNotTakePairsOffOurReviewQueue() {
    String left = subject(deaAgent, "Hao ZHENG " + letters(), Tlp.GREEN);
    String right = subject(deaAgent, "郑浩 " + letters(), Tlp.GREEN);
    assertThat(queued(deaAgent, left, right)).isTrue();

    subjects.judge(cbpAgent, left, right, Judgement.NOT_SAME, "different fathers");

    assertThat(queued(deaAgent, left, right)).isTrue();
    assertThat(queued(cbpAgent, left, right)).isFalse();
    subjects.judge(deaAgent, left, right, Judgement.UNSURE, null);
    assertThat(queued(deaAgent, left, right)).isFalse();
  }

  @Test
  void anotherAgencysJudgementIsShownAsASuggestionWithItsOrigin() {
    String left = subject(deaAgent, "Hao ZHENG " + letters(), Tlp.GREEN);
    String right = subject(deaAgent, "郑浩 " + letters(), Tlp.GREEN);
    subjects.judge(cbpAgent, left, right, Judgement.NOT_SAME, "different fathers");

    assertThat(subjects.reviewSuggestions(deaAgent))
        .filteredOn(s -> s.leftId().equals(left) || s.rightId().equals(left))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(List.of(s.leftId(), s.rightId())).containsExactlyInAnyOrder(left, right);
              assertThat(s.judgement()).isEqualTo(Judgement.NOT_SAME);
              assertThat(s.agency()).isEqualTo(cbp);
              assertThat(s.judgedAt()).isNotNull();
            });
    assertThat(subjects.judgements(deaAgent, left))
        .singleElement()
        .satisfies(
            j -> {
              assertThat(j.agency()).isEqualTo(cbp);
              assertThat(j.ours()).isFalse();
            });
    assertThat(subjects.reviewSuggestions(cbpAgent))
        .as("an agency's own judgement is no suggestion to itself")
        .noneMatch(s -> s.leftId().equals(left) || s.rightId().equals(left));
  }

  @Test
  void aSharedJudgementHoldsForTheOtherAgencyOnlyOnceItsInvestigatorAccepts() {
    String left = subject(deaAgent, "Hao ZHENG " + letters(), Tlp.GREEN);
    String right = subject(deaAgent, "郑浩 " + letters(), Tlp.GREEN);
    AccessContext deaAnalyst = world.as(world.user("dea-analyst", dea, Role.ANALYST), Channel.API);
    assertThatThrownBy(() -> shares.propose(cbpAgent, left, right, dea))
        .as("nothing judged, nothing to share")
        .isInstanceOf(InvalidRequest.class);
    subjects.judge(cbpAgent, left, right, Judgement.SAME, "one person");
    assertThatThrownBy(() -> shares.propose(cbpAgent, left, right, cbp))
        .isInstanceOf(InvalidRequest.class);
    assertThatThrownBy(() -> shares.propose(cbpAgent, left, right, "NO-SUCH-AGENCY"))
        .isInstanceOf(InvalidRequest.class);

    JudgementShare proposed = shares.propose(cbpAgent, left, right, dea);

    assertThat(proposed.status()).isEqualTo("PROPOSED");
    assertThat(queued(deaAgent, left, right)).as("a proposal changes nothing yet").isTrue();
    assertThatThrownBy(() -> shares.accept(cbpAgent, proposed.id()))
        .as("the proposing agency cannot accept for the other")
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> shares.accept(deaAnalyst, proposed.id()))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> shares.accept(deaAgent, "no-such-share")).isInstanceOf(NotFound.class);

    JudgementShare accepted = shares.accept(deaAgent, proposed.id());

    assertThat(accepted.status()).isEqualTo("ACCEPTED");
    assertThat(accepted.decidedBy()).isEqualTo(deaAgent.caller().username());
    assertThat(queued(deaAgent, left, right)).isFalse();
    assertThat(subjects.judgements(deaAgent, left))
        .anySatisfy(
            j -> {
              assertThat(j.ours()).isTrue();
              assertThat(j.judgement()).isEqualTo(Judgement.SAME);
              assertThat(j.note()).contains("Shared by " + cbp);
            });
    assertThat(shares.mine(cbpAgent)).extracting(JudgementShare::status).contains("ACCEPTED");
    assertThatThrownBy(() -> shares.decline(deaAgent, proposed.id()))
        .isInstanceOf(ConflictingState.class);
  }

  @Test
  void aJudgementOnAnUnknownPairIsNotFoundAndStoresNothing() {
    String a = subject(deaAgent, "Halvard Brennick " + letters(), Tlp.GREEN);
    assertThatThrownBy(() -> subjects.judge(deaAgent, a, "no-such-subject", Judgement.SAME, null))
        .isInstanceOf(NotFound.class);
    assertThat(stored(a)).isZero();
  }

  @Test
  void aJudgementOnAPairTheCallerCannotReadIsNotFoundAndStoresNothing() {
    String ours = subject(deaAgent, "Halvard Brennick " + letters(), Tlp.GREEN);
    String hidden = subject(deaAgent, "Ottoline Farrant " + letters(), Tlp.AMBER);
    assertThatThrownBy(() -> subjects.judge(cbpAgent, ours, hidden, Judgement.SAME, null))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> subjects.judge(cbpAgent, hidden, ours, Judgement.NOT_SAME, null))
        .isInstanceOf(NotFound.class);
    assertThat(stored(ours)).isZero();
    assertThat(graphs.neighbours(deaAgent, ours).subjectIds()).doesNotContain(hidden);
  }

  private RedFlag sharedContact(String citing) {
    return redFlags
        .page(deaAgent, null, RedFlagRule.SHARED_CONTACT, new PageQuery(0, 200))
        .items()
        .stream()
        .filter(f -> f.citations().stream().anyMatch(c -> c.recordId().equals(citing)))
        .findFirst()
        .orElseThrow();
  }

  private boolean queued(AccessContext as, String left, String right) {
    return subjects.reviewQueue(as).stream()
        .anyMatch(m -> List.of(m.leftId(), m.rightId()).containsAll(List.of(left, right)));
  }

  private long stored(String id) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM resolution_judgement WHERE left_id = :id OR right_id = :id")
        .param("id", id)
        .query(Long.class)
        .single();
  }

  private String resolvable(AccessContext as, String name) {
    return subject(
        as,
        name,
        Tlp.GREEN,
        "birthDate",
        "1968-03-14",
        "nationality",
        "GB",
        "address",
        "17 " + world.suffix() + " Wharf, Leith");
  }

  /**
   * This test's suffix in letters only, ended by a Q: a name token of digits and letters scores
   * differently from one run to the next, and one of syllables only (KONGAO, JIEGEN) reads as
   * pinyin and makes "Hao ZHENG" and "郑浩" two different Chinese names; no pinyin syllable ends in
   * Q. The pairs these tests judge must stay in the review band.
   */
  private String letters() {
    var letters = new StringBuilder();
    for (char c : world.suffix().toCharArray()) {
      letters.append(Character.isDigit(c) ? (char) ('G' + (c - '0')) : c);
    }
    return letters.append('Q').toString();
  }

  private String subject(AccessContext as, String name, Tlp tlp, String... more) {
    var properties = new LinkedHashMap<String, List<String>>();
    properties.put("name", List.of(name));
    for (int i = 0; i < more.length; i += 2) {
      properties.put(more[i], List.of(more[i + 1]));
    }
    return subjects
        .submit(
            as,
            new SubjectDraft(
                Schema.PERSON,
                properties,
                "CASE-" + world.suffix(),
                "Duty desk",
                null,
                null,
                Marking.of("ignored", tlp)))
        .subject()
        .id();
  }
}
