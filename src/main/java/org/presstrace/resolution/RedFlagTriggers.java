package org.presstrace.resolution;

import org.presstrace.resolution.internal.RedFlagSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Re-evaluates red flags once a recorded subject is committed: for its own agency and for every
 * agency that has evaluated red flags before and may read it. A failed evaluation is logged and
 * never undoes the recording.
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

  @TransactionalEventListener(fallbackExecution = true)
  void on(SubjectRecorded recorded) {
    if (!settings.reevaluateOnRecord()) {
      return;
    }
    try {
      for (String agency : redFlags.agenciesReading(recorded.subjectId(), recorded.agency())) {
        redFlags.reevaluate(
            agency,
            "subject " + recorded.subjectId() + " recorded by " + recorded.username(),
            recorded.channel());
      }
    } catch (RuntimeException e) {
      LOG.warn(
          "red flags not re-evaluated after subject {}: {}", recorded.subjectId(), e.toString());
    }
  }
}
