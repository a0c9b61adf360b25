package org.presstrace.bench;

import java.util.Arrays;
import java.util.Locale;

/** Latency samples in nanoseconds, summarised by exact percentiles of the sorted samples. */
final class Latencies {

  private long[] samples = new long[1024];
  private int count;

  void add(long nanos) {
    if (count == samples.length) {
      samples = Arrays.copyOf(samples, count * 2);
    }
    samples[count++] = nanos;
  }

  void addAll(Latencies other) {
    for (int i = 0; i < other.count; i++) {
      add(other.samples[i]);
    }
  }

  int count() {
    return count;
  }

  /** The {@code p}th percentile (0 < p <= 100) in milliseconds, nearest-rank. */
  double percentileMillis(double p) {
    if (count == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(samples, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * count);
    return sorted[Math.max(0, Math.min(count, rank) - 1)] / 1_000_000.0;
  }

  double meanMillis() {
    long total = 0;
    for (int i = 0; i < count; i++) {
      total += samples[i];
    }
    return count == 0 ? Double.NaN : total / (double) count / 1_000_000.0;
  }

  String summary() {
    return String.format(
        Locale.ROOT,
        "n=%d p50=%.2fms p99=%.2fms mean=%.2fms",
        count,
        percentileMillis(50),
        percentileMillis(99),
        meanMillis());
  }
}
