package org.presstrace.demo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.presstrace.access.AccessContext;
import org.presstrace.access.Grants;
import org.presstrace.registry.ComplianceItem;
import org.presstrace.registry.ComplianceQueue;
import org.presstrace.registry.DemoHistory;
import org.presstrace.registry.Party;
import org.presstrace.registry.Registry;
import org.presstrace.registry.ReportKind;
import org.presstrace.registry.ReportedItem;
import org.presstrace.registry.TransactionReportForm;
import org.presstrace.registry.TransactionReports;
import org.presstrace.shared.PageQuery;
import org.springframework.stereotype.Component;

/**
 * What waits on each demo login's home page once the world is loaded: open compliance items shared
 * out among the investigators, analyst and supervisors, a compartment membership the administrator
 * asked for and DEA's supervisor decides, an import Acme files for next week, and the dealer's and
 * the owner's registrations coming up for renewal.
 */
@Component
class HomeDemo {

  /** Who works which share of the open compliance queue, oldest items first. */
  private static final List<String> ASSIGNEES =
      List.of(
          "dea.investigator",
          "dea.investigator",
          "dea.investigator",
          "dea.analyst",
          "dea.analyst",
          "cbp.investigator",
          "cbp.investigator",
          "dea.supervisor",
          "pto.supervisor");

  private final ComplianceQueue compliance;
  private final Grants grants;
  private final TransactionReports reports;
  private final Registry registry;
  private final DemoHistory history;

  HomeDemo(
      ComplianceQueue compliance,
      Grants grants,
      TransactionReports reports,
      Registry registry,
      DemoHistory history) {
    this.compliance = compliance;
    this.grants = grants;
    this.reports = reports;
    this.registry = registry;
    this.history = history;
  }

  void load(Function<String, AccessContext> as) {
    AccessContext supervisor = as.apply("dea.supervisor");
    List<ComplianceItem> open =
        compliance.list(supervisor, "OPEN", null, PageQuery.of(0, ASSIGNEES.size()));
    for (int i = 0; i < open.size(); i++) {
      compliance.assign(supervisor, open.get(i).id(), ASSIGNEES.get(i));
    }

    grants.requestMembership(as.apply("admin"), "OP-IRONPRESS", "dea.analyst");

    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    reports.file(
        as.apply("acme.registrant"),
        new TransactionReportForm(
            ReportKind.IMPORT,
            "Replacement turret for a customer's rotary press",
            today.plusDays(4),
            "Newark",
            new Party("Acme Tablet Machinery LLC", "USA"),
            new Party("Shanghai Tianhe Machinery Co.", "CHN"),
            null,
            null,
            List.of(new ReportedItem(null, "Shanghai Tianhe", "ZP-35D", "TH-ZP35-26-0417"))));

    for (String login : List.of("tristate.dealer", "greenvalley.owner")) {
      registry
          .registrantOf(as.apply(login).caller())
          .ifPresent(registrant -> history.expireOn(registrant.id(), today.plusDays(45)));
    }
  }
}
