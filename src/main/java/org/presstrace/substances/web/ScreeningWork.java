package org.presstrace.substances.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.presstrace.access.AccessContext;
import org.presstrace.access.WorkItem;
import org.presstrace.access.WorkList;
import org.presstrace.shared.PageQuery;
import org.presstrace.substances.ManifestScreenings;
import org.springframework.stereotype.Component;

/**
 * The home page's screening items: the caller's own manifest screenings, newest first, and the
 * screening alerts the caller may read.
 */
@Component
class ScreeningWork implements WorkList {

  private final ManifestScreenings screenings;

  ScreeningWork(ManifestScreenings screenings) {
    this.screenings = screenings;
  }

  @Override
  public List<WorkItem> itemsFor(AccessContext context, Predicate<String> mayOpen) {
    var items = new ArrayList<WorkItem>();
    if (mayOpen.test("/substances/screenings")) {
      var mine = screenings.page(context, true, PageQuery.of(0, 5));
      items.add(
          WorkItem.counted(
              "Substances",
              "Your manifest screenings",
              mine.totalItems(),
              "/substances/screenings",
              mine.items().stream()
                  .map(
                      screening ->
                          new WorkItem.Line(
                              screening.title()
                                  + ": "
                                  + screening.flagged()
                                  + " of "
                                  + screening.lines()
                                  + " lines flagged",
                              "/substances/screenings/" + screening.id()))
                  .toList()));
      var alerts = screenings.alerts(context, null, PageQuery.of(0, 5));
      items.add(
          WorkItem.counted(
              "Substances",
              "Screening alerts",
              alerts.totalItems(),
              "/substances/alerts",
              alerts.items().stream()
                  .map(
                      alert ->
                          new WorkItem.Line(
                              alert.description() + " now matches " + alert.substanceName(), null))
                  .toList()));
    }
    return items;
  }
}
