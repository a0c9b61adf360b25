package org.presstrace.ledger.internal;

import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Wakes the integrator of this process when a writer here has committed entries to the queue, so
 * that they are integrated at once rather than at its next look; entries committed by other
 * processes are found at that look.
 */
@Component
public class IntegrationSignal {

  private final Object monitor = new Object();
  private boolean woken;

  public void wake() {
    synchronized (monitor) {
      woken = true;
      monitor.notifyAll();
    }
  }

  /** Waits until woken or until {@code longest} has passed; consumes the wake-up. */
  public void await(Duration longest) throws InterruptedException {
    long deadline = System.nanoTime() + longest.toNanos();
    synchronized (monitor) {
      while (!woken) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        monitor.wait(Math.max(1, left / 1_000_000));
      }
      woken = false;
    }
  }
}
