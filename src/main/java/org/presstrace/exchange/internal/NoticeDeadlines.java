package org.presstrace.exchange.internal;

import org.presstrace.exchange.Notices;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Records missed notice deadlines hourly, on each side for its own copy. */
@Component
class NoticeDeadlines {

  private final ObjectProvider<Notices> notices;

  NoticeDeadlines(ObjectProvider<Notices> notices) {
    this.notices = notices;
  }

  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
  void sweep() {
    notices.getObject().recordMissedDeadlines();
  }
}
