package org.presstrace.access;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import java.util.function.Supplier;
import org.presstrace.access.internal.AuditStore;
import org.presstrace.access.internal.ReadPlacement;
import org.presstrace.shared.Page;
import org.presstrace.shared.PageQuery;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The append-only audit trail of every read of a protected record and every write. Nothing in
 * PressTrace updates or deletes it; auditors search and export it.
 */
@Service
public class AuditTrail {

  /** The MDC key under which the web layer keeps the request id. */
  public static final String REQUEST_ID = "requestId";

  private static final int DETAIL_LIMIT = 4000;

  /**
   * The name of the transaction in which the entries of a read served by the replica are written on
   * the primary: not a write of the user's own that later reads must see.
   */
  public static final String BESIDE_READ = AuditTrail.class.getName() + ".besideRead";

  /** The resource under which {@link #together} holds back the entries of its reads. */
  private static final String TOGETHER = AuditTrail.class.getName() + ".together";

  private final AuditStore store;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate besideRead;
  private final ObjectProvider<ReadPlacement> placement;

  AuditTrail(
      AuditStore store,
      Clock clock,
      ApplicationEventPublisher events,
      PlatformTransactionManager transactions,
      ObjectProvider<ReadPlacement> placement) {
    this.store = store;
    this.clock = clock;
    this.events = events;
    this.placement = placement;
    this.besideRead = new TransactionTemplate(transactions);
    besideRead.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    besideRead.setName(BESIDE_READ);
  }

  /**
   * Records a read or a write by {@code context}, in the caller's transaction, on its connection.
   * Only when that connection is the read replica's (a {@link LagTolerant} read served by the
   * replica, which can write nothing) are the entries written on the primary instead, in one
   * transaction of their own as the read commits: a connection from the primary's pool while the
   * read holds one from the replica's, never two from one pool. Should that fail, the read fails,
   * so that no read is shown without its entry.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(
      AccessContext context,
      String action,
      String kind,
      String recordId,
      String outcome,
      String detail) {
    AuditEntry entry =
        entry(
            context.caller().username(),
            context.caller().agency(),
            action,
            kind,
            truncate(recordId, 64),
            context.channel(),
            context.purposeText(),
            outcome,
            detail);
    @SuppressWarnings("unchecked")
    var heldBack = (List<AuditEntry>) TransactionSynchronizationManager.getResource(TOGETHER);
    if (heldBack != null) {
      heldBack.add(entry);
    } else {
      write(List.of(entry));
    }
  }

  /**
   * Runs {@code reads} (several guarded reads of one request, such as a trace's search, parts and
   * histories) with the entries they record held back, then writes them all in one multi-row insert
   * before returning, each announced to the ledger as {@link #record} does: the same entries, in
   * the same transaction, in one statement instead of one each. Should {@code reads} fail, the
   * entries recorded so far are written as {@link #record} would have written them, and the failure
   * goes on (a rollback takes them with it); should the write fail, the reads fail. Nested calls
   * write with the outermost.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public <T> T together(Supplier<T> reads) {
    if (TransactionSynchronizationManager.hasResource(TOGETHER)) {
      return reads.get();
    }
    var heldBack = new ArrayList<AuditEntry>();
    TransactionSynchronizationManager.bindResource(TOGETHER, heldBack);
    T result;
    try {
      result = reads.get();
    } catch (RuntimeException | Error failure) {
      // What was recorded before the failure is written as it would have been without holding
      // back: a transaction that commits anyway (a NotFound let through) keeps those entries, one
      // that rolls back takes them with it.
      TransactionSynchronizationManager.unbindResource(TOGETHER);
      if (!heldBack.isEmpty()) {
        try {
          write(heldBack);
        } catch (RuntimeException written) {
          failure.addSuppressed(written);
        }
      }
      throw failure;
    }
    TransactionSynchronizationManager.unbindResource(TOGETHER);
    if (!heldBack.isEmpty()) {
      write(heldBack);
    }
    return result;
  }

  /**
   * Writes entries on the transaction's own connection, or, when that connection is the read
   * replica's (a {@link LagTolerant} read served by the replica, which can write nothing), on the
   * primary in one transaction of their own as the read commits: a connection from the primary's
   * pool while the read holds one from the replica's, never two from one pool. Should that fail,
   * the read fails, so that no read is shown without its entry.
   */
  private void write(List<AuditEntry> entries) {
    var copy = List.copyOf(entries);
    Runnable insert = () -> insert(copy);
    ReadPlacement reads = placement.getIfAvailable();
    if (reads != null && reads.onReplica()) {
      besideRead().add(insert);
    } else {
      insert.run();
    }
  }

