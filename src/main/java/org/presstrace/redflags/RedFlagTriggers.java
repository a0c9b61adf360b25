package org.presstrace.redflags;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.presstrace.access.Channel;
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
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Re-evaluates red flags once a recorded subject or link is committed: for its own agency at once,
 * and for every other agency that has evaluated red flags before and may read it before that
 * agency's flags are next shown (see {@link RedFlags#defer}), so that recording one record never
 * waits for an evaluation per agency. A failed evaluation is logged and never undoes the recording.
 */
@Component
class RedFlagTriggers {

  private static final Logger LOG = LoggerFactory.getLogger(RedFlagTriggers.class);

  private final RedFlags redFlags;
  private final RedFlagSettings settings;
  private final Map<String, Instant> lastStarted = new ConcurrentHashMap<>();

  RedFlagTriggers(RedFlags redFlags, RedFlagSettings settings) {
    this.redFlags = redFlags;
    this.settings = settings;
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(SubjectRecorded recorded) {
    if (!settings.reevaluateOnRecord()) {
      return;
    }
    try {
      reevaluate(
          Subjects.KIND,
          recorded.subjectId(),
          recorded.agency(),
          "subject " + recorded.subjectId() + " recorded by " + recorded.username(),
          recorded.channel(),
          Instant.now());
    } catch (RuntimeException e) {
      LOG.warn(
          "red flags not re-evaluated after subject {}: {}", recorded.subjectId(), e.toString());
    }
  }

  /** A link written; a batch re-evaluates each agency once. */
  @TransactionalEventListener(fallbackExecution = true)
  void on(LinkRecorded recorded) {
    if (!settings.reevaluateOnRecord()) {
      return;
    }
    try {
      reevaluate(
          Links.KIND,
          recorded.linkId(),
          recorded.agency(),
          "link " + recorded.linkId() + " recorded by " + recorded.username(),
          recorded.channel(),
          recorded.recordedAt());
    } catch (RuntimeException e) {
      LOG.warn("red flags not re-evaluated after link {}: {}", recorded.linkId(), e.toString());
    }
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

  private void reevaluate(
      ProtectedKind kind,
      String recordId,
      String owner,
      String trigger,
      Channel channel,
      Instant recordedAt) {
    for (String agency : redFlags.agenciesReading(kind, recordId, owner)) {
      if (!agency.equals(owner)) {
        redFlags.defer(agency, trigger);
        continue;
      }
      Instant last = lastStarted.get(agency);
      if (last != null && last.isAfter(recordedAt)) {
        continue; // an evaluation that started after this record was committed has seen it
      }
      lastStarted.put(agency, Instant.now());
      redFlags.reevaluate(agency, trigger, channel);
    }
  }
}
