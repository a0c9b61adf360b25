package org.presstrace.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.presstrace.ledger.MerkleNodes;

/** Perfect-subtree hashes in flat arrays, one per level: 32 bytes a node, no per-node objects. */
final class ArrayNodes implements MerkleNodes {

  private final List<byte[]> levels = new ArrayList<>();

  @Override
  public byte[] get(int level, long index) {
    byte[] hashes = levels.get(level);
    int offset = Math.toIntExact(index * 32);
    return Arrays.copyOfRange(hashes, offset, offset + 32);
  }

  @Override
  public void put(int level, long index, byte[] hash) {
    while (levels.size() <= level) {
      levels.add(new byte[32 * 1024]);
    }
    byte[] hashes = levels.get(level);
    int offset = Math.toIntExact(index * 32);
    if (offset + 32 > hashes.length) {
      hashes = Arrays.copyOf(hashes, Math.max(hashes.length * 2, offset + 32));
      levels.set(level, hashes);
    }
    System.arraycopy(hash, 0, hashes, offset, 32);
  }
}
