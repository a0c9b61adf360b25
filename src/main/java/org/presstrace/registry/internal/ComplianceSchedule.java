package org.presstrace.registry.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.ZoneOffset;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sweeps the compliance queue daily ({@code presstrace.registry.compliance.sweep-cron}, UTC; {@code
 * -} turns it off), once for all the nodes on the database: the sweep is a db-scheduler recurring
 * task, each run picked by one node. The items it raises are audited as written by the user {@value
 * #USER} of the operator agency, on the CLI channel (no request behind them).
 */
@Configuration(proxyBeanMethods = false)
class ComplianceSchedule {

  static final String USER = "compliance-sweep";

  /** The sweep's name in the job table and the sweep log. */
  static final String TASK = "compliance-sweep";

  private static final Logger log = LoggerFactory.getLogger(ComplianceSchedule.class);

  @Bean
  RecurringTask<Void> complianceSweep(
      ComplianceQueue queue,
      Directory directory,
      @Value("${presstrace.registry.compliance.sweep-cron:0 30 2 * * *}") String cron) {
    return Tasks.recurring(TASK, Schedules.cron(cron, ZoneOffset.UTC))
        .execute((instance, execution) -> sweep(queue, directory));
  }

  static void sweep(ComplianceQueue queue, Directory directory) {
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
