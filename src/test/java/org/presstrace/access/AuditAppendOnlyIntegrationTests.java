package org.presstrace.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.TestDatabase;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit trail cannot be changed through the application's database role: on PostgreSQL that
 * role holds only SELECT and INSERT on {@code audit_event}, and a trigger refuses changes even from
 * the schema owner.
 */
@PressTraceIntegrationTest
class AuditAppendOnlyIntegrationTests {

  @Autowired AuditTrail audit;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;

  @Value("${spring.flyway.url:}")
  String ownerUrl;

  @Value("${spring.flyway.user:}")
  String ownerUser;

  @Value("${spring.flyway.password:}")
  String ownerPassword;

  @Value("${spring.flyway.default-schema:}")
  String schema;

  @Test
  void migrationsCreateTheSameTablesOnEveryDatabase() {
    List<String> tables =
        jdbc.sql(
                """
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = CURRENT_SCHEMA
                """)
            .query(String.class)
            .list();

    assertThat(tables)
        .contains(
            "agency",
            "app_user",
            "user_role",
            "compartment",
            "compartment_member",
            "audit_event",
            "intel_report",
            "intel_report_revision",
            "record_release",
            "event_publication");
  }

  @Test
  void applicationRoleOnlyReadsAndAppendsTheAuditTrail() {
    assumeTrue(TestDatabase.postgres(), "append-only grants exist on PostgreSQL only");
    long id = recordOne();
    Map<String, Object> before = row(id);

    for (String change :
        List.of(
            "UPDATE audit_event SET outcome = 'X' WHERE id = " + id,
            "DELETE FROM audit_event",
            "TRUNCATE audit_event")) {
      assertThatThrownBy(() -> jdbc.sql(change).update())
          .as(change)
          .isInstanceOf(DataAccessException.class)
          .rootCause()
          .hasMessageContaining("permission denied for table audit_event");
    }

    assertThat(privilege("UPDATE")).isFalse();
    assertThat(privilege("DELETE")).isFalse();
    assertThat(privilege("TRUNCATE")).isFalse();
    assertThat(privilege("INSERT")).isTrue();
    assertThat(privilege("SELECT")).isTrue();
    assertThat(row(id)).isEqualTo(before);
  }

  @Test
  void applicationRoleIsNotTheSchemaOwner() {
    assumeTrue(TestDatabase.postgres(), "separate roles exist on PostgreSQL only");

    String applicationRole = jdbc.sql("SELECT current_user").query(String.class).single();

    assertThat(applicationRole).isNotEqualTo(ownerUser);
    assertThat(
            jdbc.sql("SELECT has_schema_privilege(current_user, current_schema(), 'CREATE')")
                .query(Boolean.class)
                .single())
        .isFalse();
  }

  @Test
  void triggerRefusesChangesEvenFromTheSchemaOwner() throws SQLException {
    assumeTrue(TestDatabase.postgres(), "the append-only trigger exists on PostgreSQL only");
    long id = recordOne();
    Map<String, Object> before = row(id);

    try (var owner = DriverManager.getConnection(ownerUrl, ownerUser, ownerPassword)) {
      owner.setAutoCommit(true);
      owner.setSchema(schema);
      for (String change :
          List.of(
              "UPDATE audit_event SET outcome = 'X' WHERE id = " + id,
              "DELETE FROM audit_event WHERE id = " + id,
              "TRUNCATE audit_event")) {
        try (var statement = owner.createStatement()) {
          assertThatThrownBy(() -> statement.execute(change))
              .as(change)
              .isInstanceOf(SQLException.class)
              .hasMessageContaining("audit_event is append-only");
        }
      }
    }

    assertThat(row(id)).isEqualTo(before);
  }

  private long recordOne() {
    String username = new World(directory).username("append-only");
    audit.recordAnonymous(username, "LOGIN", "REFUSED", "append-only check");
    return jdbc.sql("SELECT id FROM audit_event WHERE username = :username")
        .param("username", username)
        .query(Long.class)
        .single();
  }

  private Map<String, Object> row(long id) {
    return jdbc.sql("SELECT * FROM audit_event WHERE id = :id").param("id", id).query().singleRow();
  }

  private boolean privilege(String privilege) {
    return jdbc.sql("SELECT has_table_privilege(current_user, 'audit_event', :privilege)")
        .param("privilege", privilege)
        .query(Boolean.class)
        .single();
  }
}
