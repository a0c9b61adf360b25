package org.presstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.registry.internal.Machines;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.TestDatabase;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How a machine's chain of custody is stored for a trace: on PostgreSQL its events are read from
 * one index ({@code custody_history}, which carries every column a history shows) without visiting
 * the table; only events whose details are too long for an index entry come from the table. What
 * that must not change: every column as stored, details included, and no note refused for its
 * length.
 */
@PressTraceIntegrationTest
class CustodyHistoryStorageIntegrationTests {

  @Autowired Directory directory;
  @Autowired Registry registry;
  @Autowired Trace trace;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;

  @Value("${spring.flyway.url:}")
  String ownerUrl;

  @Value("${spring.flyway.user:}")
  String ownerUser;

  @Value("${spring.flyway.password:}")
  String ownerPassword;

  @Value("${spring.flyway.default-schema:}")
  String schema;

  World world;
  AccessContext holder;
  AccessContext investigator;
  String serial;

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
                "History Holder " + world.suffix(),
                null,
                RegistrantCategory.OWNER,
                null,
                "1 Press Way",
                null,
                "USA"));
    registrant = registry.activate(admin, registrant.id(), "inspection passed");
    holder = world.as(world.user("holder", registrant.agencyCode(), Role.REGISTRANT), Channel.API);
    investigator =
        world.as(
            world.user("agent", world.agency("DEA", AgencyKind.FEDERAL, "USA"), Role.INVESTIGATOR),
            Channel.API);
    serial = "CH" + world.suffix().replaceAll("[^A-Z0-9]", "") + "-1";
  }

  private String machine() {
    return registry
        .registerMachine(
            holder,
            new NewMachine(
                serial,
                false,
                "Historyworks",
                "HW-" + world.suffix(),
                EquipmentKind.TABLETING_ROTARY,
                null,
                "Bay 1",
                EquipmentOrigin.DECLARED,
                null,
                null,
                null))
        .id();
  }

  /** {@code length} random CJK characters (3 bytes each in UTF-8), which do not compress. */
  private static String note(int length) {
    var random = new Random(7);
    var note = new StringBuilder();
    while (note.length() < length) {
      note.appendCodePoint(0x4E00 + random.nextInt(0x5000));
    }
    return note.toString();
  }

  private List<CustodyEntry> traced(String id) {
    var found = trace.trace(investigator, Trace.Query.serial(serial));
    assertThat(found).extracting(t -> t.machine().id()).containsExactly(id);
    return found.get(0).custody();
  }

  @Test
  void aTraceShowsEachEventsDetailsAsStoredAndNoneWhereItHasNone() {
    String id = machine();
    LocalDate today = LocalDate.now();
    registry.relocate(holder, id, new CustodyReport(today, "Bay 7, north wall"));
    registry.reportLost(holder, id, new CustodyReport(today, "left on the loading dock"));

    List<String> stored =
        jdbc.sql("SELECT details FROM custody_event WHERE machine_id = :id ORDER BY seq")
            .param("id", id)
            .query((rs, row) -> rs.getString("details"))
            .list();
    List<CustodyEntry> custody = traced(id);

    assertThat(stored).hasSize(3).containsNull();
    assertThat(custody).extracting(CustodyEntry::details).containsExactlyElementsOf(stored);
    assertThat(custody)
        .extracting(CustodyEntry::type)
        .containsExactly("MachineDeclared", "MachineRelocated", "MachineReportedLost");
  }

  @Test
  void aNoteAsLongAsTheColumnAllowsInCharactersThatDoNotCompressIsRecordedAndShown() {
    String id = machine();
    String longest = note(2000);
    // 1,000 bytes: the longest details the history index holds beside the other columns
    String indexed = note(333) + "x";
    LocalDate today = LocalDate.now();

    registry.reportStolen(holder, id, new CustodyReport(today, indexed));
    registry.recover(holder, id, new CustodyReport(today, longest));

    assertThat(traced(id))
        .extracting(CustodyEntry::details)
        .containsExactly(null, indexed, longest);
  }

  @Test
  void onPostgresqlTheHistoryIndexHoldsEveryColumnAHistoryReadsOfTheEvent() {
    assumeTrue(TestDatabase.postgres(), "the covering index is PostgreSQL's");
    var read = new java.util.TreeSet<String>();
    var columns = java.util.regex.Pattern.compile("\\bce\\.(\\w+)").matcher(Machines.CUSTODY_SQL);
    while (columns.find()) {
      read.add(columns.group(1));
    }

    List<String> indexed =
        jdbc.sql(
                """
                SELECT a.attname FROM pg_index i
                JOIN pg_class c ON c.oid = i.indexrelid
                JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                WHERE c.relname = 'custody_history'
                  AND c.relnamespace = CURRENT_SCHEMA::regnamespace
                """)
            .query(String.class)
            .list();

    assertThat(read).contains("machine_id", "seq", "type", "details", "rel_to");
    assertThat(indexed).containsAll(read);
  }

  @Test
  void onPostgresqlAHistoryIsReadFromTheIndexWithoutVisitingTheTable() throws Exception {
    assumeTrue(TestDatabase.postgres(), "the covering index is PostgreSQL's");
    String id = machine();
    registry.relocate(holder, id, new CustodyReport(LocalDate.now(), "Bay 7"));
    String sql =
        Machines.CUSTODY_OF_MANY_SQL.replace(
            ":acc_ids", "'" + id + "'"); // an id generated by PressTrace: a UUID, no quote in it
    List<String> plan = List.of();
    // Vacuum (the schema owner's right) marks the table's pages all-visible, as autovacuum does,
    // unless a transaction older than the rows is still open somewhere in the database: then wait.
    for (int attempt = 0; attempt < 20 && !readsNoTablePage(plan); attempt++) {
      try (var owner = DriverManager.getConnection(ownerUrl, ownerUser, ownerPassword);
          var statement = owner.createStatement()) {
        statement.execute("VACUUM ANALYZE " + schema + ".custody_event");
      }
      plan =
          transactions.execute(
              status -> {
                // A few rows: the planner would read the whole table; the question is whether
                // the index alone can answer.
                jdbc.sql("SET LOCAL enable_seqscan = off").update();
                jdbc.sql("SET LOCAL enable_bitmapscan = off").update();
                return jdbc.sql("EXPLAIN (ANALYZE, COSTS OFF) " + sql).query(String.class).list();
              });
      if (!readsNoTablePage(plan)) {
        Thread.sleep(500);
      }
    }

    String text = String.join("\n", plan);
    assertThat(text).contains(HISTORY_SCAN);
    assertThat(readsNoTablePage(plan)).as(text).isTrue();
    assertThat(text).contains("custody_event_long_details on custody_event ce");
  }

  private static final String HISTORY_SCAN =
      "Index Only Scan using custody_history on custody_event ce";

  private static boolean readsNoTablePage(List<String> plan) {
    int history = indexOf(plan, HISTORY_SCAN);
    return history >= 0 && nodeLines(plan, history).contains("Heap Fetches: 0");
  }

  private static int indexOf(List<String> plan, String node) {
    for (int i = 0; i < plan.size(); i++) {
      if (plan.get(i).contains(node)) {
        return i;
      }
    }
    return -1;
  }

  /** The lines of the plan node at {@code start}: its own line and its details, up to the next. */
  private static List<String> nodeLines(List<String> plan, int start) {
    int end = start + 1;
    while (end < plan.size() && !plan.get(end).contains("->")) {
      end++;
    }
    return plan.subList(start, end).stream().map(String::strip).toList();
  }
}
