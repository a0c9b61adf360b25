package org.presstrace.access.web;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AuditQuery;
import org.presstrace.access.AuditTrail;
import org.presstrace.access.Caller;
import org.presstrace.access.GrantStatus;
import org.presstrace.access.Grants;
import org.presstrace.access.Release;
import org.presstrace.access.ReleaseStatus;
import org.presstrace.access.Releases;
import org.presstrace.access.Role;
import org.presstrace.access.WorkItem;
import org.presstrace.access.WorkList;
import org.presstrace.shared.PageQuery;
import org.springframework.stereotype.Component;

/**
 * The home page's releases, grants and audit items: releases a supervisor may approve, the caller's
 * own requests still undecided, records released to the caller's agency, grants awaiting a second
 * person, and the audit trail's last day for auditors. Each list is the one its page shows.
 */
@Component
class AccessWork implements WorkList {

  private static final int LINES = 5;

  private final Releases releases;
  private final Grants grants;
  private final AuditTrail audit;
  private final Clock clock;

  AccessWork(Releases releases, Grants grants, AuditTrail audit, Clock clock) {
    this.releases = releases;
    this.grants = grants;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public List<WorkItem> itemsFor(AccessContext context, Predicate<String> mayOpen) {
    Caller caller = context.caller();
    var items = new ArrayList<WorkItem>();
    if (mayOpen.test("/releases")) {
      List<Release> pending = releases.inbox(context, ReleaseStatus.PENDING);
      if (caller.has(Role.SUPERVISOR)) {
        items.add(
            releaseItem(
                "Releases to approve",
                pending.stream()
                    .filter(release -> !release.requestedBy().equals(caller.username()))
                    .toList()));
      }
      if (caller.has(Role.INVESTIGATOR)) {
        items.add(
            releaseItem(
                "Your release requests awaiting a decision",
                pending.stream()
                    .filter(release -> release.requestedBy().equals(caller.username()))
                    .toList()));
      }
      if (caller.foreign()) {
        items.add(
            releaseItem(
                "Records released to your agency",
                releases.inbox(context, ReleaseStatus.APPROVED).stream()
                    .filter(release -> release.targetAgency().equals(caller.agency()))
                    .toList()));
      }
    }
    if (mayOpen.test("/grants")) {
      var pendingGrants = grants.inbox(context, GrantStatus.PENDING);
      var waiting =
          pendingGrants.stream()
              .filter(grant -> !grant.requestedBy().equals(caller.username()))
              .filter(
                  grant ->
                      caller.has(Role.SUPERVISOR) && grant.approverAgency().equals(caller.agency()))
              .toList();
      var asked =
          pendingGrants.stream()
              .filter(grant -> grant.requestedBy().equals(caller.username()))
              .toList();
      if (caller.has(Role.SUPERVISOR)) {
        items.add(
            WorkItem.counted(
                "Administration",
                "Grants to approve",
                waiting.size(),
                "/grants",
                waiting.stream()
                    .limit(LINES)
                    .map(grant -> line(grant.what() + " for " + grant.username()))
                    .toList()));
      }
      if (caller.has(Role.ADMINISTRATOR)) {
        items.add(
            WorkItem.counted(
                "Administration",
                "Your grant requests awaiting a second person",
                asked.size(),
                "/grants",
                asked.stream()
                    .limit(LINES)
                    .map(grant -> line(grant.what() + " for " + grant.username()))
                    .toList()));
      }
    }
    if (mayOpen.test("/audit") && caller.has(Role.AUDITOR)) {
      var since = clock.instant().minus(Duration.ofDays(1));
      long entries =
          audit
              .search(
                  context,
                  new AuditQuery(null, null, null, null, null, since, null),
                  PageQuery.of(0, 1))
              .totalItems();
      items.add(
          WorkItem.counted(
              "Administration",
              "Audit entries in the last 24 hours",
              entries,
              "/audit",
              List.of()));
    }
    return items;
  }

  private static WorkItem releaseItem(String title, List<Release> releases) {
    return WorkItem.counted(
        "Intelligence",
        title,
        releases.size(),
        "/releases",
        releases.stream()
            .limit(LINES)
            .map(
                release ->
                    line(
                        release.kind()
                            + " record from "
                            + release.ownerAgency()
                            + " to "
                            + release.targetAgency()
                            + ", asked by "
                            + release.requestedBy()))
            .toList());
  }

  private static WorkItem.Line line(String text) {
    return new WorkItem.Line(text, null);
  }
}
