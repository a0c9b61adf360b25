package org.presstrace.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The embedded default's data directory, private to the account that runs PressTrace: the directory
 * 0700, everything in it 0600 (directories 0700). It holds the database, the ledger's signing key,
 * the demo logins and, while a process has the database open, the lock file with the key of its
 * loopback database server.
 *
 * <p>A directory open to other accounts is refused at start: whatever it held may already have been
 * read, and only its owner can say whether that matters. Files inside a private directory that are
 * looser than 0600 were out of other accounts' reach; they are what the database engine makes under
 * the process's umask, so they are tightened and named instead.
 */
final class DataDirectory {

  private static final Set<PosixFilePermission> OTHERS =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  private DataDirectory() {}

  /**
   * Makes {@code dir} (0700) when missing, refuses it when it is open to other accounts, and makes
   * every file in it owner-only; {@code notices} gets one line per file changed, or a warning when
   * the file system has no POSIX permissions to check.
   */
  static void prepare(Path dir, Consumer<String> notices) {
    boolean posix = Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
    create(dir, posix);
    if (!Files.isDirectory(dir)) {
      throw new StartupRefused("data directory " + dir.toAbsolutePath() + " is not a directory");
    }
    if (!posix) {
      notices.accept(
          "warning: data directory "
              + dir.toAbsolutePath()
              + " is on a file system without POSIX permissions; its privacy is not checked,"
              + " keep it readable by the account that runs PressTrace only");
      return;
    }
    Set<PosixFilePermission> mode = permissions(dir);
    if (mode == null) {
      throw new StartupRefused("data directory " + dir.toAbsolutePath() + " vanished at start");
    }
    if (!intersects(mode, OTHERS)) {
      tighten(dir).forEach(notices);
      return;
    }
    throw new StartupRefused(
        "data directory "
            + dir.toAbsolutePath()
            + " is mode "
            + octal(mode)
            + " ("
            + PosixFilePermissions.toString(mode)
            + "), open to other accounts; it holds the database and keys: run chmod 700 "
            + dir.toAbsolutePath());
  }

  /**
   * Takes group and other permissions off every file and directory below {@code dir} (links are not
   * followed); returns one line per entry changed. Does nothing off POSIX file systems.
   */
  static List<String> tighten(Path dir) {
    var changed = new ArrayList<String>();
    if (Files.getFileAttributeView(dir, PosixFileAttributeView.class) == null) {
      return changed;
    }
    try (Stream<Path> entries = Files.walk(dir)) {
      for (Path entry : (Iterable<Path>) entries.skip(1)::iterator) {
        if (Files.isSymbolicLink(entry)) {
          continue;
        }
        Set<PosixFilePermission> mode = permissions(entry);
        if (mode != null && intersects(mode, OTHERS)) {
          var owner = EnumSet.copyOf(mode);
          owner.removeAll(OTHERS);
          setPermissions(entry, owner);
          changed.add(
              "made "
                  + entry.toAbsolutePath()
                  + " owner-only (was "
                  + octal(mode)
                  + ", now "
                  + octal(owner)
                  + ")");
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // A file the database removed while it was listed needs no tightening.
      if (!(rootCause(e) instanceof java.nio.file.NoSuchFileException)) {
        throw new StartupRefused(
            "cannot make data directory " + dir.toAbsolutePath() + " private: " + OneLine.of(e));
      }
    }
    return changed;
  }

  private static void create(Path dir, boolean posix) {
    if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(dir)) {
      return;
    }
    try {
      Path parent = dir.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      if (posix) {
        var owner = PosixFilePermissions.fromString("rwx------");
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(owner));
        // The umask can only take bits away; setting them again makes the mode exact.
        Files.setPosixFilePermissions(dir, owner);
      } else {
        Files.createDirectory(dir);
      }
    } catch (FileAlreadyExistsException raced) {
      if (!raced.getFile().equals(dir.toString())
          && !raced.getFile().equals(dir.toAbsolutePath().toString())) {
        throw new StartupRefused(
            "cannot create data directory " + dir.toAbsolutePath() + ": " + OneLine.of(raced));
      }
      // made by another process just now; checked like any existing directory
    } catch (IOException | SecurityException | UnsupportedOperationException e) {
      throw new StartupRefused(
          "cannot create data directory " + dir.toAbsolutePath() + ": " + OneLine.of(e));
    }
  }

  /** The mode of {@code path}, or null when the database removed it since it was listed. */
  private static Set<PosixFilePermission> permissions(Path path) {
    try {
      return Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
    } catch (java.nio.file.NoSuchFileException gone) {
      return null;
    } catch (IOException e) {
      throw new StartupRefused("cannot read the mode of " + path.toAbsolutePath() + ": " + e);
    }
  }

  private static void setPermissions(Path path, Set<PosixFilePermission> mode) {
    try {
      Files.setPosixFilePermissions(path, mode);
    } catch (java.nio.file.NoSuchFileException gone) {
      // removed by the database in the meantime
    } catch (IOException | SecurityException e) {
      throw new StartupRefused(
          "cannot make "
              + path.toAbsolutePath()
              + " owner-only ("
              + OneLine.of(e)
              + "): run chmod go= "
              + path.toAbsolutePath());
    }
  }

  private static boolean intersects(Set<PosixFilePermission> mode, Set<PosixFilePermission> bits) {
    return mode.stream().anyMatch(bits::contains);
  }

  /** The mode as {@code ls -l} and {@code chmod} spell it in octal, e.g. {@code 0755}. */
  static String octal(Set<PosixFilePermission> mode) {
    int bits = 0;
    for (PosixFilePermission permission : mode) {
      bits |= 1 << (8 - permission.ordinal());
    }
    return String.format(java.util.Locale.ROOT, "%04o", bits);
  }

  private static Throwable rootCause(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }
}
