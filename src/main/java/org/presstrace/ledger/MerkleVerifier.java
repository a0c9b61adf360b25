package org.presstrace.ledger;

import java.util.Arrays;
import java.util.List;

/**
 * Checks inclusion and consistency proofs by the algorithms of RFC 9162 sections 2.1.3.2 and
 * 2.1.4.2. Needs nothing but the proof, the sizes and the roots, so anyone holding a signed tree
 * head can check the log without trusting it.
 */
public final class MerkleVerifier {

  private MerkleVerifier() {}

  /**
   * Whether {@code proof} shows the leaf with {@code leafHash} at {@code index} under {@code root}.
   */
  public static boolean verifyInclusion(
      long index, long treeSize, byte[] leafHash, List<byte[]> proof, byte[] root) {
    if (index < 0 || index >= treeSize || !wellFormed(leafHash) || !wellFormed(root)) {
      return false;
    }
    long fn = index;
    long sn = treeSize - 1;
    byte[] r = leafHash;
    for (byte[] p : proof) {
      if (sn == 0 || !wellFormed(p)) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = MerkleHash.node(p, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        r = MerkleHash.node(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && Arrays.equals(r, root);
  }

  /**
   * Whether {@code proof} shows that the tree of {@code second} leaves extends the one of {@code
   * first}.
   */
  public static boolean verifyConsistency(
      long first, long second, List<byte[]> proof, byte[] firstRoot, byte[] secondRoot) {
    List<byte[]> path = proof == null ? List.of() : proof;
    if (first <= 0 || second < first) {
      // Every tree extends the empty one, so a check against size 0 proves nothing: refused.
      return false;
    }
    if (first == second) {
      return path.isEmpty() && firstRoot != null && Arrays.equals(firstRoot, secondRoot);
    }
    if (path.isEmpty() || !wellFormed(firstRoot) || !wellFormed(secondRoot)) {
      return false;
    }
    var nodes = new java.util.ArrayList<byte[]>(path);
    if (Long.bitCount(first) == 1) {
      nodes.add(0, firstRoot);
    }
    long fn = first - 1;
    long sn = second - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    byte[] fr = nodes.get(0);
    byte[] sr = nodes.get(0);
    if (!wellFormed(fr)) {
      return false;
    }
    for (byte[] c : nodes.subList(1, nodes.size())) {
      if (sn == 0 || !wellFormed(c)) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = MerkleHash.node(c, fr);
        sr = MerkleHash.node(c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        sr = MerkleHash.node(sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
  }

  private static boolean wellFormed(byte[] hash) {
    return hash != null && hash.length == MerkleHash.SIZE;
  }
}
