package org.presstrace.ledger;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.presstrace.access.AuditEntry;
import org.presstrace.access.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Re-reads the whole log and everything it stands for: every leaf's hash against its data, every
 * audit leaf against the audit entry stored now (field by field), every audit entry against the
 * log, every stored node and every signed head against a tree rebuilt from the leaves. Reports the
 * first divergence.
 */
@Service
public class LedgerVerifier {

  private static final HexFormat HEX = HexFormat.of();

  private final JdbcClient jdbc;
  private final Ledger ledger;
  private final AuditTrail audit;
  private final JsonMapper json = JsonMapper.builder().build();

  LedgerVerifier(JdbcClient jdbc, Ledger ledger, AuditTrail audit) {
    this.jdbc = jdbc;
    this.ledger = ledger;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public Verification verify() {
    ledger.writePending();
    var rebuilt = new HashMap<String, byte[]>();
    var tree =
        new MerkleTree(
            new MerkleNodes() {
              @Override
              public byte[] get(int level, long index) {
                return rebuilt.get(level + "/" + index);
              }

              @Override
              public void put(int level, long index, byte[] hash) {
                rebuilt.put(level + "/" + index, hash);
              }
            });
    String[] divergence = {null};
    long[] count = {0};
    var custody = new CustodyLeafCheck(jdbc);
    jdbc.sql(
            """
            SELECT l.idx, l.kind, l.ref, l.data, l.leaf_hash, l.appended_at, s.salt
            FROM ledger_leaf l LEFT JOIN ledger_salt s ON s.idx = l.idx
            ORDER BY l.idx
            """)
        .query(
            (ResultSet rs) -> {
              if (divergence[0] != null) {
                return;
              }
              LedgerLeaf leaf = Ledger.leafOf(rs, 0);
              divergence[0] = check(leaf, rs.getString("salt"), count[0], custody);
              if (divergence[0] == null) {
                tree.append(count[0], HEX.parseHex(leaf.leafHash()));
                count[0]++;
              }
            });
    if (divergence[0] != null) {
      return new Verification(count[0], 0, divergence[0]);
    }
    long size = ledger.size();
    if (size != count[0]) {
      return new Verification(
          count[0], 0, "the log records size " + size + " but holds " + count[0] + " leaves");
    }
    String counts = custodyCountsMatch();
    if (counts != null) {
      return new Verification(count[0], 0, counts);
    }
    String missing = firstAuditEntryNotInLog();
    if (missing != null) {
      return new Verification(count[0], 0, missing);
    }
    String nodes = firstNodeMismatch(rebuilt);
    if (nodes != null) {
      return new Verification(count[0], 0, nodes);
    }
    long heads = 0;
    for (SignedTreeHead head : ledger.heads()) {
      heads++;
      if (head.treeSize() > count[0]) {
        return new Verification(
            count[0], heads, "signed head at size " + head.treeSize() + " is larger than the log");
      }
      if (!HEX.formatHex(tree.root(head.treeSize())).equals(head.rootHash())) {
        return new Verification(
            count[0],
            heads,
            "signed head at size " + head.treeSize() + ": root does not match the leaves");
      }
      if (!ledger.signatureHolds(head)) {
        return new Verification(
            count[0],
            heads,
            "signed head at size " + head.treeSize() + ": signature does not verify");
      }
    }
    return new Verification(count[0], heads, null);
  }

  private String check(LedgerLeaf leaf, String salt, long expectedIndex, CustodyLeafCheck custody) {
    if (leaf.index() != expectedIndex) {
      return "leaf " + expectedIndex + " is missing (next stored leaf is " + leaf.index() + ")";
    }
    byte[] data = leaf.data().getBytes(StandardCharsets.UTF_8);
    if (!HEX.formatHex(MerkleHash.leaf(data)).equals(leaf.leafHash())) {
      return "leaf " + leaf.index() + ": stored hash does not match its data";
    }
    if (CustodyLeaves.KIND.equals(leaf.kind())) {
      return custody.check(leaf);
    }
    if (!AuditLeaves.KIND.equals(leaf.kind())) {
      return null;
    }
    Optional<AuditEntry> stored = audit.entry(Long.parseLong(leaf.ref()));
    if (stored.isEmpty()) {
      return "leaf "
          + leaf.index()
          + ": audit entry "
          + leaf.ref()
          + " is missing from the audit trail";
    }
    Map<String, Object> logged = json.readValue(data, Map.class);
    String entry = "leaf " + leaf.index() + ": audit entry " + leaf.ref();
    boolean committed =
        logged.get("format") instanceof Number format && format.intValue() >= AuditLeaves.FORMAT;
    if (committed && (salt == null || salt.isBlank())) {
      return entry + " has no salt: its fields cannot be checked against its leaf";
    }
    Map<String, Object> now =
        committed ? AuditLeaves.fields(stored.get(), salt) : AuditLeaves.legacyFields(stored.get());
    for (var field : now.entrySet()) {
      Object before = logged.get(field.getKey());
      Object after = field.getValue();
      if (!Objects.equals(
          before == null ? null : before.toString(), after == null ? null : after.toString())) {
        String name = field.getKey().replace(CustodyLeaves.COMMIT, "");
        return entry
            + " field "
            + name
            + (committed ? " does not match its leaf" : " differs from the log");
      }
    }
    return null;
  }

  private String custodyCountsMatch() {
    long stored = jdbc.sql("SELECT COUNT(*) FROM custody_event").query(Long.class).single();
    long logged =
        jdbc.sql("SELECT COUNT(*) FROM ledger_leaf WHERE kind = :kind")
            .param("kind", CustodyLeaves.KIND)
            .query(Long.class)
            .single();
    return stored == logged
        ? null
        : "the registry stores " + stored + " custody events but the log holds " + logged;
  }

  private String firstAuditEntryNotInLog() {
    return jdbc.sql(
            """
            SELECT MIN(a.id) FROM audit_event a
            WHERE NOT EXISTS (SELECT 1 FROM ledger_leaf l
                              WHERE l.kind = 'audit-event' AND l.ref = CAST(a.id AS VARCHAR(64)))
            """)
        .query(Long.class)
        .optional()
        .map(id -> "audit entry " + id + " is not in the log")
        .orElse(null);
  }

  private String firstNodeMismatch(Map<String, byte[]> rebuilt) {
    String[] mismatch = {null};
    long[] stored = {0};
    jdbc.sql("SELECT level, idx, hash FROM ledger_node ORDER BY level, idx")
        .query(
            (ResultSet rs) -> {
              stored[0]++;
              String key = rs.getInt("level") + "/" + rs.getLong("idx");
              byte[] expected = rebuilt.get(key);
              if (mismatch[0] == null
                  && (expected == null || !HEX.formatHex(expected).equals(rs.getString("hash")))) {
                mismatch[0] = "ledger node " + key + " does not match the leaves";
              }
            });
    if (mismatch[0] == null && stored[0] != rebuilt.size()) {
      mismatch[0] = "the log stores " + stored[0] + " nodes, the leaves make " + rebuilt.size();
    }
    return mismatch[0];
  }
}
