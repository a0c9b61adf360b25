package org.presstrace.redflags;

import org.presstrace.access.ProtectedKind;
import org.presstrace.access.ReadersNarrowed;
import org.presstrace.casework.LinkRecorded;
import org.presstrace.casework.Links;
import org.presstrace.casework.SubjectRecorded;
import org.presstrace.casework.Subjects;
import org.presstrace.redflags.internal.RedFlagSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Marks red flags as owed once a recorded subject or link is committed: for its own agency and for
 * every other agency that has evaluated red flags before and may read it, each agency is
 * re-evaluated before its flags are next shown (see {@link RedFlags#defer}) or by its next run.
 *
 * <p>Nothing is evaluated here. This listener runs after the commit but before the request's
 * connection returns to the pool, so an evaluation in a transaction of its own would hold a second
 * connection; enough recordings at once would each hold one and wait for another. Recording a
 * record therefore never waits for an evaluation, and a failed evaluation never undoes it.
 */
@Component
class RedFlagTriggers {

  private static final Logger LOG = LoggerFactory.getLogger(RedFlagTriggers.class);

  private final RedFlags redFlags;
  private final RedFlagSettings settings;

  RedFlagTriggers(RedFlags redFlags, RedFlagSettings settings) {
    this.redFlags = redFlags;
    this.settings = settings;
  }

  @EventListener
  void on(SubjectRecorded recorded) {
    afterCommit(
        () ->
            owed(
                Subjects.KIND,
                recorded.subjectId(),
                recorded.agency(),
                "subject " + recorded.subjectId() + " recorded by " + recorded.username()));
  }

  @EventListener
  void on(LinkRecorded recorded) {
    afterCommit(
        () ->
            owed(
                Links.KIND,
                recorded.linkId(),
                recorded.agency(),
                "link " + recorded.linkId() + " recorded by " + recorded.username()));
  }

  /**
   * Fewer agencies may read a record (a release revoked, a marking tightened): withdraws what was
   * derived from it for them at once, in the transaction that narrowed its readers, so that the
   * change and the withdrawal commit together.
   */
  @EventListener
  void on(ReadersNarrowed narrowed) {
    redFlags.narrowed(narrowed);
  }

  /**
   * Runs {@code action} once the current transaction has committed (at once without one). A
   * synchronisation of our own rather than a transactional event listener: the event publication
   * registry would record such a listener's completion in a transaction of its own, before this
   * request's connection is back in the pool.
   */
  private static void afterCommit(Runnable action) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      action.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            action.run();
          }
        });
  }

  private void owed(ProtectedKind kind, String recordId, String owner, String trigger) {
    if (!settings.reevaluateOnRecord()) {
      return;
    }
    try {
      redFlags
          .agenciesReading(kind, recordId, owner)
          .forEach(agency -> redFlags.defer(agency, trigger));
    } catch (RuntimeException e) {
      LOG.warn("red flags not marked for re-evaluation after {}: {}", trigger, e.toString());
    }
  }
}
