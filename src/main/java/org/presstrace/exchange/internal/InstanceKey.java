package org.presstrace.exchange.internal;

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
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;
import org.springframework.stereotype.Component;

/**
 * The Ed25519 key pair this instance signs its messages to partners with. Kept like the ledger's
 * key: a file (owner-only) named by {@code presstrace.exchange.key-file}, made on first start.
 */
@Component
public class InstanceKey {

  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final String instanceId;

  InstanceKey(ExchangeProperties settings) {
    Path file = settings.keyFile();
    try {
      KeyPair pair = Files.exists(file) ? load(file) : create(file);
      this.privateKey = pair.getPrivate();
      this.publicKey = pair.getPublic();
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "cannot use exchange key file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
    }
    String configured = settings.instanceId();
    this.instanceId =
        configured == null || configured.isBlank() ? derivedId(publicKey) : configured.strip();
  }

  /** {@code pt-} and the first 16 hex digits of the SHA-256 of the encoded public key. */
  public static String derivedId(PublicKey key) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
      return "pt-" + HexFormat.of().formatHex(hash, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public String instanceId() {
    return instanceId;
  }

  /** The public key as X.509 SubjectPublicKeyInfo, base64. */
  public String publicKeyBase64() {
    return Base64.getEncoder().encodeToString(publicKey.getEncoded());
  }

  PrivateKey privateKey() {
    return privateKey;
  }

  /** Reads an Ed25519 public key given as base64 X.509 SubjectPublicKeyInfo. */
  public static PublicKey publicKey(String base64) {
    try {
      return KeyFactory.getInstance("Ed25519")
          .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.strip())));
    } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("not a base64 Ed25519 public key");
    }
  }

  private static KeyPair load(Path file) throws IOException, GeneralSecurityException {
    var stored = new Properties();
    try (var in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
      stored.load(in);
    }
    KeyFactory keys = KeyFactory.getInstance("Ed25519");
    return new KeyPair(
        keys.generatePublic(
            new X509EncodedKeySpec(Base64.getDecoder().decode(stored.getProperty("public")))),
        keys.generatePrivate(
            new PKCS8EncodedKeySpec(Base64.getDecoder().decode(stored.getProperty("private")))));
  }

  private static KeyPair create(Path file) throws IOException, GeneralSecurityException {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temporary = Files.createTempFile(dir, ".exchange-key", ".tmp");
    try {
      Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException ignored) {
      // not a POSIX file system: the directory's permissions apply
    }
    Files.writeString(
        temporary,
        "# PressTrace exchange signing key (Ed25519)\n"
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
