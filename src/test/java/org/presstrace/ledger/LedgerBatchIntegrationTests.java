package org.presstrace.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.registry.ImportResult;
import org.presstrace.registry.NewRegistrant;
import org.presstrace.registry.RegistrantCategory;
import org.presstrace.registry.RegistrantView;
import org.presstrace.registry.Registry;
import org.presstrace.registry.RegistryImports;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends buffered per transaction and queued at its commit: many appends in one transaction make
 * the same tree, once integrated, as one per transaction and as a tree built in memory, a rollback
 * queues nothing, the log shows a transaction's appends only once it has committed and they are
 * integrated, and proofs and the full verification hold after bulk writes.
 */
@PressTraceIntegrationTest
@TestPropertySource(properties = "presstrace.test.isolation=ledger-batch")
class LedgerBatchIntegrationTests {

  static final HexFormat HEX = HexFormat.of();
  static final String KIND = "batch-test";

  /** More than one batch, so a transaction also writes part of its appends before it ends. */
  static final int MANY = PendingAppends.FLUSH_EVERY * 2 + 37;

  @Autowired Ledger ledger;
  @Autowired LedgerVerifier verifier;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired Directory directory;
  @Autowired Registry registry;
  @Autowired RegistryImports imports;

  TransactionTemplate transactions;
  MerkleTree expected;
  Map<String, byte[]> expectedNodes;
  long expectedSize;

  @BeforeEach
  void mirrorTheStoredLog() {
    transactions = new TransactionTemplate(transactionManager);
    integrated();
    expectedNodes = new HashMap<>();
    expected = new MerkleTree(new InMemory(expectedNodes));
    expectedSize = 0;
    jdbc.sql("SELECT leaf_hash FROM ledger_leaf ORDER BY idx")
        .query(String.class)
        .list()
        .forEach(hash -> expected.append(expectedSize++, HEX.parseHex(hash)));
  }

  @Test
  void manyAppendsInOneTransactionMakeTheTreeOfOneAppendPerTransaction() {
    long start = ledger.size();
    assertThat(start).isEqualTo(expectedSize);

    transactions.executeWithoutResult(
        status -> LongStream.range(0, MANY).forEach(i -> append("one-tx", i)));
    integrated();
    assertThat(ledger.leafFor(KIND, "one-tx-0").orElseThrow().index()).isEqualTo(start);
    assertThat(ledger.leafFor(KIND, "one-tx-" + (MANY - 1)).orElseThrow().index())
        .isEqualTo(start + MANY - 1);
    assertThat(ledger.size()).isEqualTo(start + MANY);
    assertThat(ledger.root(ledger.size())).isEqualTo(expectedRoot());

    for (int i = 0; i < 40; i++) {
      long n = i;
      transactions.executeWithoutResult(status -> append("per-tx", n));
    }
    integrated();
    for (int i = 0; i < 40; i++) {
      assertThat(ledger.leafFor(KIND, "per-tx-" + i).orElseThrow().index())
          .isEqualTo(start + MANY + i);
    }
    assertThat(ledger.root(ledger.size())).isEqualTo(expectedRoot());
    assertThat(ledger.root(start + MANY)).isEqualTo(rootOfFirst(start + MANY));
    assertThat(storedNodes()).isEqualTo(expectedNodes.size());
    assertThat(verifier.verify().holds()).as(verifier.verify().firstDivergence()).isTrue();
  }

