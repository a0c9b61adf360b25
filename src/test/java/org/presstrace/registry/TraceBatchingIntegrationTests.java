package org.presstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.ledger.AuditLeaves;
import org.presstrace.ledger.Ledger;
import org.presstrace.ledger.LedgerLeaf;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.TestDatabase;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A trace reads its matches' histories, parts and holders together and writes its audit entries
 * together: what that batching must not change. One HISTORY entry per history shown, each with its
 * own ledger leaf; nothing of a machine the caller may not read, not even an audit entry naming it;
 * nothing left behind by a trace that fails; and a cost per trace that does not grow with the
 * matches.
 */
@PressTraceIntegrationTest
class TraceBatchingIntegrationTests {

  @Autowired Directory directory;
  @Autowired Registry registry;
  @Autowired Trace trace;
  @Autowired Ledger ledger;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired org.presstrace.access.GuardedReads reads;

  World world;
  AccessContext holder;
  AccessContext investigator;
  String investigatorName;
  String prefix;

  @BeforeEach
  void setUp() {
    world = new World(directory);
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    AccessContext admin =
        world.as(world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.API);
    var registrant =
        registry.register(
            admin,
            new NewRegistrant(
                "Batch Holder " + world.suffix(),
                null,
                RegistrantCategory.OWNER,
                null,
                "1 Press Way",
                null,
                "USA"));
    registrant = registry.activate(admin, registrant.id(), "inspection passed");
    holder = world.as(world.user("holder", registrant.agencyCode(), Role.REGISTRANT), Channel.API);
    investigatorName =
        world.user("agent", world.agency("DEA", AgencyKind.FEDERAL, "USA"), Role.INVESTIGATOR);
    investigator = world.as(investigatorName, Channel.API);
    // Serials of this test only: letters from the suffix, so that no other test's serial shares
    // the prefix.
    prefix = "TB" + world.suffix().replaceAll("[^A-Z0-9]", "");
  }

  private String machine(String serial, EquipmentKind kind, String installedIn) {
    return registry
        .registerMachine(
            holder,
            new NewMachine(
                serial,
                false,
                "Batchworks",
                "BW-" + world.suffix(),
                kind,
                null,
                "Bay 1",
                EquipmentOrigin.DECLARED,
                null,
                null,
                installedIn))
        .id();
  }

  private List<Map<String, Object>> auditOf(String username) {
    return jdbc.sql(
            "SELECT id, action, record_id, outcome, detail FROM audit_event"
                + " WHERE username = :u ORDER BY id")
        .param("u", username)
        .query()
        .listOfRows();
  }

