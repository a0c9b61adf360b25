package org.presstrace.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time every process on this machine has spent, from Linux's {@code /proc/stat}: user,
 * nice, system, irq and softirq, not idle, I/O wait or time stolen by other guests. When the
 * database runs on the same machine as the benchmark, the difference over a phase divided by the
 * phase's transactions is what one transaction costs the machine, the database's share included: a
 * second view beside the rate (it still counts what other processes on the machine spend, and
 * slower cores spend more ticks on the same work).
 */
final class HostCpu {

  /** Linux reports {@code /proc/stat} in ticks of 1/100 s on every platform it runs on. */
  private static final int MILLIS_PER_TICK = 10;

  private HostCpu() {}

  /** Busy milliseconds since boot, or -1 where {@code /proc/stat} cannot be read. */
  static long busyMillis() {
    try {
      String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
      String[] fields = first.trim().split("\\s+");
      if (!"cpu".equals(fields[0]) || fields.length < 8) {
        return -1;
      }
      long ticks = 0;
      for (int column : new int[] {1, 2, 3, 6, 7}) {
        ticks += Long.parseLong(fields[column]);
      }
      return ticks * MILLIS_PER_TICK;
    } catch (IOException | RuntimeException unreadable) {
      return -1;
    }
  }
}
