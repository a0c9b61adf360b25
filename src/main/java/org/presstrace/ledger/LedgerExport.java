package org.presstrace.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.presstrace.ledger.internal.LeafStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the whole log as JSON lines (format {@value #FORMAT}, see docs/ledger.md): a header with
 * the public key, every leaf in order with each signed head placed right after the last leaf it
 * covers, and an end line with the counts. Leaves are streamed from the database, never held in
 * memory, so {@link ExportCheck} can check the file in one pass holding only the tree's frontier.
 */
@Service
public class LedgerExport {

  public static final String FORMAT = "presstrace-ledger-export/v1";

  private final Ledger ledger;
  private final LeafStore leaves;
  private final Clock clock;
  private final TransactionTemplate transactions;
  private final JsonMapper json = JsonMapper.builder().build();

  LedgerExport(
      Ledger ledger, LeafStore leaves, Clock clock, PlatformTransactionManager transactionManager) {
    this.ledger = ledger;
    this.leaves = leaves;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /** What was written: the number of leaves and signed heads. */
  public record Written(long leaves, long heads) {}

  /**
   * Waits (bounded) for the entries committed so far to be integrated, signs a head at the size
   * then reached (so every exported leaf is covered by one), then writes the log up to that size.
   */
  public Written export(Writer out) {
    ledger.awaitIntegration();
    return transactions.execute(status -> write(out));
  }

  private Written write(Writer out) {
    SignedTreeHead latest = ledger.head();
    long size = latest.treeSize();
    Deque<SignedTreeHead> heads = new ArrayDeque<>();
    ledger.heads().stream().filter(head -> head.treeSize() <= size).forEach(heads::add);
    long headCount = heads.size();
    var header = new LinkedHashMap<String, Object>();
    header.put("format", FORMAT);
    header.put("exportedAt", clock.instant().toString());
    header.put("treeSize", size);
    header.put("keyId", ledger.keyId());
    header.put("algorithm", "Ed25519");
    header.put("publicKey", ledger.publicKey());
    line(out, header);
    leaves.forEachBelow(
        size,
        leaf -> {
          headsUpTo(out, heads, leaf.index());
          var fields = new LinkedHashMap<String, Object>();
          fields.put("type", "leaf");
          fields.put("index", leaf.index());
          fields.put("kind", leaf.kind());
          fields.put("ref", leaf.ref());
          fields.put("leafHash", leaf.leafHash());
          fields.put("data", leaf.data());
          line(out, fields);
        });
    headsUpTo(out, heads, size);
    var end = new LinkedHashMap<String, Object>();
    end.put("type", "end");
    end.put("leaves", size);
    end.put("heads", headCount);
    line(out, end);
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Written(size, headCount);
  }

  /** Writes the heads of every size up to {@code size} still waiting. */
  private void headsUpTo(Writer out, Deque<SignedTreeHead> heads, long size) {
    while (!heads.isEmpty() && heads.peekFirst().treeSize() <= size) {
      SignedTreeHead head = heads.removeFirst();
      var fields = new LinkedHashMap<String, Object>();
      fields.put("type", "head");
      fields.put("treeSize", head.treeSize());
      fields.put("rootHash", head.rootHash());
      fields.put("issuedAt", head.issuedAt().toString());
      fields.put("keyId", head.keyId());
      fields.put("signature", head.signature());
      line(out, fields);
    }
  }

  private void line(Writer out, Map<String, Object> fields) {
    try {
      out.write(json.writeValueAsString(fields));
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
