package org.presstrace.ledger.internal;

import org.presstrace.ledger.LedgerIntegrator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the integrator while this process leads: waits for leadership ({@link Leadership}), then
 * integrates batch after batch, resting {@code integrate-every} when the queue is empty unless a
 * local commit wakes it. On a failure (the database gone, leadership lost) it gives leadership up
 * and tries again. On shutdown it first integrates what is committed, after the web server has
 * stopped taking requests (its phase is below the server's).
 */
@Component
class IntegrationLoop implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(IntegrationLoop.class);

  /** Stops after the web server (which stops at DEFAULT_PHASE - 1024 and - 2048). */
  static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

  private final LedgerIntegrator integrator;
  private final Leadership leadership;
  private final IntegrationSignal signal;
  private final LedgerProperties properties;
  private volatile boolean running;
  private volatile boolean leading;
  private Thread thread;

  IntegrationLoop(
      LedgerIntegrator integrator,
      Leadership leadership,
      IntegrationSignal signal,
      LedgerProperties properties) {
    this.integrator = integrator;
    this.leadership = leadership;
    this.signal = signal;
    this.properties = properties;
  }

  /** Whether this process is the integrator now. */
  boolean leading() {
    return leading;
  }

  @Override
  public synchronized void start() {
    if (running || !properties.integrate()) {
      return;
    }
    running = true;
    thread = new Thread(this::run, "ledger-integrator");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void stop() {
    Thread stopping;
    synchronized (this) {
      if (!running) {
        return;
      }
      running = false;
      stopping = thread;
    }
    signal.wake();
    try {
      stopping.join(60_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }

  private void run() {
    while (running) {
      try (Leadership.Lease lease = leadership.acquire(() -> running)) {
        if (lease == null) {
          break;
        }
        leading = true;
        log.info("this process now integrates the ledger");
        while (running && lease.held()) {
          if (integrator.integrate(properties.batch()) < properties.batch()) {
            signal.await(properties.integrateEvery());
            gather();
          }
        }
        if (lease.held()) {
          integrator.drain(properties.batch());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException | java.sql.SQLException e) {
        if (!running) {
          log.warn(
              "ledger integration failed while stopping; committed entries stay queued for the"
                  + " next integrator: {}",
              e.toString());
          return;
        }
        log.warn("ledger integration failed, retrying: {}", e.toString());
        rest();
      } finally {
        leading = false;
      }
    }
  }

  /** Lets the commits of other writers join the next batch (see LedgerProperties#gather). */
  private void gather() throws InterruptedException {
    if (running && !properties.gather().isZero()) {
      Thread.sleep(properties.gather().toMillis());
    }
  }

  private void rest() {
    try {
      Thread.sleep(Leadership.RETRY.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
