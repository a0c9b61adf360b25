package org.presstrace.ledger;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a ledger export (format {@value LedgerExport#FORMAT}) with nothing but the file and the
 * public key the checker trusts: recomputes every leaf hash and the tree from the leaves, checks
 * each signed head's root against the tree at its size and its signature, and that the file is
 * complete. One pass, holding only the tree's right frontier (O(log n) hashes), so an export of
 * millions of leaves checks in constant memory.
 *
 * <p>Every head is checked against the same rebuilt leaf sequence, so heads that hold are
 * consistent with one another: each smaller tree is a prefix of each larger one.
 */
public final class ExportCheck {

  private static final HexFormat HEX = HexFormat.of();

  private final PublicKey trusted;
  private final JsonMapper json = JsonMapper.builder().build();

  public ExportCheck(PublicKey trusted) {
    this.trusted = trusted;
  }

  /** The outcome: leaves and heads checked, and the first divergence when one was found. */
  public Verification check(BufferedReader in) throws IOException {
    return new Pass().run(in);
  }

  /** One reading of one file. */
  private final class Pass {
    private final FrontierNodes frontier = new FrontierNodes();
    private final MerkleTree tree = new MerkleTree(frontier);
    private long lineNumber;
    private long leaves;
    private long heads;
    private long headerSize;
    private long lastSignedSize = -1;

    Verification run(BufferedReader in) throws IOException {
      String divergence = header(in.readLine());
      String text;
      while (divergence == null && (text = in.readLine()) != null) {
        lineNumber++;
        JsonNode line = parse(text);
        if (line == null) {
          return failed("line " + lineNumber + " is not a JSON object (is the file truncated?)");
        }
        String type = line.path("type").asString("");
        switch (type) {
          case "leaf" -> divergence = leaf(line);
          case "head" -> divergence = head(line);
          case "end" -> {
            return end(line, in);
          }
          default -> divergence = "line " + lineNumber + " has unknown type '" + type + "'";
        }
      }
      return failed(
          divergence != null
              ? divergence
              : "the export ends after line "
                  + lineNumber
                  + " without its end line: the file is truncated");
    }

    private String header(String text) {
      lineNumber = 1;
      JsonNode header = text == null ? null : parse(text);
      if (header == null || !LedgerExport.FORMAT.equals(header.path("format").asString(""))) {
        return "line 1 is not a " + LedgerExport.FORMAT + " header";
      }
      String keyId = LedgerKeys.keyId(trusted);
      String named = header.path("keyId").asString("");
      if (!keyId.equals(named)) {
        return "the export names key id " + named + ", not the trusted key " + keyId;
      }
      headerSize = header.path("treeSize").asLong(-1);
      return null;
    }

    private String leaf(JsonNode line) {
      long index = line.path("index").asLong(-1);
      if (index != leaves) {
        return index > leaves
            ? "leaf "
                + leaves
                + " is missing or out of order (line "
                + lineNumber
                + " holds leaf "
                + index
                + ")"
            : "leaf "
                + index
                + " is out of order (line "
                + lineNumber
                + ", expected leaf "
                + leaves
                + ")";
      }
      byte[] data = line.path("data").asString("").getBytes(StandardCharsets.UTF_8);
      byte[] hash = MerkleHash.leaf(data);
      if (!HEX.formatHex(hash).equals(line.path("leafHash").asString(""))) {
        return "leaf " + index + " (line " + lineNumber + "): hash does not match its data";
      }
      tree.append(leaves, hash);
      leaves++;
      return null;
    }

    private String head(JsonNode line) {
      long size = line.path("treeSize").asLong(-1);
      if (size > leaves) {
        return "leaf "
            + leaves
            + " is missing (line "
            + lineNumber
            + " holds the signed head at size "
            + size
            + ")";
      }
      if (size < leaves) {
        return "signed head at size "
            + size
            + " is out of place (line "
            + lineNumber
            + ", after "
            + leaves
            + " leaves)";
      }
      heads++;
      SignedTreeHead head;
      try {
        head =
            new SignedTreeHead(
                size,
                line.path("rootHash").asString(""),
                Instant.parse(line.path("issuedAt").asString("")),
                line.path("keyId").asString(""),
                line.path("signature").asString(""));
      } catch (DateTimeParseException e) {
        return "signed head at size " + size + ": issue time is not an ISO 8601 instant";
      }
      if (!HEX.formatHex(tree.root(size)).equals(head.rootHash())) {
        return "signed head at size " + size + ": root does not match the leaves";
      }
      if (!LedgerKeys.signs(trusted, head)) {
        return "signed head at size " + size + ": signature does not verify";
      }
      lastSignedSize = size;
      return null;
    }

    private Verification end(JsonNode line, BufferedReader in) throws IOException {
      if (line.path("leaves").asLong(-1) != leaves || line.path("heads").asLong(-1) != heads) {
        return failed(
            "the end line counts "
                + line.path("leaves").asLong(-1)
                + " leaves and "
                + line.path("heads").asLong(-1)
                + " heads, the file holds "
                + leaves
                + " and "
                + heads);
      }
      if (headerSize != leaves) {
        return failed("the header announces " + headerSize + " leaves, the file holds " + leaves);
      }
      if (lastSignedSize != leaves) {
        return failed(
            lastSignedSize < 0
                ? "the export holds no signed head"
                : "leaves from " + lastSignedSize + " on are covered by no signed head");
      }
      if (in.readLine() != null) {
        return failed("line " + (lineNumber + 1) + " follows the end line");
      }
      return new Verification(leaves, heads, null);
    }

    private Verification failed(String divergence) {
      return new Verification(leaves, heads, divergence);
    }

    private JsonNode parse(String text) {
      try {
        JsonNode node = json.readTree(text);
        return node != null && node.isObject() ? node : null;
      } catch (JacksonException e) {
        return null;
      }
    }
  }

  /**
   * Keeps only the two newest nodes of each level: the perfect subtrees that appending (the new
   * node and its left sibling) and the root at the current size need.
   */
  private static final class FrontierNodes implements MerkleNodes {
    private final long[][] index = new long[64][2];
    private final byte[][][] hash = new byte[64][2][];

    @Override
    public byte[] get(int level, long at) {
      for (int slot = 0; slot < 2; slot++) {
        if (hash[level][slot] != null && index[level][slot] == at) {
          return hash[level][slot];
        }
      }
      throw new IllegalStateException("node " + level + "/" + at + " is not on the frontier");
    }

    @Override
    public void put(int level, long at, byte[] value) {
      index[level][1] = index[level][0];
      hash[level][1] = hash[level][0];
      index[level][0] = at;
      hash[level][0] = value;
    }
  }
}
