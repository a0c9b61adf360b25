package org.presstrace.ledger;

/**
 * Where the hashes of a Merkle tree's perfect subtrees live: level k, index i covers leaves [i*2^k,
 * (i+1)*2^k). Nodes are written once and never changed.
 */
public interface MerkleNodes {

  byte[] get(int level, long index);

  void put(int level, long index, byte[] hash);
}
