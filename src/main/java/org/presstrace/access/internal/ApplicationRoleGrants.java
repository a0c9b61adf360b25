package org.presstrace.access.internal;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.presstrace.access.AppendOnlyTables;
import org.springframework.stereotype.Component;

/**
 * After migrating PostgreSQL as the schema owner, grants the application's role what it needs and
 * no more: SELECT and INSERT only on the audit trail, full DML elsewhere. Nothing happens on H2 or
 * when the application connects as the owner itself (then only the trigger guards the trail).
 */
@Component
class ApplicationRoleGrants implements Callback {

  private static final Pattern ROLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private final String applicationRole;
  private final Set<String> appendOnly;

  ApplicationRoleGrants(DatabaseProperties database, List<AppendOnlyTables> appendOnly) {
    String applicationRole = database.applicationRole();
    this.applicationRole = applicationRole == null ? "" : applicationRole.strip();
    this.appendOnly =
        appendOnly.stream()
            .flatMap(declared -> declared.tables().stream())
            .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
  }

  @Override
  public boolean supports(Event event, Context context) {
    return event == Event.AFTER_MIGRATE;
  }

  @Override
  public boolean canHandleInTransaction(Event event, Context context) {
    return true;
  }

  @Override
  public void handle(Event event, Context context) {
    try {
      var connection = context.getConnection();
      if (!connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")
          || applicationRole.isEmpty()
          || applicationRole.equals(connection.getMetaData().getUserName())) {
        return;
      }
      if (!ROLE.matcher(applicationRole).matches()) {
        throw new IllegalStateException(
            "application role '" + applicationRole + "' is not a plain role name");
      }
      String schema;
      try (var statement = connection.createStatement();
          var result = statement.executeQuery("SELECT current_schema()")) {
        result.next();
        schema = "\"" + result.getString(1).replace("\"", "") + "\"";
      }
      try (var statement = connection.createStatement()) {
        statement.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + applicationRole);
        statement.execute(
            "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "
                + schema
                + " TO "
                + applicationRole);
        statement.execute(
            "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + schema + " TO " + applicationRole);
        for (String table : appendOnly) {
          statement.execute(
              "REVOKE UPDATE, DELETE, TRUNCATE ON "
                  + schema
                  + "."
                  + table
                  + " FROM "
                  + applicationRole);
        }
        statement.execute(
            "REVOKE ALL ON " + schema + ".flyway_schema_history FROM " + applicationRole);
        statement.execute(
            "GRANT SELECT ON " + schema + ".flyway_schema_history TO " + applicationRole);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("granting the application role failed: " + e.getMessage(), e);
    }
  }

  @Override
  public String getCallbackName() {
    return "presstrace-application-role-grants";
  }
}
