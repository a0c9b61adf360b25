package org.presstrace.ledger;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.presstrace.access.AuditEntry;
import org.presstrace.access.AuditTrail;
import org.presstrace.ledger.internal.LeafStore;
import org.presstrace.ledger.internal.NodeStore;
import org.presstrace.ledger.internal.QueueStore;
import org.presstrace.ledger.internal.QueueStore.Queued;
import org.presstrace.registry.CustodyEvents;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Re-reads the whole log and everything it stands for: that every entry committed to the queue
 * before verification began has been integrated, every leaf's hash against its data, every audit
 * leaf against the audit entry stored now (field by field), every audit entry against the log,
 * every stored node and every signed head against a tree rebuilt from the leaves. Reports the first
 * divergence.
 */
@Service
public class LedgerVerifier {

  private static final HexFormat HEX = HexFormat.of();

  /** The most queued entries verification names as waiting when it starts. */
  private static final int WAITING_CHECKED = 10_000;

  private final Ledger ledger;
  private final LeafStore leaves;
  private final NodeStore nodes;
  private final QueueStore queue;
  private final AuditTrail audit;
  private final CustodyEvents custodyEvents;
  private final TransactionTemplate readOnly;
  private final JsonMapper json = JsonMapper.builder().build();

  LedgerVerifier(
      Ledger ledger,
      LeafStore leaves,
      NodeStore nodes,
      QueueStore queue,
      AuditTrail audit,
      CustodyEvents custodyEvents,
      PlatformTransactionManager transactionManager) {
    this.ledger = ledger;
    this.leaves = leaves;
    this.nodes = nodes;
    this.queue = queue;
    this.audit = audit;
    this.custodyEvents = custodyEvents;
    this.readOnly = new TransactionTemplate(transactionManager);
    this.readOnly.setReadOnly(true);
  }

  /**
   * Notes the entries committed to the queue so far, waits (bounded) for the integrator to take
   * them, then checks the log; an entry committed before the start and still not integrated is the
   * first divergence, named by its queue id.
   */
  public Verification verify() {
    List<Long> committedBefore = queue.waitingIds(WAITING_CHECKED);
    ledger.awaitIntegration();
    return readOnly.execute(status -> verifyLog(committedBefore));
  }

  private Verification verifyLog(List<Long> committedBefore) {
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
    var custody = new CustodyLeafCheck(custodyEvents);
    Set<String> auditRefs = new HashSet<>();
    leaves.forEachWithSalt(
        (leaf, salt) -> {
          if (divergence[0] != null) {
            return;
          }
          divergence[0] = check(leaf, salt, count[0], custody);
          if (divergence[0] == null) {
            tree.append(count[0], HEX.parseHex(leaf.leafHash()));
            count[0]++;
            if (AuditLeaves.KIND.equals(leaf.kind())) {
              auditRefs.add(leaf.ref());
            }
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
    List<Queued> skipped = queue.stillWaiting(committedBefore);
    if (!skipped.isEmpty()) {
      Queued first = skipped.get(0);
      return new Verification(
          count[0],
          0,
          "queue entry "
              + first.id()
              + " ("
              + first.kind()
              + " "
              + first.ref()
              + ", queued at "
              + first.queuedAt().toInstant()
              + ") was committed before verification began but is not in the log"
              + (skipped.size() > 1 ? " (" + skipped.size() + " such entries)" : ""));
    }
    String counts = custodyCountsMatch();
    if (counts != null) {
      return new Verification(count[0], 0, counts);
    }
    String missing = firstAuditEntryNotIn(auditRefs);
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

  /**
   * Custody events stored against custody leaves, counting entries committed since verification
   * began and still queued. The log is counted after the registry, so a write committing meanwhile
   * can only raise the log's count; fewer logged than stored is a divergence, more is left to the
   * leaf-by-leaf check, which finds a leaf without its row.
   */
  private String custodyCountsMatch() {
    long stored = custodyEvents.count();
    long logged = leaves.count(CustodyLeaves.KIND) + queue.count(CustodyLeaves.KIND);
    return logged >= stored
        ? null
        : "the registry stores " + stored + " custody events but the log holds " + logged;
  }

  /**
   * The first audit entry with no leaf among the log's audit leaves (by reference), nor in the log
   * or the queue now: an entry committed after the leaves were read is found there.
   */
  private String firstAuditEntryNotIn(Set<String> auditRefs) {
    var missing =
        audit.firstIdNotIn(
            id ->
                auditRefs.contains(String.valueOf(id))
                    || leaves.countLoggedOrQueued(AuditLeaves.KIND, String.valueOf(id)) > 0);
    return missing.isPresent() ? "audit entry " + missing.getAsLong() + " is not in the log" : null;
  }

  private String firstNodeMismatch(Map<String, byte[]> rebuilt) {
    String[] mismatch = {null};
    long[] stored = {0};
    nodes.forEach(
        (level, index, hash) -> {
          stored[0]++;
          String key = level + "/" + index;
          byte[] expected = rebuilt.get(key);
          if (mismatch[0] == null && (expected == null || !HEX.formatHex(expected).equals(hash))) {
            mismatch[0] = "ledger node " + key + " does not match the leaves";
          }
        });
    if (mismatch[0] == null && stored[0] != rebuilt.size()) {
      mismatch[0] = "the log stores " + stored[0] + " nodes, the leaves make " + rebuilt.size();
    }
    return mismatch[0];
  }
}
