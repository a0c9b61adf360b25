package org.presstrace.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.presstrace.casework.SubjectDraft;
import org.presstrace.casework.Subjects;
import org.presstrace.resolution.Schema;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** GuardedReads.related: rows referring to protected records, only when every end is readable. */
@PressTraceIntegrationTest
class GuardedRelatedIntegrationTests {

  @Autowired GuardedReads reads;
  @Autowired Subjects subjects;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;

  @Test
  void rowsReferringToAHiddenRecordAreNeitherShownNorAudited() {
    var world = new World(directory);
    String a = world.agency("RELA", AgencyKind.FEDERAL, "USA");
    String b = world.agency("RELB", AgencyKind.FEDERAL, "USA");
    AccessContext authorA = world.as(world.user("authora", a, Role.INVESTIGATOR), Channel.API);
    AccessContext readerB = world.as(world.user("readerb", b, Role.ANALYST), Channel.API);
    String shown = subject(authorA, "Shown " + world.suffix(), Tlp.GREEN);
    String hidden = subject(authorA, "Hidden " + world.suffix(), Tlp.AMBER);
    var statements =
        Relation.of(
                "resolution_statement",
                "entity_id",
                Subjects.KIND,
                "c.entity_id, c.statement_value")
            .where("c.entity_id IN (:ids)", Map.of("ids", List.of(shown, hidden)));

    List<String> forB =
        reads.related(readerB, statements, (rs, row) -> rs.getString("statement_value"));
    List<String> forA =
        reads.related(authorA, statements, (rs, row) -> rs.getString("statement_value"));

    assertThat(forB).containsExactly("Shown " + world.suffix());
    assertThat(forA).hasSize(2);
    var audit =
        jdbc.sql("SELECT detail FROM audit_event WHERE username = :u AND action = 'RELATED'")
            .param("u", readerB.caller().username())
            .query(String.class)
            .list();
    assertThat(audit).containsExactly("1 rows of resolution_statement");

    var pairs = Relation.of("resolution_match", "left_id", Subjects.KIND, "c.left_id");
    assertThat(pairs.and("right_id", Subjects.KIND).ends()).hasSize(2);
  }

  @Test
  void aRelationTakesOnlyPlainNamesAndLeavesThePolicysParametersAlone() {
    assertThatThrownBy(() -> Relation.of("x; DROP TABLE y", "id", Subjects.KIND, "c.id"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Relation.of("t", "id", Subjects.KIND, "c.id, secret"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                Relation.of("t", "id", Subjects.KIND, "c.id")
                    .where("1 = 1", Map.of("acc_agency", "X")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Relation.of("t", "id", Subjects.KIND, "c.id").limit(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private String subject(AccessContext author, String name, Tlp tlp) {
    return subjects
        .submit(
            author,
            new SubjectDraft(
                Schema.PERSON,
                Map.of("name", List.of(name)),
                "CASE-REL",
                "Duty desk",
                null,
                null,
                Marking.of("ignored", tlp)))
        .subject()
        .id();
  }
}
