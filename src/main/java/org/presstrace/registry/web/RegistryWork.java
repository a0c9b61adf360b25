package org.presstrace.registry.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.presstrace.access.AccessContext;
import org.presstrace.access.Role;
import org.presstrace.access.WorkItem;
import org.presstrace.access.WorkList;
import org.presstrace.registry.ComplianceQueue;
import org.presstrace.registry.RegistrantStatus;
import org.presstrace.registry.Registry;
import org.presstrace.registry.TransactionReports;
import org.presstrace.shared.PageQuery;
import org.springframework.stereotype.Component;

/**
 * The home page's registry items: for investigators, analysts and supervisors the compliance items
 * assigned to them; for a registrant the imports and exports proposed in the coming seven days and
 * its registration once renewal is open or it has lapsed.
 */
@Component
class RegistryWork implements WorkList {

  private static final int LINES = 5;
  private static final int WEEK = 7;

  private final ComplianceQueue queue;
  private final TransactionReports reports;
  private final Registry registry;
  private final Clock clock;

  RegistryWork(ComplianceQueue queue, TransactionReports reports, Registry registry, Clock clock) {
    this.queue = queue;
    this.reports = reports;
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public List<WorkItem> itemsFor(AccessContext context, Predicate<String> mayOpen) {
    var items = new ArrayList<WorkItem>();
    var caller = context.caller();
    if (mayOpen.test("/registry/compliance")
        && (caller.has(Role.INVESTIGATOR)
            || caller.has(Role.ANALYST)
            || caller.has(Role.SUPERVISOR))) {
      var mine = queue.assignedToMe(context, LINES);
      items.add(
          WorkItem.counted(
              "Registry",
              "Compliance items assigned to you",
              mine.total(),
              "/registry/compliance",
              mine.items().stream()
                  .map(
                      item ->
                          new WorkItem.Line(
                              item.summary()
                                  + (item.dueOn() == null ? "" : " (due " + item.dueOn() + ")"),
                              null))
                  .toList()));
    }
    if (caller.has(Role.REGISTRANT)) {
      var registrant = registry.registrantOf(caller);
      if (registrant.isPresent()) {
        LocalDate today = LocalDate.now(clock.withZone(registry.filingZone(registrant.get().id())));
        if (mayOpen.test("/registry/transaction-reports")) {
          items.add(moving(context, today));
        }
        var view = registrant.get();
        if (mayOpen.test("/registry/registration") && view.expiresOn() != null) {
          boolean lapsed = view.status() == RegistrantStatus.EXPIRED;
          boolean renewalOpen =
              view.status() == RegistrantStatus.ACTIVE
                  && !registry.terms().renewalOpens(view.expiresOn()).isAfter(today);
          items.add(
              WorkItem.counted(
                  "Registry",
                  "Registration to renew",
                  lapsed || renewalOpen ? 1 : 0,
                  "/registry/registration",
                  lapsed || renewalOpen
                      ? List.of(
                          new WorkItem.Line(
                              (lapsed ? "Expired on " : "Expires on ")
                                  + view.expiresOn()
                                  + "; renew it under My registration.",
                              null))
                      : List.of()));
        }
      }
    }
    return items;
  }

  /** Transaction reports need a stated purpose, as on their page. */
  private WorkItem moving(AccessContext context, LocalDate today) {
    String title = "Imports and exports proposed in the next " + WEEK + " days";
    if (context.purpose() == null) {
      return WorkItem.noted(
          "Registry",
          title,
          "/registry/transaction-reports",
          "Transaction reports need a stated purpose: state it on the Transaction reports page to"
              + " see them here.");
    }
    var moving =
        reports.movingBetween(context, today, today.plusDays(WEEK - 1L), PageQuery.of(0, LINES));
    return WorkItem.counted(
        "Registry",
        title,
        moving.totalItems(),
        "/registry/transaction-reports",
        moving.items().stream()
            .map(
                report ->
                    new WorkItem.Line(
                        report.transactionId()
                            + ": "
                            + report.direction().name().toLowerCase(java.util.Locale.ROOT)
                            + " on "
                            + report.proposedOn(),
                        "/registry/transaction-reports/" + report.transactionId()))
            .toList());
  }
}
