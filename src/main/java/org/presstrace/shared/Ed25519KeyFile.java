package org.presstrace.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Properties;

/**
 * An Ed25519 key pair kept in a file of its own (owner-only), made on first use: the ledger's key
 * that signs tree heads and the exchange key that signs messages to partners are both kept so.
 */
public final class Ed25519KeyFile {

  private Ed25519KeyFile() {}

  /**
   * The key pair in {@code file}, made and written first when the file does not exist. When two
   * processes make it at once, both end with the one that reached the file first.
   *
   * @param purpose what the key signs, written in the file's comment line
   * @throws IllegalStateException naming the file when it cannot be read, written or parsed
   */
  public static KeyPair loadOrCreate(Path file, String purpose) {
    try {
      return Files.exists(file) ? load(file) : create(file, purpose);
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "cannot use " + purpose + " key file " + file.toAbsolutePath() + ": " + e.getMessage(),
          e);
    }
  }

  private static KeyPair load(Path file) throws IOException, GeneralSecurityException {
    var stored = new Properties();
    try (var in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
      stored.load(in);
    }
    String publicKey = stored.getProperty("public");
    String privateKey = stored.getProperty("private");
    if (publicKey == null || privateKey == null) {
      throw new IllegalArgumentException("it has no public= and private= lines");
    }
    KeyFactory keys = KeyFactory.getInstance("Ed25519");
    return new KeyPair(
        keys.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey))),
        keys.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey))));
  }

  private static KeyPair create(Path file, String purpose)
      throws IOException, GeneralSecurityException {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temporary = Files.createTempFile(dir, ".key", ".tmp");
    try {
      Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException ignored) {
      // not a POSIX file system: the directory's permissions apply
    }
    Files.writeString(
        temporary,
        "# PressTrace "
            + purpose
            + " signing key (Ed25519)\n"
            + "public="
            + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())
            + "\n"
            + "private="
            + Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded())
            + "\n",
        StandardCharsets.US_ASCII);
    try {
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException raced) {
      Files.deleteIfExists(temporary);
    }
    // Another process may have won the race: whatever is in the file now is the key.
    return load(file);
  }
}
