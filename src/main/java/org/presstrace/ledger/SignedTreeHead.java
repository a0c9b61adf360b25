package org.presstrace.ledger;

import java.time.Instant;

/**
 * The log's commitment at one size: the root hash, when it was issued, and an Ed25519 signature by
 * the key named by {@code keyId} over {@link #signedBytes()}.
 */
public record SignedTreeHead(
    long treeSize, String rootHash, Instant issuedAt, String keyId, String signature) {

  /** What is signed: {@code presstrace-sth/v1}, size, root (hex) and time, newline-separated. */
  public byte[] signedBytes() {
    return signedBytes(treeSize, rootHash, issuedAt);
  }

  static byte[] signedBytes(long treeSize, String rootHash, Instant issuedAt) {
    return ("presstrace-sth/v1\n" + treeSize + "\n" + rootHash + "\n" + issuedAt)
        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
