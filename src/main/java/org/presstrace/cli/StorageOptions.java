package org.presstrace.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

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

  Integer port;

  Integer serverPort;

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description =
          "HTTP port; outranks PRESSTRACE_PORT, which outranks Spring Boot's --server.port,"
              + " server.port and SERVER_PORT (default 8080).")
  void port(int value) {
    port = checkedPort("--port", value);
  }

  /** Spring Boot's own option, accepted as Spring Boot spells it; --port outranks it. */
  @Option(names = "--server.port", paramLabel = "PORT", hidden = true)
  void serverPort(int value) {
    serverPort = checkedPort("--server.port", value);
  }

  private int checkedPort(String option, int value) {
    if (value < 0 || value > 65535) {
      throw new ParameterException(
          mixee.commandLine(), option + " " + value + " is not a port (0 to 65535)");
    }
    return value;
  }

  /** The environment PRESSTRACE_PORT is read from. */
  Map<String, String> environment = System.getenv();

  boolean usesEmbeddedDatabase() {
    return dbUrl == null || dbUrl.isBlank();
  }

  /**
   * Binds the database servers H2 starts in this process (see {@link #embeddedUrl}) to the loopback
   * interface, unless the operator chose an address with {@code -Dh2.bindAddress}. Must run before
   * H2 is first used: H2 reads the setting once.
   */
  static void bindH2ToLoopback() {
    if (System.getProperty(H2_BIND_ADDRESS) == null) {
      System.setProperty(H2_BIND_ADDRESS, InetAddress.getLoopbackAddress().getHostAddress());
    }
  }

  private static final String H2_BIND_ADDRESS = "h2.bindAddress";

  /**
   * The embedded H2 file database under {@code dir}, in PostgreSQL compatibility mode. {@code
   * WRITE_DELAY=0} writes every commit to the file before it returns: with H2's default delay a
   * process killed within half a second of a commit loses it (see {@code LedgerCrashTests}).
   *
   * <p>{@code AUTO_SERVER=TRUE} lets commands share the database while a server has it open: the
   * first process to open it also serves it to others over TCP, on a random port bound to loopback
   * ({@link #bindH2ToLoopback}), with a random key in the lock file only this account can read. H2
   * allows that mode only with its own close at exit; when its server would listen beyond loopback
   * the database stays unshared and Spring closes it ({@code DB_CLOSE_ON_EXIT=FALSE}).
   */
  static String embeddedUrl(Path dir) {
    return exclusiveBase(dir)
        + (h2ServesLoopbackOnly() ? ";AUTO_SERVER=TRUE" : ";DB_CLOSE_ON_EXIT=FALSE")
        + ";WRITE_DELAY=0";
  }

  /** The embedded database under {@code dir}, opened without sharing it with other processes. */
  static String exclusiveUrl(Path dir) {
    return exclusiveBase(dir) + ";WRITE_DELAY=0";
  }

  private static String exclusiveBase(Path dir) {
    return "jdbc:h2:file:"
        + dir.toAbsolutePath().normalize().resolve("presstrace")
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
  }

  /** Whether the servers H2 starts in this process listen on a loopback address only. */
  static boolean h2ServesLoopbackOnly() {
    try {
      // H2 is a runtime dependency; its setting as read when it loaded is what counts.
      Object address =
          Class.forName("org.h2.engine.SysProperties").getField("BIND_ADDRESS").get(null);
      return address instanceof String literal
          && !literal.isBlank()
          && InetAddress.getByName(literal).isLoopbackAddress();
    } catch (ReflectiveOperationException | LinkageError | UnknownHostException e) {
      return false;
    }
  }

  /**
   * The HTTP port the command line sets: {@code --port}, else {@code PRESSTRACE_PORT}, else Spring
   * Boot's {@code --server.port}; null leaves it to Spring Boot ({@code server.port}, {@code
   * SERVER_PORT}, then 8080).
   */
  Integer httpPort() {
    if (port != null) {
      return port;
    }
    String fromEnvironment = environment.get("PRESSTRACE_PORT");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      try {
        int parsed = Integer.parseInt(fromEnvironment.strip());
        if (parsed >= 0 && parsed <= 65535) {
          return parsed;
        }
      } catch (NumberFormatException notANumber) {
        // refused below
      }
      throw new StartupRefused(
          "PRESSTRACE_PORT '" + fromEnvironment + "' is not a port (0 to 65535)");
    }
    return serverPort;
  }

  /** Spring properties for these options; {@code forceEmbedded} ignores any database URL. */
  Map<String, Object> properties(boolean forceEmbedded) {
    var properties = new LinkedHashMap<String, Object>();
    Integer http = httpPort();
    if (http != null) {
      properties.put("server.port", http);
    }
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