  /**
   * The entries of the current read on the replica, written together in one transaction of their
   * own on the primary as the read commits (one commit on the primary per read): should that fail,
   * the read fails too.
   */
  private List<Runnable> besideRead() {
    @SuppressWarnings("unchecked")
    var pending = (List<Runnable>) TransactionSynchronizationManager.getResource(BESIDE_READ);
    if (pending != null) {
      return pending;
    }
    var entries = new ArrayList<Runnable>();
    TransactionSynchronizationManager.bindResource(BESIDE_READ, entries);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void beforeCommit(boolean readOnly) {
            if (!entries.isEmpty()) {
              var written = List.copyOf(entries);
              entries.clear();
              besideRead.executeWithoutResult(status -> written.forEach(Runnable::run));
            }
          }

          @Override
          public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(BESIDE_READ);
          }
        });
    return entries;
  }

  /** Records an event with no signed-in caller, such as a failed login. */
  @Transactional
  public void recordAnonymous(String username, String action, String outcome, String detail) {
    insert(
        List.of(
            entry(
                truncate(username, 64),
                null,
                action,
                null,
                null,
                Channel.API,
                null,
                outcome,
                detail)));
  }

  /** An entry as it will be stored, stamped now, without its id. */
  private AuditEntry entry(
      String username,
      String agency,
      String action,
      String kind,
      String recordId,
      Channel channel,
      String purpose,
      String outcome,
      String detail) {
    return new AuditEntry(
        0,
        clock.instant().truncatedTo(ChronoUnit.MICROS),
        username,
        agency,
        action,
        kind,
        recordId,
        channel,
        purpose,
        outcome,
        truncate(detail, DETAIL_LIMIT),
        MDC.get(REQUEST_ID));
  }

  /**
   * Writes entries (one insert for one, one multi-row insert for several) and announces each,
   * inside the caller's transaction, so that the ledger queues them in the same commit: an entry is
   * either in both the trail and the ledger's queue (and then the log), or in neither.
   */
  private void insert(List<AuditEntry> entries) {
    List<Long> ids =
        entries.size() == 1 ? List.of(store.append(entries.get(0))) : store.appendAll(entries);
    for (int i = 0; i < entries.size(); i++) {
      AuditEntry e = entries.get(i);
      events.publishEvent(
          new AuditRecorded(
              new AuditEntry(
                  ids.get(i),
                  e.occurredAt(),
                  e.username(),
                  e.agency(),
                  e.action(),
                  e.kind(),
                  e.recordId(),
                  e.channel(),
                  e.purpose(),
                  e.outcome(),
                  e.detail(),
                  e.requestId())));
    }
  }

  /** One page of the trail, newest first; only auditors search it, and the search is recorded. */
  @Transactional
  public Page<AuditEntry> search(AccessContext context, AuditQuery query, PageQuery page) {
    requireAuditor(context);
    long total = store.count(query);
    List<AuditEntry> entries = store.page(query, page.size(), page.offset());
    record(context, "AUDIT_SEARCH", "audit-event", null, "SHOWN", describe(query, total));
    return new Page<>(entries, page.page(), page.size(), total);
  }

  /** Streams every matching entry, oldest first, to {@code sink}; recorded as an export. */
  @Transactional
  public long export(AccessContext context, AuditQuery query, Consumer<AuditEntry> sink) {
    requireAuditor(context);
    long[] count = {0};
    store.each(
        query,
        entry -> {
          sink.accept(entry);
          count[0]++;
        });
    record(
        context.via(Channel.EXPORT),
        "AUDIT_EXPORT",
        "audit-event",
        null,
        "SHOWN",
        describe(query, count[0]));
    return count[0];
  }

  /** One entry as stored now, for checking it against the ledger; empty when it is gone. */
  @Transactional(readOnly = true)
  public Optional<AuditEntry> entry(long id) {
    return store.find(id);
  }

  /** How many entries the trail holds, for checking the trail against the ledger. */
  @Transactional(readOnly = true)
  public long count() {
    return store.count();
  }

  /**
   * The smallest id of an entry that is not in {@code ids}, for finding the first entry the ledger
   * lacks; empty when every entry is. Reads ids in order and stops at the first missing one; not
   * audited, like {@link #entry}.
   */
  @Transactional(readOnly = true)
  public OptionalLong firstNotIn(Set<Long> ids) {
    return firstIdNotIn(ids::contains);
  }

  /**
   * The lowest entry id for which {@code held} is false, for checking the trail against a log that
   * must hold every entry; empty when it holds them all. Reads the ids in pages, oldest first.
   */
  @Transactional(readOnly = true)
  public OptionalLong firstIdNotIn(LongPredicate held) {
    return store.firstIdNotIn(held);
  }

  private static void requireAuditor(AccessContext context) {
    if (!context.caller().has(Role.AUDITOR)) {
      throw new org.springframework.security.access.AccessDeniedException(
          "only auditors read the audit trail");
    }
  }

  private static String describe(AuditQuery query, long results) {
    return "query " + query + "; " + results + " entries";
  }

  private static String truncate(String text, int limit) {
    return text == null || text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
  }
}
