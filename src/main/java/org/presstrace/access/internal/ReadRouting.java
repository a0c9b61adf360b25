package org.presstrace.access.internal;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.presstrace.access.LagTolerant;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.ClassUtils;

/**
 * Routes each connection to the primary or the streaming replica. The replica serves a connection
 * only for a read-only transaction begun by a {@link LagTolerant} method, while the replica is
 * healthy and the signed-in user has no write it may not have replayed; everything else, and every
 * read the replica fails to connect for, goes to the primary. It sits behind a {@code
 * LazyConnectionDataSourceProxy}, so the choice is made at the transaction's first statement, when
 * its read-only flag and name are known.
 */
final class ReadRouting extends AbstractRoutingDataSource {

  /** Where a connection went. */
  enum Target {
    PRIMARY,
    REPLICA
  }

  private final DataSource primary;
  private final ReplicaMonitor monitor;
  private final OwnWrites ownWrites;
  private final Map<String, Boolean> tolerant = new ConcurrentHashMap<>();
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
    if (!TransactionSynchronizationManager.isActualTransactionActive()
        || !TransactionSynchronizationManager.isCurrentTransactionReadOnly()
        || !lagTolerant(TransactionSynchronizationManager.getCurrentTransactionName())
        || !monitor.healthy()
        || ownWrites.pendingFor(OwnWrites.currentUser())) {
      return Target.PRIMARY;
    }
    return Target.REPLICA;
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

  long toReplica() {
    return toReplica.get();
  }

  long toPrimary() {
    return toPrimary.get();
  }

  long fellBack() {
    return fellBack.get();
  }

  /**
   * Whether the transaction named {@code name} was begun by a {@link LagTolerant} method: Spring
   * names a declarative transaction after the class and method that began it.
   */
  private boolean lagTolerant(String name) {
    if (name == null) {
      return false;
    }
    return tolerant.computeIfAbsent(name, ReadRouting::declaredLagTolerant);
  }

  private static boolean declaredLagTolerant(String name) {
    int dot = name.lastIndexOf('.');
    if (dot <= 0) {
      return false;
    }
    Class<?> type;
    try {
      type = ClassUtils.forName(name.substring(0, dot), ReadRouting.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
    String methodName = name.substring(dot + 1);
    for (Method method : type.getMethods()) {
      if (method.getName().equals(methodName)
          && AnnotatedElementUtils.hasAnnotation(method, LagTolerant.class)) {
        return true;
      }
    }
    return false;
  }
}
