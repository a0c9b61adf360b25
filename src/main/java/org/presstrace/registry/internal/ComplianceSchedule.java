package org.presstrace.registry.internal;

import java.util.Set;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Caller;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.registry.ComplianceQueue;
import org.presstrace.shared.CountryCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sweeps the compliance queue daily ({@code presstrace.registry.compliance.sweep-cron}, UTC; {@code
 * -} turns it off). The items it raises are audited as written by the user {@value #USER} of the
 * operator agency, on the CLI channel (no request behind them).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ComplianceSchedule {

  static final String USER = "compliance-sweep";

  private static final Logger log = LoggerFactory.getLogger(ComplianceSchedule.class);

  private final ComplianceQueue queue;
  private final Directory directory;

  ComplianceSchedule(ComplianceQueue queue, Directory directory) {
    this.queue = queue;
    this.directory = directory;
  }

  @Scheduled(cron = "${presstrace.registry.compliance.sweep-cron:0 30 2 * * *}", zone = "UTC")
  void sweep() {
    String operator = directory.operatorAgency();
    var agency = directory.agency(operator);
    var caller =
        new Caller(
            USER,
            operator,
            agency.map(a -> a.kind()).orElse(AgencyKind.FEDERAL),
            agency.map(a -> a.country()).orElse(new CountryCode("USA")),
            Set.of(),
            Set.of());
    var result = queue.sweep(new AccessContext(caller, Channel.CLI, null));
    log.info("compliance sweep raised {}", result.raised());
  }
}
