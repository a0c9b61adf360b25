package org.presstrace.ledger.internal;

import org.presstrace.ledger.Ledger;
import org.springframework.stereotype.Component;

/** Gives the ledger its signing key without exposing the key outside this module. */
@Component
class LedgerSigner implements Ledger.Signer {

  private final SigningKey key;

  LedgerSigner(SigningKey key) {
    this.key = key;
  }

  @Override
  public String keyId() {
    return key.keyId();
  }

  @Override
  public String publicKey() {
    return key.publicKeyBase64();
  }

  @Override
  public String sign(byte[] message) {
    return key.sign(message);
  }

  @Override
  public boolean verify(byte[] message, String signature) {
    return key.verify(message, signature);
  }
}
