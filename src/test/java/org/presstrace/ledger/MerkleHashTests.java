package org.presstrace.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleHashTests {

  private static final HexFormat HEX = HexFormat.of();

  @Test
  void theHashesAreRfc9162sPrefixedSha256() {
    // SHA-256 of nothing, of the byte 0x00, and of 0x00 followed by "L123456", and the node of the
    // two: values computed
    // apart from PressTrace (Python's hashlib).
    assertThat(HEX.formatHex(MerkleHash.empty()))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(HEX.formatHex(MerkleHash.leaf(new byte[0])))
        .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    assertThat(HEX.formatHex(MerkleHash.leaf("L123456".getBytes(StandardCharsets.UTF_8))))
        .isEqualTo("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56");
    // A node is SHA-256 of 0x01, the left hash and the right hash, never a leaf of those bytes.
    byte[] left = MerkleHash.leaf(new byte[0]);
    byte[] right = MerkleHash.leaf("L123456".getBytes(StandardCharsets.UTF_8));
    byte[] joined = new byte[64];
    System.arraycopy(left, 0, joined, 0, 32);
    System.arraycopy(right, 0, joined, 32, 32);
    assertThat(HEX.formatHex(MerkleHash.node(left, right)))
        .isEqualTo("bf9ae70442844df993ca0001a7c8a095c5f145857960b1ee389df6cbe84b5bf3")
        .isNotEqualTo(HEX.formatHex(MerkleHash.leaf(joined)));
  }

  @Test
  void hashesOnOneThreadDoNotCarryIntoEachOtherNorFromOneAbandonedMidway() {
    byte[] empty = MerkleHash.leaf(new byte[0]);
    MerkleHash.node(empty, empty);
    MerkleHash.empty();
    // the prefix is fed before the data is found missing; the next hash must not begin with it
    assertThatThrownBy(() -> MerkleHash.leaf(null)).isInstanceOf(NullPointerException.class);
    assertThat(HEX.formatHex(MerkleHash.leaf(new byte[0])))
        .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    assertThatThrownBy(() -> MerkleHash.node(empty, null)).isInstanceOf(NullPointerException.class);
    assertThat(HEX.formatHex(MerkleHash.empty()))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void threadsHashingAtOnceEachGetTheirOwnAnswer() throws Exception {
    int threads = 4;
    int perThread = 5_000;
    List<byte[]> data = new ArrayList<>();
    List<byte[]> expected = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      byte[] entry = ("entry " + i + " ".repeat(i * 5)).getBytes(StandardCharsets.UTF_8);
      data.add(entry);
      expected.add(MerkleHash.node(MerkleHash.leaf(entry), MerkleHash.leaf(entry)));
    }
    var wrong =
        AtOnce.wrongAnswers(
            threads,
            perThread,
            (thread, i) -> {
              int k = (i * 7 + thread) % data.size();
              byte[] leaf = MerkleHash.leaf(data.get(k));
              return java.util.Arrays.equals(MerkleHash.node(leaf, leaf), expected.get(k));
            });
    for (int count : wrong) {
      assertThat(count).isZero();
    }
  }
}
