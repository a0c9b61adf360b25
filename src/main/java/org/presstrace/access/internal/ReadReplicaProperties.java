package org.presstrace.access.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The streaming read replica, set through {@code presstrace.db.read.*} (docs/deployment.md, "Read
 * replica"). Without a URL there is no replica and every read goes to the primary.
 *
 * @param url JDBC URL of a PostgreSQL streaming replica of the primary; blank for none
 * @param username the replica's role, by default the primary's
 * @param password that role's password
 * @param poolSize connections to the replica
 * @param maxLag reads go to the primary while the replica is further behind than this
 * @param checkInterval how often the replica's replay position and the primary's are compared
 * @param connectTimeout how long a read waits for a replica connection before it reads the primary
 */
@ConfigurationProperties("presstrace.db.read")
public record ReadReplicaProperties(
    @DefaultValue("") String url,
    @DefaultValue("") String username,
    @DefaultValue("") String password,
    @DefaultValue("5") int poolSize,
    @DefaultValue("5s") Duration maxLag,
    @DefaultValue("500ms") Duration checkInterval,
    @DefaultValue("2s") Duration connectTimeout) {

  public ReadReplicaProperties {
    if (poolSize < 1) {
      throw new IllegalArgumentException("presstrace.db.read.pool-size must be at least 1");
    }
    if (maxLag.isNegative() || maxLag.isZero()) {
      throw new IllegalArgumentException("presstrace.db.read.max-lag must be positive");
    }
    if (checkInterval.toMillis() < 10) {
      throw new IllegalArgumentException("presstrace.db.read.check-interval is at least 10ms");
    }
    if (connectTimeout.toMillis() < 250) {
      throw new IllegalArgumentException(
          "presstrace.db.read.connect-timeout is at least 250ms (the pool's minimum)");
    }
  }
}
