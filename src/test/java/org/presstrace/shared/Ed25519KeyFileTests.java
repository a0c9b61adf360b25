package org.presstrace.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key file: made owner-only on first use, the same key on every later use, bad files named. */
class Ed25519KeyFileTests {

  @TempDir Path dir;

  @Test
  void theFirstUseMakesAnOwnerOnlyFileAndLaterUsesReadTheSameKey() throws Exception {
    Path file = dir.resolve("keys/signing.key");

    KeyPair made = Ed25519KeyFile.loadOrCreate(file, "test");
    KeyPair read = Ed25519KeyFile.loadOrCreate(file, "test");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(read.getPublic().getEncoded()).isEqualTo(made.getPublic().getEncoded());
    assertThat(read.getPrivate().getEncoded()).isEqualTo(made.getPrivate().getEncoded());
    assertThat(Files.readString(file)).startsWith("# PressTrace test signing key (Ed25519)");
  }

  @Test
  void aFileWithoutKeysOrWithBrokenOnesIsRefusedNamingTheFile() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.key"), "# nothing here\n");
    Path broken = Files.writeString(dir.resolve("broken.key"), "public=AAAA\nprivate=%%%\n");

    assertThatThrownBy(() -> Ed25519KeyFile.loadOrCreate(empty, "ledger"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot use ledger key file " + empty.toAbsolutePath())
        .hasMessageContaining("no public= and private= lines");
    assertThatThrownBy(() -> Ed25519KeyFile.loadOrCreate(broken, "exchange"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot use exchange key file " + broken.toAbsolutePath());
  }
}
