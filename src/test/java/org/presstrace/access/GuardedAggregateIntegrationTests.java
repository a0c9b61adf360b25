package org.presstrace.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.presstrace.intel.IntelReportDraft;
import org.presstrace.intel.IntelReports;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.PageQuery;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** GuardedReads.aggregate: grouped sums and counts over exactly the rows a list would show. */
@PressTraceIntegrationTest
class GuardedAggregateIntegrationTests {

  @Autowired GuardedReads reads;
  @Autowired IntelReports reports;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;

  @Test
  void aggregatesCountOnlyReadableRowsAndAreAudited() {
    var world = new World(directory);
    String token = "agg" + world.suffix();
    String a = world.agency("AGGA", AgencyKind.FEDERAL, "USA");
    String b = world.agency("AGGB", AgencyKind.FEDERAL, "USA");
    AccessContext authorA = world.as(world.user("authora", a, Role.INVESTIGATOR), Channel.API);
    AccessContext authorB = world.as(world.user("authorb", b, Role.INVESTIGATOR), Channel.API);
    AccessContext readerA = world.as(world.user("readera", a, Role.ANALYST), Channel.API);
    file(authorA, token, Tlp.AMBER);
    file(authorB, token, Tlp.GREEN);
    file(authorB, token, Tlp.AMBER);
    file(authorB, token, Tlp.RED);
    var criteria = Criteria.where("r.title LIKE :t", Map.of("t", token + "%"));
    var aggregation =
        Aggregation.of(
            List.of("r.owner_agency", "r.tlp"),
            Map.of("reports", "COUNT(*)", "versions", "SUM(r.version)"));

    var forA = reads.aggregate(readerA, IntelReports.KIND, criteria, aggregation);
    assertThat(forA)
        .extracting(
            row -> row.groups().get(0) + "/" + row.groups().get(1) + "=" + row.value("reports"))
        .containsExactly(a + "/AMBER=1", b + "/GREEN=1");
    var forB = reads.aggregate(authorB, IntelReports.KIND, criteria, aggregation);
    assertThat(forB.stream().mapToLong(r -> r.value("versions").longValue()).sum()).isEqualTo(3);

    var totals =
        reads.aggregate(
            readerA,
            IntelReports.KIND,
            criteria,
            Aggregation.of(List.of(), Map.of("n", "COUNT(*)")));
    assertThat(totals)
        .singleElement()
        .satisfies(r -> assertThat(r.value("n").longValue()).isEqualTo(2));

    long audited =
        jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE username = :u AND action = 'AGGREGATE'")
            .param("u", readerA.caller().username())
            .query(Long.class)
            .single();
    assertThat(audited).isEqualTo(2);
  }

  @Test
  void allReadsEveryReadableRowInOneAuditedStatementAndNothingHidden() {
    var world = new World(directory);
    String token = "all" + world.suffix();
    String a = world.agency("ALLA", AgencyKind.FEDERAL, "USA");
    String b = world.agency("ALLB", AgencyKind.FEDERAL, "USA");
    AccessContext authorB = world.as(world.user("authorb", b, Role.INVESTIGATOR), Channel.API);
    AccessContext readerA = world.as(world.user("readera", a, Role.ANALYST), Channel.API);
    for (int i = 0; i < PageQuery.MAX_SIZE + 5; i++) {
      file(authorB, token + " " + String.format(java.util.Locale.ROOT, "%03d", i), Tlp.GREEN);
    }
    file(authorB, token + " hidden", Tlp.AMBER);
    var criteria = Criteria.where("r.title LIKE :t", Map.of("t", token + "%"));

    List<String> titles =
        reads.all(
            readerA, IntelReports.KIND, criteria.orderBy("r.title"), (rs, row) -> rs.getString(2));
    assertThat(titles)
        .as("more than a page, in order, without B's AMBER report")
        .hasSize(PageQuery.MAX_SIZE + 5)
        .isSorted()
        .noneMatch(title -> title.contains("hidden"));
    assertThat(reads.all(authorB, IntelReports.KIND, criteria, (rs, row) -> rs.getString(1)))
        .hasSize(PageQuery.MAX_SIZE + 6);

    var audited =
        jdbc.sql("SELECT action, detail FROM audit_event WHERE username = :u")
            .param("u", readerA.caller().username())
            .query((rs, row) -> rs.getString(1) + " " + rs.getString(2))
            .list();
    assertThat(audited)
        .singleElement()
        .satisfies(entry -> assertThat(entry).startsWith("LIST all " + (PageQuery.MAX_SIZE + 5)));
    assertThatThrownBy(
            () ->
                reads.all(
                    new AccessContext(readerA.caller(), Channel.API, null),
                    IntelReports.KIND,
                    criteria,
                    (rs, row) -> rs.getString(1)))
        .isInstanceOf(InvalidRequest.class)
        .extracting("field")
        .isEqualTo("purpose");
  }

  @Test
  void anAggregationTakesOnlyColumnsAndAllowedFunctions() {
    assertThatThrownBy(
            () -> Aggregation.of(List.of("r.tlp; DROP TABLE x"), Map.of("n", "COUNT(*)")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Aggregation.of(List.of("r.tlp"), Map.of("n", "SUM(r.a) + 1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Aggregation.of(List.of("c.tlp"), Map.of("n", "COUNT(*)")))
        .as("a child column without a child table")
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> Aggregation.overChildren("x y", "id", List.of(), Map.of("n", "COUNT(*)")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(
            Aggregation.overChildren(
                    "seizure_item", "seizure_id", List.of("c.form"), Map.of("n", "SUM(c.net_mg)"))
                .groupBy())
        .containsExactly("c.form");
  }

  private void file(AccessContext author, String token, Tlp tlp) {
    reports.create(
        author,
        new IntelReportDraft(
            token + " " + tlp, "summary", Marking.of(author.caller().agency(), tlp)));
  }
}
