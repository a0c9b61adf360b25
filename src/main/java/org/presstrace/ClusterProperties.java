package org.presstrace;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How this node works beside others on the same database, set through {@code presstrace.cluster.*}
 * (docs/deployment.md).
 *
 * @param enabled sessions kept in the database (so a user moves between nodes without signing in
 *     again) and the resolution index told of every other node's subjects and judgements through
 *     PostgreSQL notifications; off for a single node, where sessions stay in memory
 * @param nodeName this node's name in the job table and the sweep log; the host name and process id
 *     when empty
 * @param workers background workers of this node (imports, sweeps)
 * @param poll how often this node looks for due jobs that another node scheduled
 * @param heartbeat how often a node running a job says it is alive
 * @param missedHeartbeats heartbeats missed before another node takes over a job as dead
 * @param resubmitEvery how often one node of the cluster looks for event publications (work after a
 *     commit, such as re-screening) left incomplete
 * @param resubmitAfter how old an incomplete publication must be to be handed to its listeners
 *     again: longer than the slowest run of such work takes
 */
@ConfigurationProperties("presstrace.cluster")
@Validated
public record ClusterProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("") String nodeName,
    @DefaultValue("3") @Positive int workers,
    @DefaultValue("2s") Duration poll,
    @DefaultValue("5s") Duration heartbeat,
    @DefaultValue("6") @Positive int missedHeartbeats,
    @DefaultValue("1m") Duration resubmitEvery,
    @DefaultValue("15m") Duration resubmitAfter) {

  public ClusterProperties {
    if (resubmitEvery.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          "presstrace.cluster.resubmit-every " + resubmitEvery + " is shorter than a second");
    }
    if (resubmitAfter.isNegative()) {
      throw new IllegalArgumentException(
          "presstrace.cluster.resubmit-after " + resubmitAfter + " is negative");
    }
  }
}
