package org.presstrace.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default's data directory is private to the account that runs PressTrace: made 0700
 * with its files 0600, and refused at start when the directory is open to other accounts.
 */
class DataDirectoryTests {

  @TempDir Path work;

  private final List<String> notices = new ArrayList<>();

  @Test
  void aNewDirectoryIsMadeOwnerOnly() throws IOException {
    Path dir = work.resolve("a/new/data");

    DataDirectory.prepare(dir, notices::add);

    assertThat(mode(dir)).isEqualTo("rwx------");
    assertThat(notices).isEmpty();
  }

  @Test
  void aDirectoryOpenToOthersIsRefusedWithTheCommandThatFixesIt() throws IOException {
    Path dir = Files.createDirectory(work.resolve("data"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));

    assertThatThrownBy(() -> DataDirectory.prepare(dir, notices::add))
        .isInstanceOf(StartupRefused.class)
        .hasMessage(
            "data directory "
                + dir.toAbsolutePath()
                + " is mode 0755 (rwxr-xr-x), open to other accounts; it holds the database and"
                + " keys: run chmod 700 "
                + dir.toAbsolutePath());
    assertThat(mode(dir)).as("left as found").isEqualTo("rwxr-xr-x");
  }

  @Test
  void aDirectoryOthersMayOnlyEnterIsRefusedToo() throws IOException {
    Path dir = Files.createDirectory(work.resolve("data"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx-----x"));

    assertThatThrownBy(() -> DataDirectory.prepare(dir, notices::add))
        .isInstanceOf(StartupRefused.class)
        .hasMessageContaining("is mode 0701 (rwx-----x)");
  }

  @Test
  void filesReadableByOthersInAPrivateDirectoryAreMadeOwnerOnlyAndNamed() throws IOException {
    Path dir = Files.createDirectory(work.resolve("data"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    Path database = Files.writeString(dir.resolve("presstrace.mv.db"), "x");
    Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rw-r--r--"));
    Path nested = Files.createDirectory(dir.resolve("exports"));
    Files.setPosixFilePermissions(nested, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path key = Files.writeString(dir.resolve("ledger-ed25519.key"), "k");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));

    DataDirectory.prepare(dir, notices::add);

    assertThat(mode(database)).isEqualTo("rw-------");
    assertThat(mode(nested)).isEqualTo("rwx------");
    assertThat(mode(key)).isEqualTo("rw-------");
    assertThat(notices)
        .containsExactlyInAnyOrder(
            "made " + database.toAbsolutePath() + " owner-only (was 0644, now 0600)",
            "made " + nested.toAbsolutePath() + " owner-only (was 0777, now 0700)");
  }

  @Test
  void aLinkInsideTheDirectoryIsNotFollowed() throws IOException {
    Path dir = Files.createDirectory(work.resolve("data"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    Path outside = Files.writeString(work.resolve("someone-elses.txt"), "x");
    Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rw-r--r--"));
    Files.createSymbolicLink(dir.resolve("link"), outside);

    DataDirectory.prepare(dir, notices::add);

    assertThat(mode(outside)).isEqualTo("rw-r--r--");
    assertThat(notices).isEmpty();
  }

  @Test
  void theEmbeddedDatabaseFilesComeOutOwnerOnly() throws Exception {
    Path dir = work.resolve("data");
    DataDirectory.prepare(dir, notices::add);
    try (var connection =
        DriverManager.getConnection(StorageOptions.embeddedUrl(dir), "presstrace", "")) {
      connection.createStatement().execute("CREATE TABLE t (x INT)");
      DataDirectory.tighten(dir);
      try (var files = Files.list(dir)) {
        assertThat(files.toList())
            .isNotEmpty()
            .allSatisfy(file -> assertThat(mode(file)).as(file.toString()).isEqualTo("rw-------"));
      }
    }
    assertThat(mode(dir)).isEqualTo("rwx------");
  }

  @Test
  void aFileSystemWithoutPosixPermissionsIsWarnedAboutAndNotRefused() throws IOException {
    Path zip = work.resolve("data.zip");
    try (var fs =
        FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("create", "true"))) {
      Path dir = fs.getPath("/data");

      DataDirectory.prepare(dir, notices::add);

      assertThat(Files.isDirectory(dir)).isTrue();
      assertThat(notices)
          .singleElement()
          .asString()
          .startsWith(
              "warning: data directory /data is on a file system without POSIX permissions");
    }
  }

  private static String mode(Path path) {
    try {
      return PosixFilePermissions.toString(
          Files.getPosixFilePermissions(path, java.nio.file.LinkOption.NOFOLLOW_LINKS));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
