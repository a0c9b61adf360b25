package org.presstrace.ledger.internal;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import org.presstrace.ledger.LedgerKeys;
import org.presstrace.shared.Ed25519KeyFile;
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
    KeyPair pair = Ed25519KeyFile.loadOrCreate(file, "ledger");
    this.privateKey = pair.getPrivate();
    this.publicKey = pair.getPublic();
    this.keyId = LedgerKeys.keyId(publicKey);
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
}
