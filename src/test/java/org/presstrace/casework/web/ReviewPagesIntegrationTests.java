package org.presstrace.casework.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Marking;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.casework.SubjectDraft;
import org.presstrace.casework.Subjects;
import org.presstrace.resolution.Schema;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The review queue: a pair in the review band with both sides' values beside each contribution, a
 * bad note beside its field with nothing stored, a judgement stored and respected, and nothing of
 * the pair for another agency.
 */
@PressTraceIntegrationTest
class ReviewPagesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired Subjects subjects;
  @Autowired JdbcClient jdbc;

  @Test
  void aPairIsShownSideBySideJudgedAndThenLeavesTheQueue() throws Exception {
    var world = new World(directory);
    String dea = world.agency("DEA", AgencyKind.FEDERAL, "USA");
    String cbp = world.agency("CBP", AgencyKind.FEDERAL, "USA");
    String analyst = world.user("analyst", dea, Role.ANALYST);
    AccessContext author = world.as(world.user("author", dea, Role.INVESTIGATOR), Channel.API);
    String left = person(author, "Wei WANG", "DEA-R-1");
    String right = person(author, "王伟", "DEA-R-2");
    var reviewer = new PageUser(mvc, analyst, "ANALYST");
    var outsider = new PageUser(mvc, world.user("outsider", cbp, Role.ANALYST), "ANALYST");

    String queue = wholeQueue(reviewer);
    assertThat(queue)
        .contains("/resolution/subjects/" + left)
        .contains("/resolution/subjects/" + right)
        .contains("<th scope=\"row\">name</th>")
        .contains("<td>Wei WANG</td>")
        .contains("<td>王伟</td>")
        .contains("Not the same");
    assertThat(wholeQueue(outsider))
        .doesNotContain(left)
        .doesNotContain("DEA-R-1")
        .doesNotContain(right);

    // A judgement refused on the page the pair is on comes back to that page, the error beside it.
    String at = pageWith(reviewer, left);
    assertThat(reviewer.page(at)).contains("name=\"returnTo\" value=\"" + at + "\"");
    MockHttpServletResponse tooLong =
        reviewer.post(
            "/resolution/review/judgements",
            Map.of(
                "left",
                left,
                "right",
                right,
                "judgement",
                "NOT_SAME",
                "note",
                "x".repeat(1001),
                "returnTo",
                at));
    assertThat(tooLong.getRedirectedUrl()).isEqualTo(at);
    String withError = reviewer.page(at);
    assertThat(withError).contains("note is longer than 1000 characters").contains("-error\"");
    MockHttpServletResponse unknown =
        reviewer.post(
            "/resolution/review/judgements",
            Map.of("left", left, "right", right, "judgement", "MAYBE", "returnTo", at));
    assertThat(unknown.getRedirectedUrl()).isEqualTo(at);
    assertThat(reviewer.page(at)).contains("not &#39;MAYBE&#39;");
    assertThat(judgements(left, right)).isZero();
    assertThat(
            outsider
                .post(
                    "/resolution/review/judgements",
                    Map.of("left", left, "right", right, "judgement", "SAME"))
                .getStatus())
        .isEqualTo(404);
    assertThat(judgements(left, right)).isZero();

    MockHttpServletResponse judged =
        reviewer.post(
            "/resolution/review/judgements",
            Map.of(
                "left",
                left,
                "right",
                right,
                "judgement",
                "NOT_SAME",
                "note",
                "different fathers"));
    assertThat(judged.getRedirectedUrl()).isEqualTo("/resolution/review");
    assertThat(judgements(left, right)).isEqualTo(1);
    assertThat(reviewer.page("/resolution/review")).contains("are not the same.");
    assertThat(wholeQueue(reviewer)).doesNotContain("/resolution/subjects/" + left);
    assertThat(reviewer.page("/resolution/subjects/" + left))
        .contains("different fathers")
        .contains("NOT_SAME")
        .contains("Distinct")
        .contains("judgement=not_same");
  }

  @Test
  void anotherAgencysJudgementStaysInOurQueueAsASuggestionWithItsOrigin() throws Exception {
    var world = new World(directory);
    String dea = world.agency("DEA", AgencyKind.FEDERAL, "USA");
    String cbp = world.agency("CBP", AgencyKind.FEDERAL, "USA");
    AccessContext author = world.as(world.user("author", dea, Role.INVESTIGATOR), Channel.API);
    AccessContext cbpAgent = world.as(world.user("cbp-agent", cbp, Role.INVESTIGATOR), Channel.API);
    // Names no other test uses and no random part: the pair's score, and so its band, is the same
    // in every run.
    String left = person(author, "Jun LIU", "DEA-R-7", Tlp.GREEN);
    String right = person(author, "刘军", "DEA-R-8", Tlp.GREEN);
    subjects.judge(cbpAgent, left, right, org.presstrace.resolution.Judgement.SAME, "CBP's view");
    var reviewer = new PageUser(mvc, world.user("analyst", dea, Role.ANALYST), "ANALYST");

    String at = pageWith(reviewer, left);
    String page = reviewer.page(at);
    assertThat(page).contains("Suggestion from <span>" + cbp + "</span>");
    assertThat(page).doesNotContain("CBP&#39;s view").doesNotContain("CBP's view");
    assertThat(reviewer.page("/resolution/subjects/" + left))
        .contains(cbp + " (suggestion only, not applied to your agency)")
        .doesNotContain("CBP&#39;s view");
  }

  private String person(AccessContext author, String name, String caseReference) {
    return person(author, name, caseReference, Tlp.AMBER);
  }

  private String person(AccessContext author, String name, String caseReference, Tlp tlp) {
    return subjects
        .submit(
            author,
            new SubjectDraft(
                Schema.PERSON,
                Map.of("name", List.of(name)),
                caseReference,
                "Duty desk",
                null,
                null,
                Marking.of("ignored", tlp)))
        .subject()
        .id();
  }

  /**
   * Every page of the user's review queue: the tests of this context share one index, so other
   * tests' pairs the user may read (GREEN ones) can come first.
   */
  private static String wholeQueue(PageUser user) throws Exception {
    var all = new StringBuilder();
    for (int page = 0; page < 1_000; page++) {
      String content = user.page("/resolution/review?page=" + page);
      all.append(content);
      if (!content.contains("/resolution/review?page=" + (page + 1))) {
        break;
      }
    }
    return all.toString();
  }

  /** The address of the queue page showing {@code id}, as its pager links it. */
  private static String pageWith(PageUser user, String id) throws Exception {
    for (int page = 0; page < 1_000; page++) {
      String url = page == 0 ? "/resolution/review" : "/resolution/review?page=" + page;
      String content = user.page(url);
      if (content.contains("/resolution/subjects/" + id)) {
        return url;
      }
      if (!content.contains("/resolution/review?page=" + (page + 1))) {
        throw new AssertionError(id + " is on none of the " + (page + 1) + " review queue pages");
      }
    }
    throw new AssertionError(id + " is on no page of the review queue");
  }

  private long judgements(String left, String right) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM resolution_judgement WHERE left_id IN (:ids) AND right_id IN"
                + " (:ids)")
        .param("ids", List.of(left, right))
        .query(Long.class)
        .single();
  }
}
