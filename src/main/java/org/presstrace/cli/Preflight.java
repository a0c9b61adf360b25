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

  static void dataDirectory(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException | SecurityException e) {
      throw new StartupRefused(
          "cannot create data directory " + dir.toAbsolutePath() + ": " + OneLine.of(e));
    }
    if (!Files.isDirectory(dir)) {
      throw new StartupRefused("data directory " + dir.toAbsolutePath() + " is not a directory");
    }
    try {
      Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
      Files.delete(probe);
    } catch (IOException | SecurityException e) {
      throw new StartupRefused("data directory " + dir.toAbsolutePath() + " is not writable");
    }
  }

  static void database(String url, String user, String password) {
    if (url == null || !url.startsWith("jdbc:")) {
      throw new StartupRefused("database URL '" + url + "' is not a JDBC URL (jdbc:...)");
    }
    DriverManager.setLoginTimeout(10);
    try (var connection = DriverManager.getConnection(url, user, password)) {
      connection.isValid(5);
    } catch (SQLException e) {
      throw new StartupRefused("cannot connect to database " + redact(url) + ": " + OneLine.of(e));
    }
  }

  private static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
  }
}
