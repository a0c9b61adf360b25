package org.presstrace.access.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.presstrace.access.LagTolerant;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Routes each connection to the primary or the streaming replica. The replica serves a connection
 * only to a transaction begun by a {@link LagTolerant} method, while the replica is healthy and the
 * signed-in user has no write it may not have replayed; everything else, and every read the replica
 * fails to connect for, goes to the primary. It sits behind a {@code
 * LazyConnectionDataSourceProxy}, so the choice is made at the transaction's first statement, when
 * its name is known, and is kept with the transaction ({@link #onReplica}) so that the audit trail
 * knows whether it may write on the transaction's own connection.
 */
final class ReadRouting extends AbstractRoutingDataSource implements ReadPlacement {

  /** Where a connection went. */
  enum Target {
    PRIMARY,
    REPLICA
  }

  private final DataSource primary;
  private final ReplicaMonitor monitor;
  private final OwnWrites ownWrites;
  private final AtomicLong toReplica = new AtomicLong();
  private final AtomicLong toPrimary = new AtomicLong();
  private final AtomicLong fellBack = new AtomicLong();

  ReadRouting(DataSource primary, ReplicaMonitor monitor, OwnWrites ownWrites) {
    this.primary = primary;
    this.monitor = monitor;
    this.ownWrites = ownWrites;
    setTargetDataSources(Map.of(Target.PRIMARY, primary, Target.REPLICA, monitor.replica()));
    setDefaultTargetDataSource(primary);
    setLenientFallback(false);
    afterPropertiesSet();
  }

  @Override
  protected Object determineCurrentLookupKey() {
    Placement placement = placement();
    return placement == null ? Target.PRIMARY : placement.settle(this::replicaMayServe);
  }

  @Override
  public Connection getConnection() throws SQLException {
    if (determineCurrentLookupKey() == Target.REPLICA) {
      try {
        Connection connection = monitor.replica().getConnection();
        toReplica.incrementAndGet();
        return connection;
      } catch (SQLException e) {
        monitor.markDown(e);
        fellBack.incrementAndGet();
        placement().target = Target.PRIMARY;
      }
    }
    toPrimary.incrementAndGet();
    return primary.getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    toPrimary.incrementAndGet();
    return primary.getConnection(username, password);
  }

  @Override
  public boolean onReplica() {
    Placement placement = placement();
    return placement != null && placement.settle(() -> false) == Target.REPLICA;
  }

  long toReplica() {
    return toReplica.get();
  }

  long toPrimary() {
    return toPrimary.get();
  }

  long fellBack() {
    return fellBack.get();
  }

  private boolean replicaMayServe() {
    return monitor.healthy() && !ownWrites.pendingFor(OwnWrites.currentUser());
  }

  /**
   * The placement of the current transaction when a {@link LagTolerant} method began it, bound to
   * the transaction (set aside while a transaction of its own runs within it); null for any other.
   */
  private Placement placement() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()
        || !TransactionSynchronizationManager.isActualTransactionActive()
        || !LagTolerantNames.declared(
            TransactionSynchronizationManager.getCurrentTransactionName())) {
      return null;
    }
    var placement = (Placement) TransactionSynchronizationManager.getResource(this);
    if (placement == null) {
      placement = new Placement(this);
      TransactionSynchronizationManager.bindResource(this, placement);
      TransactionSynchronizationManager.registerSynchronization(placement);
    }
    return placement;
  }

  /** Where one lag-tolerant transaction reads: chosen once, at its first connection or question. */
  private static final class Placement implements TransactionSynchronization {

    private final Object key;
    private Target target;

    Placement(Object key) {
      this.key = key;
    }

    Target settle(BooleanSupplier replica) {
      if (target == null) {
        target = replica.getAsBoolean() ? Target.REPLICA : Target.PRIMARY;
      }
      return target;
    }

    @Override
    public void suspend() {
      TransactionSynchronizationManager.unbindResource(key);
    }

    @Override
    public void resume() {
      TransactionSynchronizationManager.bindResource(key, this);
    }

    @Override
    public void afterCompletion(int status) {
      TransactionSynchronizationManager.unbindResourceIfPossible(key);
    }
  }
}
