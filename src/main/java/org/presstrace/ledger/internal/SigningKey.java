package org.presstrace.ledger.internal;

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
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Properties;
import org.presstrace.ledger.LedgerKeys;
import org.springframework.stereotype.Component;

/**
 * The Ed25519 key that signs tree heads. It lives in the file named by {@code
 * presstrace.ledger.key-file} (by default in the data directory) and is made on first start when
 * the file is missing; its public half and key id are published by the API.
 */
@Component
class SigningKey {

  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final String keyId;

  SigningKey(LedgerProperties settings) {
    Path file = settings.keyFile();
    try {
      KeyPair pair = Files.exists(file) ? load(file) : create(file);
      this.privateKey = pair.getPrivate();
      this.publicKey = pair.getPublic();
      this.keyId = LedgerKeys.keyId(publicKey);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot use ledger key file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

  String keyId() {
    return keyId;
  }

  /** The public key as X.509 SubjectPublicKeyInfo, base64. */
  String publicKeyBase64() {
    return Base64.getEncoder().encodeToString(publicKey.getEncoded());
  }

  String sign(byte[] message) {
    try {
      Signature signature = Signature.getInstance("Ed25519");
      signature.initSign(privateKey);
      signature.update(message);
      return Base64.getEncoder().encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("signing a tree head failed", e);
    }
  }

  boolean verify(byte[] message, String signatureBase64) {
    return LedgerKeys.verify(publicKey, message, signatureBase64);
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
    Path temporary = Files.createTempFile(dir, ".ledger-key", ".tmp");
    try {
      Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException ignored) {
      // not a POSIX file system: the directory's permissions apply
    }
    Files.writeString(
        temporary,
        "# PressTrace ledger signing key (Ed25519)\n"
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
