package org.presstrace.seizures.web;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.presstrace.access.AccessContext;
import org.presstrace.access.WorkItem;
import org.presstrace.access.WorkList;
import org.presstrace.seizures.Alerts;
import org.presstrace.seizures.SeizureFilter;
import org.presstrace.seizures.Seizures;
import org.presstrace.shared.PageQuery;
import org.springframework.stereotype.Component;

/**
 * The home page's seizure items: the agency's open alerts the caller may read, and the seizures the
 * caller may read from last month on (seizures need a stated purpose first, as on their page).
 */
@Component
class SeizureWork implements WorkList {

  private static final PageQuery NEWEST = PageQuery.of(0, 5);

  private final Alerts alerts;
  private final Seizures seizures;
  private final Clock clock;

  SeizureWork(Alerts alerts, Seizures seizures, Clock clock) {
    this.alerts = alerts;
    this.seizures = seizures;
    this.clock = clock;
  }

  @Override
  public List<WorkItem> itemsFor(AccessContext context, Predicate<String> mayOpen) {
    var items = new ArrayList<WorkItem>();
    if (mayOpen.test("/alerts")) {
      var open = alerts.page(context, "OPEN", NEWEST);
      items.add(
          WorkItem.counted(
              "Seizures",
              "Open alerts",
              open.totalItems(),
              "/alerts",
              open.items().stream().map(alert -> new WorkItem.Line(alert.title(), null)).toList()));
    }
    if (mayOpen.test("/seizures")) {
      YearMonth since = YearMonth.now(clock.withZone(ZoneOffset.UTC)).minusMonths(1);
      String title = "Seizures since " + since.atDay(1);
      if (context.purpose() == null) {
        items.add(
            WorkItem.noted(
                "Seizures",
                title,
                "/seizures",
                "Seizure records need a stated purpose: state it on the Seizures page to see them"
                    + " here."));
      } else {
        var recent =
            seizures.page(context, SeizureFilter.none().months(since.toString(), null), NEWEST);
        items.add(
            WorkItem.counted(
                "Seizures",
                title,
                recent.totalItems(),
                "/seizures",
                recent.items().stream()
                    .map(
                        seizure ->
                            new WorkItem.Line(
                                seizure.reference()
                                    + ", "
                                    + seizure.occurredAt().toLocalDate()
                                    + (seizure.place() == null ? "" : ", " + seizure.place()),
                                "/seizures/" + seizure.id()))
                    .toList()));
      }
    }
    return items;
  }
}