  @Test
  void aRolledBackTransactionLeavesTheLogAsItWas() {
    transactions.executeWithoutResult(status -> append("before-rollback", 0));
    integrated();
    long size = ledger.size();
    String root = ledger.root(size);
    long nodes = storedNodes();

    assertThatThrownBy(
            () ->
                transactions.executeWithoutResult(
                    status -> {
                      for (int i = 0; i < MANY; i++) {
                        ledger.append(KIND, "rolled-back-" + i, data("rolled-back", i));
                      }
                      status.flush();
                      throw new IllegalStateException("the writer fails after its appends");
                    }))
        .isInstanceOf(IllegalStateException.class);

    integrated();
    assertThat(ledger.size()).isEqualTo(size);
    assertThat(ledger.root(size)).isEqualTo(root);
    assertThat(storedNodes()).isEqualTo(nodes);
    assertThat(ledger.leafFor(KIND, "rolled-back-0")).isEmpty();
    assertThat(count("SELECT COUNT(*) FROM ledger_leaf WHERE ref LIKE 'rolled-back-%'")).isZero();
    assertThat(count("SELECT COUNT(*) FROM ledger_queue WHERE ref LIKE 'rolled-back-%'")).isZero();

    transactions.executeWithoutResult(status -> append("after-rollback", 0));
    integrated();
    assertThat(ledger.leafFor(KIND, "after-rollback-0").orElseThrow().index()).isEqualTo(size);
    assertThat(ledger.root(ledger.size())).isEqualTo(expectedRoot());
    assertThat(verifier.verify().holds()).as(verifier.verify().firstDivergence()).isTrue();
  }

  @Test
  void theLogShowsATransactionsAppendsOnceCommittedAndIntegrated() {
    long start = ledger.size();
    transactions.executeWithoutResult(
        status -> {
          append("read-back", 0);
          append("read-back", 1);
          status.flush();
          append("read-back", 2);
          assertThat(ledger.logged(KIND, "read-back-1")).isEqualTo(1);
          assertThat(ledger.logged(KIND, "read-back-2")).isEqualTo(1);
          assertThat(ledger.size()).isEqualTo(start);
          assertThat(ledger.leafFor(KIND, "read-back-1")).isEmpty();
          for (int i = 3; i < 21; i++) {
            append("read-back", i);
          }
        });
    integrated();
    assertThat(ledger.size()).isEqualTo(start + 21);
    LedgerLeaf leaf = ledger.leafFor(KIND, "read-back-1").orElseThrow();
    assertThat(leaf.index()).isEqualTo(start + 1);
    assertThat(leaf.data()).isEqualTo(new String(data("read-back", 1), StandardCharsets.UTF_8));
    assertThat(ledger.leaf(start + 2).ref()).isEqualTo("read-back-2");
    assertThat(ledger.root(start + 21)).isEqualTo(expectedRoot());
    SignedTreeHead head = ledger.head();
    assertThat(head.treeSize()).isEqualTo(start + 21);
    assertThat(head.rootHash()).isEqualTo(expectedRoot());
    assertThat(verifier.verify().holds()).as(verifier.verify().firstDivergence()).isTrue();
  }

  @Test
  void proofsAtASizeReachedByOneTransactionVerify() {
    long before = ledger.size();
    if (before == 0) {
      transactions.executeWithoutResult(status -> append("first", 0));
      integrated();
      before = ledger.size();
    }
    long first = before;
    transactions.executeWithoutResult(
        status -> {
          for (int i = 0; i < MANY; i++) {
            append("proof", i);
          }
        });
    integrated();
    SignedTreeHead head = ledger.head();
    long size = head.treeSize();
    assertThat(size).isEqualTo(first + MANY);
    assertThat(head.rootHash()).isEqualTo(expectedRoot());
    assertThat(ledger.signatureHolds(head)).isTrue();
    byte[] root = HEX.parseHex(head.rootHash());
    for (long index : new long[] {0, first, first + MANY / 2, size - 1}) {
      LedgerLeaf leaf = ledger.leaf(index);
      assertThat(
              MerkleVerifier.verifyInclusion(
                  index,
                  size,
                  HEX.parseHex(leaf.leafHash()),
                  hashes(ledger.inclusionProof(index, size)),
                  root))
          .as("inclusion of leaf %d", index)
          .isTrue();
    }
    assertThat(
            MerkleVerifier.verifyConsistency(
                first,
                size,
                hashes(ledger.consistencyProof(first, size)),
                HEX.parseHex(ledger.root(first)),
                root))
        .isTrue();
  }

