package org.presstrace.exchange.internal;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.presstrace.shared.Ed25519KeyFile;
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
    KeyPair pair = Ed25519KeyFile.loadOrCreate(file, "exchange");
    this.privateKey = pair.getPrivate();
    this.publicKey = pair.getPublic();
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
}
