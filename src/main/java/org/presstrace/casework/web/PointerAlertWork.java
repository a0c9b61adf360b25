package org.presstrace.casework.web;

import java.util.List;
import java.util.function.Predicate;
import org.presstrace.access.AccessContext;
import org.presstrace.access.WorkItem;
import org.presstrace.access.WorkList;
import org.presstrace.casework.PointerAlerts;
import org.springframework.stereotype.Component;

/** The home page's deconfliction item: the open pointer alerts the caller may read. */
@Component
class PointerAlertWork implements WorkList {

  private final PointerAlerts alerts;

  PointerAlertWork(PointerAlerts alerts) {
    this.alerts = alerts;
  }

  @Override
  public List<WorkItem> itemsFor(AccessContext context, Predicate<String> mayOpen) {
    if (!mayOpen.test("/resolution/alerts")) {
      return List.of();
    }
    var open = alerts.mine(context, true);
    return List.of(
        WorkItem.counted(
            "Casework",
            "Open pointer alerts",
            open.size(),
            "/resolution/alerts",
            open.stream().limit(5).map(alert -> new WorkItem.Line(alert.text(), null)).toList()));
  }
}
