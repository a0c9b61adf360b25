package org.presstrace.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.shared.CountryCode;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The access filter must leave the choice of index to the search it guards. On an embedded H2 with
 * every row outside any compartment, the filter's compartment test once became the index condition
 * (the compartment foreign key's index, which nearly every row matches), and a trace by serial
 * range read the whole table. These tests run the filter the policy writes on a real H2 database.
 */
class AccessFilterPlanTests {

  private static final ProtectedKind THING =
      new ProtectedKind("thing", "thing", "r.id, r.serial", false);

  private final AccessPolicy policy = new AccessPolicy();
  private NamedParameterJdbcTemplate jdbc;

  @BeforeEach
  void database() {
    var source = new JdbcDataSource();
    source.setURL(
        "jdbc:h2:mem:plan"
            + System.nanoTime()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    jdbc = new NamedParameterJdbcTemplate(source);
    var sql = jdbc.getJdbcTemplate();
    sql.execute("CREATE TABLE compartment (code VARCHAR(64) PRIMARY KEY)");
    sql.execute("INSERT INTO compartment VALUES ('CT-1')");
    sql.execute(
        "CREATE TABLE thing (id VARCHAR(36) PRIMARY KEY, serial VARCHAR(32) NOT NULL,"
            + " owner_agency VARCHAR(32) NOT NULL, tlp VARCHAR(16) NOT NULL,"
            + " cui_category VARCHAR(32), noforn BOOLEAN NOT NULL, rel_to VARCHAR(200),"
            + " compartment VARCHAR(64) REFERENCES compartment (code))");
    sql.execute("CREATE INDEX thing_by_serial ON thing (serial)");
    sql.execute(
        "CREATE TABLE record_release (kind VARCHAR(32), record_id VARCHAR(36),"
            + " target_agency VARCHAR(32), status VARCHAR(16))");
    var rows = new java.util.ArrayList<Object[]>();
    for (int n = 0; n < 5_000; n++) {
      rows.add(new Object[] {"T" + n, String.format(java.util.Locale.ROOT, "S%05d", n)});
    }
    sql.batchUpdate(
        "INSERT INTO thing VALUES (?, ?, 'OTHER', 'GREEN', NULL, FALSE, NULL, NULL)", rows);
    sql.execute(
        "INSERT INTO thing VALUES ('HIDDEN', 'S00105X', 'OTHER', 'GREEN', NULL, FALSE, NULL,"
            + " 'CT-1')");
    sql.execute("ANALYZE");
  }

  @AfterEach
  void close() {
    jdbc.getJdbcTemplate().execute("SHUTDOWN");
  }

  @Test
  void aCallerOutsideEveryCompartmentSearchesThroughTheSearchsOwnIndex() {
    Caller analyst = analyst(Set.of());
    assertThat(plan(analyst)).contains("thing_by_serial").doesNotContain("CONSTRAINT");
    assertThat(count(analyst)).as("S00100-S00109, not the compartmented row").isEqualTo(10);
  }

  @Test
  void aCompartmentMemberSearchesThroughTheSameIndexAndSeesTheCompartmentedRow() {
    Caller member = analyst(Set.of("CT-1"));
    assertThat(plan(member)).contains("thing_by_serial").doesNotContain("CONSTRAINT");
    assertThat(count(member)).isEqualTo(11);
  }

  private static Caller analyst(Set<String> compartments) {
    return new Caller(
        "analyst",
        "READER",
        AgencyKind.FEDERAL,
        new CountryCode("USA"),
        Set.of(Role.ANALYST),
        compartments);
  }

  private String where(Caller caller, Map<String, Object> parameters) {
    SqlFilter filter = policy.readFilter(caller, THING);
    parameters.putAll(filter.parameters());
    parameters.put("first", "S00100");
    parameters.put("last", "S00109ZZZZ");
    return " FROM thing r WHERE (r.serial BETWEEN :first AND :last) AND (" + filter.sql() + ")";
  }

  private String plan(Caller caller) {
    var parameters = new HashMap<String, Object>();
    String where = where(caller, parameters);
    return jdbc.queryForObject("EXPLAIN SELECT COUNT(*)" + where, parameters, String.class);
  }

  private long count(Caller caller) {
    var parameters = new HashMap<String, Object>();
    String where = where(caller, parameters);
    return jdbc.queryForObject("SELECT COUNT(*)" + where, parameters, Long.class);
  }
}
