package org.presstrace.ledger;

import com.github.kagkarlsson.scheduler.SchedulerName;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.presstrace.ledger.internal.HeadStore;
import org.presstrace.ledger.internal.LeafStore;
import org.presstrace.ledger.internal.LeafStore.NewLeaf;
import org.presstrace.ledger.internal.LedgerProperties;
import org.presstrace.ledger.internal.NodeStore;
import org.presstrace.ledger.internal.NodeStore.Node;
import org.presstrace.ledger.internal.QueueStore;
import org.presstrace.ledger.internal.QueueStore.Queued;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes committed entries from the queue into the log, in batches, one transaction each: under the
 * ledger_state row lock it reads the oldest queued entries in queue id order, gives them the next
 * leaf indexes, writes the leaves, their salts and the perfect-subtree nodes they complete, deletes
 * exactly the queue rows it took and raises the size; when a signed head is due (every {@code
 * checkpoint-every} or {@code checkpoint-entries}) it signs one in the same transaction. A crash
 * rolls the batch back: the entries stay queued and the next integrator takes them.
 *
 * <p>It takes whatever is committed, never "everything up to queue id n": a transaction that drew a
 * lower id but commits later is simply taken by a later batch, so commit-order gaps cannot make it
 * skip an entry. Only the leader among the processes sharing the database runs it (see {@code
 * internal/IntegrationLoop}); the row lock keeps even two at once correct.
 *
 * <p>Records the time from an entry's queueing (just before its writer commits) to the commit of
 * its integration as the timer {@value #LATENCY}.
 */
@Service
public class LedgerIntegrator {

  /** The Micrometer timer of queue-to-log latency. */
  public static final String LATENCY = "presstrace.ledger.integration.latency";

  private final Ledger ledger;
  private final LeafStore leaves;
  private final NodeStore nodes;
  private final HeadStore heads;
  private final QueueStore queue;
  private final Clock clock;
  private final TransactionTemplate transactions;
  private final Duration checkpointEvery;
  private final int checkpointEntries;
  private final String node;
  private final Timer latency;
  private final Counter integrated;
  private final ReentrantLock oneAtATime = new ReentrantLock();

  @Autowired
  LedgerIntegrator(
      Ledger ledger,
      LeafStore leaves,
      NodeStore nodes,
      HeadStore heads,
      QueueStore queue,
      Clock clock,
      PlatformTransactionManager transactionManager,
      LedgerProperties properties,
      ObjectProvider<MeterRegistry> meters,
      ObjectProvider<SchedulerName> node) {
    this(
        ledger,
        leaves,
        nodes,
        heads,
        queue,
        clock,
        transactionManager,
        properties.checkpointEvery(),
        properties.checkpointEntries(),
        meters.getIfAvailable(SimpleMeterRegistry::new),
        node.getIfAvailable(() -> new SchedulerName.Fixed("local")).getName());
  }

  LedgerIntegrator(
      Ledger ledger,
      LeafStore leaves,
      NodeStore nodes,
      HeadStore heads,
      QueueStore queue,
      Clock clock,
      PlatformTransactionManager transactionManager,
      Duration checkpointEvery,
      int checkpointEntries,
      MeterRegistry meters,
      String node) {
    this.ledger = ledger;
    this.leaves = leaves;
    this.nodes = nodes;
    this.heads = heads;
    this.queue = queue;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
    this.checkpointEvery = checkpointEvery;
    this.checkpointEntries = checkpointEntries;
    this.node = node;
    this.latency =
        Timer.builder(LATENCY)
            .description(
                "time from an entry's queueing, just before its writer commits, to the commit of"
                    + " its integration into the log")
            .publishPercentiles(0.5, 0.99)
            .publishPercentileHistogram()
            .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofSeconds(1))
            .register(meters);
    this.integrated =
        Counter.builder("presstrace.ledger.integrated")
            .description("entries integrated into the log")
            .register(meters);
  }

  /** What one integration did. */
  record Batch(int taken, long size, List<OffsetDateTime> queuedAt) {}

  /**
   * Integrates at most {@code limit} committed entries in one transaction, and signs a head when
   * one is due; returns how many entries it integrated.
   */
  public int integrate(int limit) {
    oneAtATime.lock();
    try {
      if (queue.newest().isEmpty() && !checkpointDue(leaves.size())) {
        return 0;
      }
      Batch batch = transactions.execute(status -> integrateLocked(limit));
      Instant committed = clock.instant();
      for (OffsetDateTime queuedAt : batch.queuedAt()) {
        latency.record(Duration.between(queuedAt.toInstant(), committed).abs());
      }
      integrated.increment(batch.taken());
      return batch.taken();
    } finally {
      oneAtATime.unlock();
    }
  }

  /** Integrates until the queue holds nothing committed; returns how many entries it took. */
  public long drain(int limit) {
    long total = 0;
    int taken;
    do {
      taken = integrate(limit);
      total += taken;
    } while (taken > 0);
    return total;
  }

  private Batch integrateLocked(int limit) {
    long size = leaves.lockSize();
    List<Queued> taken = queue.oldest(limit);
    var batchNodes = new BatchNodes(nodes);
    var tree = new MerkleTree(batchNodes);
    var written = new ArrayList<NewLeaf>(taken.size());
    var queuedAt = new ArrayList<OffsetDateTime>(taken.size());
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    long next = size;
    for (Queued entry : taken) {
      byte[] hash = MerkleHash.leaf(entry.data().getBytes(StandardCharsets.UTF_8));
      if (!Ledger.HEX.formatHex(hash).equals(entry.hash())) {
        throw new IllegalStateException(
            "queue entry " + entry.id() + ": its hash does not match its data; not integrated");
      }
      tree.append(next, hash);
      written.add(
          new NewLeaf(
              next,
              entry.kind(),
              entry.ref(),
              entry.data(),
              entry.hash(),
              entry.queuedAt(),
              entry.salt(),
              entry.id(),
              now,
              node));
      queuedAt.add(entry.queuedAt());
      next++;
    }
    if (!taken.isEmpty()) {
      leaves.insert(written);
      nodes.insert(batchNodes.written);
      int deleted = queue.delete(taken);
      if (deleted != taken.size()) {
        throw new IllegalStateException(
            "took "
                + taken.size()
                + " queue entries but "
                + deleted
                + " were still queued: another integrator ran; this batch rolls back");
      }
      leaves.resize(next);
    }
    if (checkpointDue(next) && heads.at(next).isEmpty()) {
      ledger.sign(next, tree.root(next));
    }
    return new Batch(taken.size(), next, queuedAt);
  }

  /** Whether the log at {@code size} has grown enough, or long enough ago, for a new head. */
  private boolean checkpointDue(long size) {
    var latest = heads.latest();
    if (latest.isEmpty()) {
      return size > 0;
    }
    long grown = size - latest.get().treeSize();
    return grown >= checkpointEntries
        || grown > 0
            && Duration.between(latest.get().issuedAt(), clock.instant()).compareTo(checkpointEvery)
                >= 0;
  }

  /** The tree's nodes during one batch: those it wrote first, then the stored ones. */
  private static final class BatchNodes implements MerkleNodes {
    private final NodeStore stored;
    private final Map<Node, byte[]> written = new LinkedHashMap<>();

    BatchNodes(NodeStore stored) {
      this.stored = stored;
    }

    @Override
    public byte[] get(int level, long index) {
      byte[] hash = written.get(new Node(level, index));
      return hash != null ? hash : stored.get(level, index);
    }

    @Override
    public void put(int level, long index, byte[] hash) {
      written.put(new Node(level, index), hash);
    }
  }
}
