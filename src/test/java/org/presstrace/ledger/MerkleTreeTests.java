package org.presstrace.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stored-node tree agrees with RFC 9162's recursive definition, and its proofs verify. */
class MerkleTreeTests {

  /** Perfect-subtree hashes in memory, counting reads. */
  static final class MemoryNodes implements MerkleNodes {
    final Map<String, byte[]> hashes = new HashMap<>();
    int reads;

    @Override
    public byte[] get(int level, long index) {
      reads++;
      byte[] hash = hashes.get(level + "/" + index);
      if (hash == null) {
        throw new IllegalStateException("no node " + level + "/" + index);
      }
      return hash;
    }

    @Override
    public void put(int level, long index, byte[] hash) {
      hashes.put(level + "/" + index, hash);
    }
  }

  static byte[] leaf(int i) {
    return MerkleHash.leaf(("entry " + i).getBytes(StandardCharsets.UTF_8));
  }

  /** RFC 9162 MTH written as the RFC defines it, over all leaves. */
  static byte[] naiveRoot(List<byte[]> leaves) {
    if (leaves.isEmpty()) {
      return MerkleHash.empty();
    }
    if (leaves.size() == 1) {
      return leaves.get(0);
    }
    int k = Integer.highestOneBit(leaves.size() - 1);
    return MerkleHash.node(
        naiveRoot(leaves.subList(0, k)), naiveRoot(leaves.subList(k, leaves.size())));
  }

  @Test
  void rootsInclusionAndConsistencyHoldForEveryTreeUpTo70Leaves() {
    var nodes = new MemoryNodes();
    var tree = new MerkleTree(nodes);
    var leaves = new ArrayList<byte[]>();
    var roots = new ArrayList<byte[]>();
    roots.add(tree.root(0));
    for (int n = 1; n <= 70; n++) {
      tree.append(n - 1, leaf(n - 1));
      leaves.add(leaf(n - 1));
      byte[] root = tree.root(n);
      assertThat(root).isEqualTo(naiveRoot(leaves));
      roots.add(root);
      for (int i = 0; i < n; i++) {
        assertThat(MerkleVerifier.verifyInclusion(i, n, leaf(i), tree.inclusionProof(i, n), root))
            .as("leaf %d of %d", i, n)
            .isTrue();
      }
      for (int m = 1; m <= n; m++) {
        assertThat(
                MerkleVerifier.verifyConsistency(
                    m, n, tree.consistencyProof(m, n), roots.get(m), root))
            .as("consistency %d to %d", m, n)
            .isTrue();
      }
    }
    // Old roots stay computable: the tree never rewrites a stored node.
    assertThat(tree.root(37)).isEqualTo(roots.get(37));
  }

  @Test
  void aProofRejectsAnotherLeafAnotherRootAndAForgedExtension() {
    var tree = new MerkleTree(new MemoryNodes());
    for (int i = 0; i < 13; i++) {
      tree.append(i, leaf(i));
    }
    byte[] root = tree.root(13);
    List<byte[]> proof = tree.inclusionProof(5, 13);
    assertThat(MerkleVerifier.verifyInclusion(5, 13, leaf(6), proof, root)).isFalse();
    assertThat(MerkleVerifier.verifyInclusion(6, 13, leaf(5), proof, root)).isFalse();
    assertThat(MerkleVerifier.verifyInclusion(5, 13, leaf(5), proof, tree.root(12))).isFalse();

    var forked = new MerkleTree(new MemoryNodes());
    for (int i = 0; i < 13; i++) {
      forked.append(i, i == 3 ? leaf(99) : leaf(i));
    }
    assertThat(
            MerkleVerifier.verifyConsistency(
                8, 13, forked.consistencyProof(8, 13), tree.root(8), forked.root(13)))
        .as("a log that rewrote leaf 3 cannot prove it extends the old head")
        .isFalse();
  }

  @Test
  void appendsAndProofsTouchLogarithmicallyManyNodes() {
    var nodes = new MemoryNodes();
    var tree = new MerkleTree(nodes);
    int size = 100_000;
    for (int i = 0; i < size; i++) {
      tree.append(i, leaf(i));
    }
    assertThat(nodes.hashes).hasSize(2 * size - Long.bitCount(size));
    nodes.reads = 0;
    tree.inclusionProof(77_777, size);
    int inclusionReads = nodes.reads;
    nodes.reads = 0;
    tree.consistencyProof(65_537, size);
    int consistencyReads = nodes.reads;
    assertThat(inclusionReads).isLessThanOrEqualTo(2 * 17 * 2);
    assertThat(consistencyReads).isLessThanOrEqualTo(2 * 17 * 2);
    assertThat(Arrays.equals(tree.root(size), tree.root(size))).isTrue();
  }
}
