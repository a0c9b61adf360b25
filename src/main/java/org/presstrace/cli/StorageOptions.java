package org.presstrace.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command accepts: where the embedded data lives, or which database to use. */
public class StorageOptions {

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Embedded data directory (default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:PRESSTRACE_DATA:-./presstrace-data}")
  Path dataDir;

  @Option(
      names = "--db-url",
      paramLabel = "JDBC_URL",
      description =
          "Database URL, e.g. jdbc:postgresql://localhost/presstrace (env PRESSTRACE_DB_URL).",
      defaultValue = "${env:PRESSTRACE_DB_URL}")
  String dbUrl;

  @Option(
      names = "--db-user",
      paramLabel = "USER",
      description = "Database user (env PRESSTRACE_DB_USER).",
      defaultValue = "${env:PRESSTRACE_DB_USER}")
  String dbUser;

  @Option(
      names = "--db-password",
      paramLabel = "PASSWORD",
      description = "Database password (env PRESSTRACE_DB_PASSWORD).",
      defaultValue = "${env:PRESSTRACE_DB_PASSWORD}")
  String dbPassword;

  @Option(
      names = "--db-owner-user",
      paramLabel = "USER",
      description =
          "Schema owner that runs migrations, if not the database user (env PRESSTRACE_DB_OWNER_USER).",
      defaultValue = "${env:PRESSTRACE_DB_OWNER_USER}")
  String dbOwnerUser;

  @Option(
      names = "--db-owner-password",
      paramLabel = "PASSWORD",
      description = "Password of the schema owner (env PRESSTRACE_DB_OWNER_PASSWORD).",
      defaultValue = "${env:PRESSTRACE_DB_OWNER_PASSWORD}")
  String dbOwnerPassword;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "HTTP port (default: ${DEFAULT-VALUE}).",
      defaultValue = "${env:PRESSTRACE_PORT:-8080}")
  int port;

  boolean usesEmbeddedDatabase() {
    return dbUrl == null || dbUrl.isBlank();
  }

  /**
   * The embedded H2 file database under {@code dir}, in PostgreSQL compatibility mode. {@code
   * WRITE_DELAY=0} writes every commit to the file before it returns: with H2's default delay a
   * process killed within half a second of a commit loses it (see {@code LedgerCrashTests}).
   */
  static String embeddedUrl(Path dir) {
    return "jdbc:h2:file:"
        + dir.toAbsolutePath().normalize().resolve("presstrace")
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
  }

  /** Spring properties for these options; {@code forceEmbedded} ignores any database URL. */
  Map<String, Object> properties(boolean forceEmbedded) {
    var properties = new LinkedHashMap<String, Object>();
    properties.put("server.port", port);
    properties.put("presstrace.data-dir", dataDir.toString());
    if (forceEmbedded || usesEmbeddedDatabase()) {
      properties.put("spring.datasource.url", embeddedUrl(dataDir));
      properties.put("spring.datasource.username", "presstrace");
      properties.put("spring.datasource.password", "");
      properties.put(
          "spring.datasource.hikari.exception-override-class-name",
          EmbeddedDatabaseClosed.class.getName());
    } else {
      properties.put("spring.datasource.url", dbUrl);
      if (dbUser != null) {
        properties.put("spring.datasource.username", dbUser);
      }
      if (dbPassword != null) {
        properties.put("spring.datasource.password", dbPassword);
      }
      if (dbOwnerUser != null && !dbOwnerUser.isBlank()) {
        properties.put("spring.flyway.user", dbOwnerUser);
        properties.put("spring.flyway.password", dbOwnerPassword == null ? "" : dbOwnerPassword);
      }
    }
    return properties;
  }
}
