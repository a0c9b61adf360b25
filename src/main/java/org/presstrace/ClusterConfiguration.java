package org.presstrace;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.web.context.WebApplicationContext;

/**
 * Background work shared by every node on one database, with db-scheduler: each module declares its
 * {@link Task}s as beans (one-time jobs such as imports, {@link RecurringTask} sweeps), and one
 * scheduler per node runs whatever is due, each execution picked by exactly one node, taken over by
 * another when its node stops sending heartbeats. A recurring task is a sweep: every run of one is
 * logged in {@code sweep_run} with the node that ran it.
 *
 * <p>The scheduler runs in the server only (web application): the command line's one-off contexts
 * may schedule jobs but run none.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClusterProperties.class)
class ClusterConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ClusterConfiguration.class);

  @Bean
  SchedulerName nodeName(ClusterProperties cluster) {
    String name = cluster.nodeName();
    if (name == null || name.isBlank()) {
      String host;
      try {
        host = InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        host = "localhost";
      }
      name = host + "-" + ManagementFactory.getRuntimeMXBean().getPid() + "-" + shortId();
    }
    return new SchedulerName.Fixed(name);
  }

  /**
   * The scheduler; jobs scheduled inside a transaction are stored in that transaction (through a
   * transaction-aware data source), so that a job and what it works on are committed together.
   */
  @Bean
  Scheduler scheduler(
      DataSource dataSource,
      ObjectProvider<Task<?>> tasks,
      ClusterProperties cluster,
      SchedulerName node) {
    List<Task<?>> jobs = new ArrayList<>();
    List<RecurringTask<?>> sweeps = new ArrayList<>();
    for (Task<?> task : tasks.orderedStream().toList()) {
      if (task instanceof RecurringTask<?> recurring) {
        sweeps.add(recurring);
      } else {
        jobs.add(task);
      }
    }
    Set<String> sweepNames =
        sweeps.stream().map(Task::getName).collect(Collectors.toUnmodifiableSet());
    var log = new SweepLog(JdbcClient.create(dataSource), node.getName(), sweepNames);
    return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), jobs)
        .schedulerName(node)
        .threads(cluster.workers())
        .pollingInterval(cluster.poll())
        .heartbeatInterval(cluster.heartbeat())
        .missedHeartbeatsLimit(cluster.missedHeartbeats())
        .enableImmediateExecution()
        .startTasks(startable(sweeps))
        .addSchedulerListener(log)
        .build();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List startable(List<RecurringTask<?>> sweeps) {
    List<Object> startable = new ArrayList<>();
    for (RecurringTask<?> sweep : sweeps) {
      if (sweep instanceof OnStartup) {
        startable.add(sweep);
      }
    }
    return startable;
  }

  @Bean
  SchedulerLifecycle schedulerLifecycle(Scheduler scheduler) {
    return new SchedulerLifecycle(scheduler);
  }

  private static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** Starts the scheduler once a server is ready; stops it, waiting for running jobs, at close. */
  static final class SchedulerLifecycle {

    private final Scheduler scheduler;
    private volatile boolean running;

    SchedulerLifecycle(Scheduler scheduler) {
      this.scheduler = scheduler;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready(ApplicationReadyEvent event) {
      if (event.getApplicationContext() instanceof WebApplicationContext && !running) {
        scheduler.start();
        running = true;
      }
    }

    /**
     * Stops the scheduler, waiting for running jobs, when the context closes: the first thing a
     * close does, while the pool and the web server are still up. Not a lifecycle stop: a context
     * that is only paused (as the test framework pauses cached contexts) keeps its scheduler, which
     * could not be started again once stopped.
     */
    @EventListener(ContextClosedEvent.class)
    void closing(ContextClosedEvent event) {
      if (running) {
        running = false;
        scheduler.stop();
      }
    }
  }

  /** Logs each run of a sweep with the node that ran it, so that a run once per cluster shows. */
  static final class SweepLog extends AbstractSchedulerListener {

    private final JdbcClient jdbc;
    private final String node;
    private final Set<String> sweeps;

    SweepLog(JdbcClient jdbc, String node, Set<String> sweeps) {
      this.jdbc = jdbc;
      this.node = node;
      this.sweeps = sweeps;
    }

    @Override
    public void onExecutionComplete(ExecutionComplete complete) {
      String sweep = complete.getExecution().taskInstance.getTaskName();
      if (!sweeps.contains(sweep)) {
        return;
      }
      try {
        jdbc.sql(
                "INSERT INTO sweep_run (id, sweep, node, started_at, finished_at, outcome)"
                    + " VALUES (?, ?, ?, ?, ?, ?)")
            .params(
                UUID.randomUUID().toString(),
                sweep,
                node,
                complete.getTimeDone().minus(complete.getDuration()).atOffset(ZoneOffset.UTC),
                complete.getTimeDone().atOffset(ZoneOffset.UTC),
                abbreviated(
                    complete.getResult()
                        + complete.getCause().map(cause -> ": " + cause.getMessage()).orElse("")))
            .update();
      } catch (RuntimeException e) {
        log.warn("could not log a run of sweep {}", sweep, e);
      }
    }

    private static String abbreviated(String outcome) {
      return outcome.length() > 1000 ? outcome.substring(0, 1000) : outcome;
    }
  }
}