  @Test
  void everyHistoryShownHasOneAuditEntryWithItsOwnLeafAndHiddenMachinesLeaveNoTrace() {
    var shown = new ArrayList<String>();
    for (int i = 1; i <= 3; i++) {
      shown.add(machine(prefix + "-10" + i, EquipmentKind.TABLETING_ROTARY, null));
    }
    String part = machine(prefix + "-D1", EquipmentKind.DIE, shown.get(0));
    shown.add(part);
    String red = machine(prefix + "-104", EquipmentKind.TABLETING_ROTARY, null);
    String compartmented = machine(prefix + "-105", EquipmentKind.TABLETING_ROTARY, null);
    jdbc.sql("UPDATE machine SET tlp = 'RED' WHERE id = :id").param("id", red).update();
    String compartment = "TB-" + world.suffix();
    directory.ensureCompartment(
        compartment, "Batch case team " + world.suffix(), holder.caller().agency());
    jdbc.sql("UPDATE machine SET compartment = :c WHERE id = :id")
        .param("c", compartment)
        .param("id", compartmented)
        .update();

    List<TracedMachine> traced = trace.trace(investigator, Trace.Query.pattern(prefix + "*"));

    assertThat(traced).extracting(t -> t.machine().id()).containsExactlyInAnyOrderElementsOf(shown);
    assertThat(traced.stream().filter(t -> t.machine().id().equals(shown.get(0))).findFirst())
        .get()
        .satisfies(
            t -> {
              assertThat(t.installedParts()).extracting(MachineView::id).containsExactly(part);
              assertThat(t.custody()).isNotEmpty();
              assertThat(t.lastLawfulHolder()).isNotNull();
            });
    var entries = auditOf(investigatorName);
    var histories = entries.stream().filter(e -> "HISTORY".equals(e.get("action"))).toList();
    assertThat(histories)
        .as("one HISTORY entry per history shown, and none for a hidden machine")
        .extracting(e -> (String) e.get("record_id"))
        .containsExactlyInAnyOrderElementsOf(shown);
    for (TracedMachine t : traced) {
      assertThat(histories)
          .filteredOn(e -> t.machine().id().equals(e.get("record_id")))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.get("outcome")).isEqualTo("SHOWN");
                assertThat(e.get("detail")).isEqualTo(t.custody().size() + " entries");
              });
    }
    assertThat(entries)
        .as("no audit entry names a machine the investigator may not read")
        .allSatisfy(
            e -> {
              assertThat(String.valueOf(e.get("record_id"))).isNotIn(red, compartmented);
              assertThat(String.valueOf(e.get("detail")))
                  .doesNotContain(red)
                  .doesNotContain(compartmented);
            });
    assertThat(ledger.awaitIntegration()).isTrue();
    for (Map<String, Object> entry : entries) {
      String id = String.valueOf(entry.get("id"));
      LedgerLeaf leaf = ledger.leafFor(AuditLeaves.KIND, id).orElseThrow();
      assertThat(leaf.data())
          .as("the leaf of entry %s is that entry's", id)
          .contains("\"id\":" + id + ",")
          .contains("\"action\":\"" + entry.get("action") + "\"");
      if (entry.get("record_id") != null) {
        assertThat(leaf.data()).contains("\"recordId\":\"" + entry.get("record_id") + "\"");
      }
    }
  }

  /**
   * A pattern's prefix range is checked against the pattern inside the serial index and the rows
   * are read for the matches only: the trace must still show exactly the readable serials the
   * pattern matches, at the range's edges (the prefix alone, the prefix padded with Z, the next
   * prefix) and with a matching machine the investigator may not read.
   */
  @Test
  void aPatternShowsExactlyTheReadableSerialsItMatches() {
    char last = prefix.charAt(prefix.length() - 1);
    String otherLast = prefix.substring(0, prefix.length() - 1) + (last == '0' ? '1' : '0');
    var serials =
        new ArrayList<>(
            List.of(
                prefix,
                prefix + "1",
                prefix + "10",
                prefix + "19",
                prefix + "1A9",
                prefix + "219",
                prefix + "9",
                prefix + "99",
                prefix + "ZZZ",
                prefix + "Z9",
                otherLast + "19",
                "A" + prefix + "19"));
    var readable = new java.util.HashMap<String, String>();
    for (String serial : serials) {
      readable.put(machine(serial, EquipmentKind.DIE, null), serial);
    }
    String red = machine(prefix + "119", EquipmentKind.DIE, null);
    jdbc.sql("UPDATE machine SET tlp = 'RED' WHERE id = :id").param("id", red).update();

    for (String pattern :
        List.of(
            prefix + "*",
            prefix + "1*",
            prefix + "1?",
            prefix + "*9",
            prefix + "?9",
            prefix + "Z*")) {
      var query = new SerialPattern(pattern);
      var expected =
          readable.entrySet().stream()
              .filter(e -> query.matches(new SerialNumber(e.getValue())))
              .map(Map.Entry::getKey)
              .sorted()
              .toList();
      var shown =
          trace.trace(investigator, Trace.Query.pattern(pattern)).stream()
              .map(t -> t.machine().id())
              .sorted()
              .toList();
      assertThat(shown).as(pattern).isEqualTo(expected).doesNotContain(red);
    }
  }

  @Test
  void historiesCheckEveryRecordThatNoPageOfTheScopeShowed() {
    String shown = machine(prefix + "-401", EquipmentKind.TABLETING_ROTARY, null);
    String red = machine(prefix + "-402", EquipmentKind.TABLETING_ROTARY, null);
    jdbc.sql("UPDATE machine SET tlp = 'RED' WHERE id = :id").param("id", red).update();

    var histories =
        transactions.execute(
            status ->
                reads.together(
                    investigator,
                    () -> {
                      assertThat(
                              reads
                                  .page(
                                      investigator,
                                      Trace.MACHINE_KIND,
                                      Trace.patternCriteria(new SerialPattern(prefix + "*")),
                                      new org.presstrace.shared.PageQuery(0, 25),
                                      (rs, row) -> rs.getString("id"))
                                  .items())
                          .containsExactly(shown);
                      return reads.histories(
                          investigator,
                          Trace.MACHINE_KIND,
                          List.of(shown, red),
                          org.presstrace.registry.internal.Machines.CUSTODY_OF_MANY_SQL,
                          "machine_id",
                          (rs, row) -> rs.getString("type"));
                    }));

    assertThat(histories).containsOnlyKeys(shown);
    assertThat(histories.get(shown)).isNotEmpty();
    assertThat(auditOf(investigatorName))
        .filteredOn(e -> "HISTORY".equals(e.get("action")))
        .extracting(e -> e.get("record_id") + " " + e.get("outcome"))
        .containsExactlyInAnyOrder(shown + " SHOWN", red + " NOT_FOUND");
  }

  @Test
  void aTraceThatFailsLeavesNoAuditEntryAndNoQueuedLeaf() {
    machine(prefix + "-201", EquipmentKind.TABLETING_ROTARY, null);
    machine(prefix + "-202", EquipmentKind.TABLETING_ROTARY, null);
    long queuedBefore = jdbc.sql("SELECT COUNT(*) FROM ledger_queue").query(Long.class).single();

    assertThatThrownBy(
            () ->
                transactions.executeWithoutResult(
                    status -> {
                      assertThat(trace.trace(investigator, Trace.Query.pattern(prefix + "*")))
                          .hasSize(2);
                      throw new IllegalStateException("the caller fails after the trace");
                    }))
        .hasMessageContaining("fails after the trace");

    assertThat(auditOf(investigatorName)).isEmpty();
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM ledger_queue q WHERE q.kind = :k"
                        + " AND NOT EXISTS (SELECT 1 FROM audit_event a"
                        + " WHERE CAST(a.id AS VARCHAR(64)) = q.ref)")
                .param("k", AuditLeaves.KIND)
                .query(Long.class)
                .single())
        .as("no queued leaf without its entry")
        .isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_queue").query(Long.class).single())
        .isLessThanOrEqualTo(queuedBefore);
  }

  @Test
  void aTraceCostsAsManyStatementsForFiveMatchesAsForOne() {
    assumeTrue(h2(), "counted with H2's query statistics");
    for (int i = 1; i <= 5; i++) {
      machine(prefix + "-30" + i, EquipmentKind.TABLETING_ROTARY, null);
    }
    String single = prefix + "-399";
    machine(single, EquipmentKind.TABLETING_ROTARY, null);
    // warm up both shapes once (first-use work such as caches is not a trace's cost)
    trace.trace(investigator, Trace.Query.serial(single));
    trace.trace(investigator, Trace.Query.pattern(prefix + "-30*"));

    long one =
        statements(
            () -> assertThat(trace.trace(investigator, Trace.Query.serial(single))).hasSize(1));
    long five =
        statements(
            () ->
                assertThat(trace.trace(investigator, Trace.Query.pattern(prefix + "-30*")))
                    .hasSize(5));

    assertThat(five).as("statements for five matches (one match: %d)", one).isEqualTo(one);
    // the search, the parts, the histories, the holders, the audit entries
    assertThat(one).as("statements per trace").isLessThanOrEqualTo(5);
  }

  @Test
  void onPostgreSqlTheMachinesOfTheCustodyLogAreCountedFromALargeEnoughSample() {
    assumeTrue(TestDatabase.postgres(), "the planner's sample is PostgreSQL's");
    // A trace reads the histories of its matches in one statement. With the default sample,
    // PostgreSQL took 10 million custody events for 84,687 machines instead of 1 million and
    // hashed the whole registrant table for every pattern trace (V74, docs/registry.md).
    assertThat(
            jdbc.sql(
                    "SELECT attstattarget FROM pg_attribute"
                        + " WHERE attrelid = 'custody_event'::regclass AND attname = 'machine_id'")
                .query(Integer.class)
                .single())
        .isGreaterThanOrEqualTo(1000);
  }

  @Test
  void onPostgreSqlAHistoryReadsFilersAndSaleRecordsOnlyByKeyWhateverJoinThePlannerPrefers() {
    assumeTrue(TestDatabase.postgres(), "the plans are PostgreSQL's");
    var ids = new ArrayList<String>();
    for (int i = 1; i <= 3; i++) {
      ids.add(machine(prefix + "-50" + i, EquipmentKind.TABLETING_ROTARY, null));
    }
    // Forbidding nested loops (and table scans) makes the planner take the join strategies it
    // takes when it expects long histories: a hash or merge join reads its inner table whole
    // unless the statement bounds that table by key itself.
    List<String> plan =
        transactions.execute(
            status -> {
              jdbc.sql("SET LOCAL enable_nestloop = off").update();
              jdbc.sql("SET LOCAL enable_seqscan = off").update();
              return jdbc.sql(
                      "EXPLAIN " + org.presstrace.registry.internal.Machines.CUSTODY_OF_MANY_SQL)
                  .param("acc_ids", ids)
                  .query(String.class)
                  .list();
            });
    var reads = new ArrayList<String>();
    for (int line = 0; line < plan.size(); line++) {
      String node = plan.get(line);
      if (!node.matches(".*Scan.* on (registrant|transfer_record)\\b.*")) {
        continue;
      }
      boolean byKey = false;
      for (int next = line + 1; next < plan.size() && !plan.get(next).contains("->"); next++) {
        byKey |= plan.get(next).contains("Index Cond:") || plan.get(next).contains("Recheck Cond:");
      }
      reads.add((byKey ? "by key: " : "whole: ") + node.strip());
    }
    assertThat(reads)
        .as("%s", String.join("\n", plan))
        .anyMatch(read -> read.contains(" on registrant"))
        .anyMatch(read -> read.contains(" on transfer_record"))
        .allMatch(read -> read.startsWith("by key: "));
  }

  private boolean h2() {
    return jdbc.sql(
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'query_statistics'")
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * Statements executed on the tables a trace reads and writes while {@code action} runs, from H2's
   * query statistics (cleared by turning them off and on); the ledger's integrator, which runs
   * beside, touches none of them (the queue a trace adds to is left out for that reason).
   */
  private long statements(Runnable action) {
    jdbc.sql("SET QUERY_STATISTICS FALSE").update();
    jdbc.sql("SET QUERY_STATISTICS_MAX_ENTRIES 10000").update();
    jdbc.sql("SET QUERY_STATISTICS TRUE").update();
    try {
      action.run();
      return jdbc.sql(
              "SELECT COALESCE(SUM(execution_count), 0) FROM information_schema.query_statistics"
                  + " WHERE LOWER(sql_statement) LIKE '%machine%'"
                  + " OR LOWER(sql_statement) LIKE '%custody_event%'"
                  + " OR LOWER(sql_statement) LIKE '%registrant%'"
                  + " OR LOWER(sql_statement) LIKE '%audit_event%'")
          .query(Long.class)
          .single();
    } finally {
      jdbc.sql("SET QUERY_STATISTICS FALSE").update();
    }
  }
}
