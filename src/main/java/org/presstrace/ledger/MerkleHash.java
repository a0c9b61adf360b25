package org.presstrace.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * RFC 9162 section 2.1.1 hashing: SHA-256 over a one-byte domain prefix, 0x00 for leaves and 0x01
 * for interior nodes, so that a leaf can never be passed off as a node.
 */
public final class MerkleHash {

  public static final int SIZE = 32;
  private static final byte LEAF = 0x00;
  private static final byte NODE = 0x01;

  /**
   * One SHA-256 engine per thread: a leaf's append hashes the leaf and every node it completes, and
   * looking the algorithm up among the security providers for each hash cost about as much as
   * hashing a short leaf (docs/ledger.md, "Benchmarks"). {@code digest()} leaves the engine reset;
   * {@link #digest()} resets it again so that a hash abandoned midway leaves nothing behind.
   */
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
          });

  private MerkleHash() {}

  /** The hash of the empty tree: SHA-256 of nothing. */
  public static byte[] empty() {
    return digest().digest();
  }

  public static byte[] leaf(byte[] data) {
    MessageDigest digest = digest();
    digest.update(LEAF);
    digest.update(data);
    return digest.digest();
  }

  public static byte[] node(byte[] left, byte[] right) {
    MessageDigest digest = digest();
    digest.update(NODE);
    digest.update(left);
    digest.update(right);
    return digest.digest();
  }

  private static MessageDigest digest() {
    MessageDigest digest = SHA256.get();
    digest.reset();
    return digest;
  }
}