  @Test
  void anAppendFromAnotherBeforeCommitCallbackIsStillWritten() {
    long start = ledger.size();
    transactions.executeWithoutResult(
        status -> {
          append("callback", 0);
          TransactionSynchronizationManager.registerSynchronization(
              new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                  append("callback", 1);
                }
              });
        });
    integrated();
    assertThat(ledger.size()).isEqualTo(start + 2);
    assertThat(ledger.leafFor(KIND, "callback-1")).isPresent();
    assertThat(ledger.root(start + 2)).isEqualTo(expectedRoot());
    assertThat(verifier.verify().holds()).as(verifier.verify().firstDivergence()).isTrue();
  }

  @Test
  void theLogVerifiesAfterABulkRegistryImport() {
    var world = new World(directory);
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    AccessContext admin =
        world.as(world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.CLI);
    var dealer =
        registry.register(
            admin,
            new NewRegistrant(
                "Batch Dealers " + world.suffix(),
                null,
                RegistrantCategory.DEALER,
                null,
                "1 Press Way",
                null,
                "USA"));
    RegistrantView active = registry.activate(admin, dealer.id(), "inspection passed");
    LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(2);
    var csv =
        new StringBuilder(
            "record,registrant,serial,make,model,kind,power,rated_output_per_hour,location,"
                + "occurred_on,buyer_registration,buyer_checked_at\n");
    int rows = PendingAppends.FLUSH_EVERY + 250;
    for (int i = 0; i < rows; i++) {
      csv.append("INVENTORY,")
          .append(active.registrationNumber())
          .append(",BATCH-")
          .append(i)
          .append(",Batchmaker,RT-1,TABLETING_ROTARY,POWERED,60000,Bay 1,")
          .append(day)
          .append(",,\n");
    }
    long custodyBefore = count("SELECT COUNT(*) FROM ledger_leaf WHERE kind = 'custody-event'");

    ImportResult result =
        imports.importCsv(
            admin,
            "batch.csv",
            csv.toString().getBytes(StandardCharsets.UTF_8),
            false,
            (phase, done, total) -> {});

    assertThat(result.problems()).isEmpty();
    assertThat(result.stored()).isTrue();
    integrated();
    assertThat(count("SELECT COUNT(*) FROM ledger_leaf WHERE kind = 'custody-event'"))
        .isEqualTo(custodyBefore + rows);
    Verification verification = verifier.verify();
    assertThat(verification.holds()).as(verification.firstDivergence()).isTrue();
    assertThat(verification.leaves()).isEqualTo(ledger.size());
  }

  private void append(String prefix, long i) {
    byte[] data = data(prefix, i);
    ledger.append(KIND, prefix + "-" + i, data);
    expected.append(expectedSize++, MerkleHash.leaf(data));
  }

  private void integrated() {
    assertThat(ledger.awaitIntegration()).as("everything committed is integrated").isTrue();
  }

  private static byte[] data(String prefix, long i) {
    return ("{\"batch\":\"" + prefix + "\",\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
  }

  private String expectedRoot() {
    return HEX.formatHex(expected.root(expectedSize));
  }

  private String rootOfFirst(long size) {
    return HEX.formatHex(expected.root(size));
  }

  private long storedNodes() {
    return count("SELECT COUNT(*) FROM ledger_node");
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  private static List<byte[]> hashes(List<String> hex) {
    return hex.stream().map(HEX::parseHex).toList();
  }

  private record InMemory(Map<String, byte[]> nodes) implements MerkleNodes {
    @Override
    public byte[] get(int level, long index) {
      return nodes.get(level + "/" + index);
    }

    @Override
    public void put(int level, long index, byte[] hash) {
      nodes.put(level + "/" + index, hash);
    }
  }
}
