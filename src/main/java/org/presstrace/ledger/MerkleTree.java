package org.presstrace.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * Roots and proofs of an append-only Merkle tree (RFC 9162 sections 2.1.1, 2.1.3.1 and 2.1.4.1)
 * computed from stored perfect subtrees: appending stores at most log2(n)+1 nodes, and a root or
 * proof reads O(log n) of them, never the leaves.
 */
public final class MerkleTree {

  private final MerkleNodes nodes;

  public MerkleTree(MerkleNodes nodes) {
    this.nodes = nodes;
  }

  /**
   * Appends the leaf hash as leaf number {@code size} (the current size), storing the new perfect
   * subtrees.
   */
  public void append(long size, byte[] leafHash) {
    int level = 0;
    long index = size;
    byte[] hash = leafHash;
    nodes.put(level, index, hash);
    while ((index & 1) == 1) {
      hash = MerkleHash.node(nodes.get(level, index - 1), hash);
      level++;
      index >>= 1;
      nodes.put(level, index, hash);
    }
  }

  /** The root hash of the first {@code size} leaves. */
  public byte[] root(long size) {
    return size == 0 ? MerkleHash.empty() : subtree(0, size);
  }

  /** The audit path of leaf {@code index} in the tree of {@code size} leaves (RFC 9162 PATH). */
  public List<byte[]> inclusionProof(long index, long size) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
    }
    var proof = new ArrayList<byte[]>();
    path(index, 0, size, proof);
    return proof;
  }

  /**
   * The consistency proof between the trees of {@code first} and {@code second} leaves (RFC 9162
   * PROOF).
   */
  public List<byte[]> consistencyProof(long first, long second) {
    if (first < 0 || second < first) {
      throw new IllegalArgumentException("no consistency proof from " + first + " to " + second);
    }
    var proof = new ArrayList<byte[]>();
    if (first > 0 && first < second) {
      subproof(first, 0, second, true, proof);
    }
    return proof;
  }

  private void path(long m, long start, long n, List<byte[]> proof) {
    if (n == 1) {
      return;
    }
    long k = largestPowerOfTwoBelow(n);
    if (m < k) {
      path(m, start, k, proof);
      proof.add(subtree(start + k, n - k));
    } else {
      path(m - k, start + k, n - k, proof);
      proof.add(subtree(start, k));
    }
  }

  private void subproof(long m, long start, long n, boolean whole, List<byte[]> proof) {
    if (m == n) {
      if (!whole) {
        proof.add(subtree(start, n));
      }
      return;
    }
    long k = largestPowerOfTwoBelow(n);
    if (m <= k) {
      subproof(m, start, k, whole, proof);
      proof.add(subtree(start + k, n - k));
    } else {
      subproof(m - k, start + k, n - k, false, proof);
      proof.add(subtree(start, k));
    }
  }

  /**
   * MTH over leaves [start, start + size): a stored node when perfect, else split as RFC 9162 does.
   */
  private byte[] subtree(long start, long size) {
    if (Long.bitCount(size) == 1 && start % size == 0) {
      return nodes.get(Long.numberOfTrailingZeros(size), start / size);
    }
    long k = largestPowerOfTwoBelow(size);
    return MerkleHash.node(subtree(start, k), subtree(start + k, size - k));
  }

  /** The largest power of two strictly below {@code n} (n >= 2). */
  static long largestPowerOfTwoBelow(long n) {
    return Long.highestOneBit(n - 1);
  }
}
