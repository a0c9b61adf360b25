package org.presstrace.cli;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import sun.misc.Signal;

/**
 * Stops PressTrace on SIGTERM or SIGINT by closing its application context first and letting the
 * JVM exit only then.
 *
 * <p>The embedded H2 database is opened with {@code AUTO_SERVER=TRUE} (see {@link
 * StorageOptions#embeddedUrl}), a mode H2 allows only with its own close at exit: H2 adds a JVM
 * shutdown hook that closes the database. The JVM starts all shutdown hooks at once, so that close
 * raced Spring's: a graceful stop stops the web server after its last requests, then the ledger
 * integrator takes what is committed into the log, and whatever of this came after H2's close
 * failed on a closed database. An acknowledged transfer then stayed queued, not in the log, until
 * the next start. Handling the signal ourselves puts Spring's close before every shutdown hook.
 */
final class GracefulStop {

  private static final int SIGNAL_EXIT_BASE = 128;

  /** What to close on a signal, the last added first (the demo runs two applications). */
  private static final Deque<Runnable> CLOSES = new ConcurrentLinkedDeque<>();

  private static boolean handling;

  private GracefulStop() {}

  /**
   * On SIGTERM and SIGINT, runs {@code close} (after those added later) to its end, then exits with
   * 128 plus the signal's number, as the JVM's own handling does. A JVM that does not let the
   * application handle signals ({@code -Xrs}) keeps its own handling.
   */
  static synchronized void install(Runnable close) {
    CLOSES.addFirst(close);
    if (handling) {
      return;
    }
    handling = true;
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        Signal.handle(new Signal(name), GracefulStop::stop);
      } catch (IllegalArgumentException | UnsupportedOperationException reserved) {
        // The JVM keeps this signal (-Xrs): its shutdown hooks, Spring's among them, still run.
      }
    }
  }

  private static void stop(Signal received) {
    try {
      for (Runnable close : CLOSES) {
        close.run();
      }
    } finally {
      System.exit(SIGNAL_EXIT_BASE + received.getNumber());
    }
  }
}
