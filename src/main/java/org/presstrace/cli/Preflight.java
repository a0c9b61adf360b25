package org.presstrace.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Checks what PressTrace needs before Spring starts, so that a wrong setting ends in one clear line
 * instead of a page of stack trace.
 */
final class Preflight {

  private Preflight() {}

  /** H2's code for a database file another process holds without sharing it. */
  private static final int DATABASE_ALREADY_OPEN = 90020;

  /**
   * Makes or checks the data directory: private to this account (see {@link DataDirectory}) and
   * writable. Files it had to tighten are named on standard error.
   */
  static void dataDirectory(Path dir) {
    DataDirectory.prepare(dir, notice -> System.err.println("presstrace: " + notice));
    try {
      Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
      Files.delete(probe);
    } catch (IOException | SecurityException e) {
      throw new StartupRefused("data directory " + dir.toAbsolutePath() + " is not writable");
    }
  }

  static void database(String url, String user, String password) {
    database(url, user, password, null);
  }

  /**
   * Connects once to the database; {@code embeddedDir} names the embedded default's data directory
   * (null for any other database), so that a database file held by another process is reported as
   * that directory in use.
   */
  static void database(String url, String user, String password, Path embeddedDir) {
    if (url == null || !url.startsWith("jdbc:")) {
      throw new StartupRefused("database URL '" + url + "' is not a JDBC URL (jdbc:...)");
    }
    DriverManager.setLoginTimeout(10);
    try (var connection = DriverManager.getConnection(url, user, password)) {
      connection.isValid(5);
    } catch (SQLException e) {
      if (embeddedDir != null && e.getErrorCode() == DATABASE_ALREADY_OPEN) {
        throw new StartupRefused(
            "data directory "
                + embeddedDir.toAbsolutePath()
                + " is held by a process that does not share it (an older PressTrace or an H2"
                + " tool); stop that process or wait for it to finish");
      }
      throw new StartupRefused("cannot connect to database " + redact(url) + ": " + OneLine.of(e));
    }
  }

  /**
   * Refuses to serve the embedded database under {@code dir} while any other process has it open: a
   * command may share a server's database, but two servers would each keep their own in-memory
   * state (the resolution index, schedules) over one set of tables.
   */
  static void notServedElsewhere(Path dir, String user, String password) {
    DriverManager.setLoginTimeout(10);
    try (var connection =
        DriverManager.getConnection(StorageOptions.exclusiveUrl(dir), user, password)) {
      connection.isValid(5);
    } catch (SQLException e) {
      if (e.getErrorCode() == DATABASE_ALREADY_OPEN) {
        throw new StartupRefused(
            "data directory "
                + dir.toAbsolutePath()
                + " is in use by another process (a PressTrace server or command, or an H2 tool);"
                + " stop it before serving this directory");
      }
      // Anything else is reported by the connection that follows.
    }
  }

  private static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
  }
}
