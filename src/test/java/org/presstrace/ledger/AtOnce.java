package org.presstrace.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Threads released together, each checking answers against ones computed beforehand. */
final class AtOnce {

  /** Whether the {@code round}-th answer of the thread numbered {@code thread} is right. */
  interface Check {
    boolean right(int thread, int round);
  }

  private AtOnce() {}

  /**
   * Runs {@code rounds} checks on each of {@code threads} threads, all started at once, and answers
   * how many each thread found wrong.
   */
  static List<Integer> wrongAnswers(int threads, int rounds, Check check) throws Exception {
    var pool = Executors.newFixedThreadPool(threads);
    try {
      var start = new CountDownLatch(1);
      var results = new ArrayList<Future<Integer>>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  int wrong = 0;
                  for (int i = 0; i < rounds; i++) {
                    if (!check.right(thread, i)) {
                      wrong++;
                    }
                  }
                  return wrong;
                }));
      }
      start.countDown();
      var wrong = new ArrayList<Integer>();
      for (var result : results) {
        wrong.add(result.get());
      }
      return wrong;
    } finally {
      pool.shutdownNow();
    }
  }
}
