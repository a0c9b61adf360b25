package org.presstrace.resolution.internal;

import java.util.function.ToDoubleBiFunction;

/**
 * The similarities of pairs of values one worker has computed, remembered in a table of fixed size:
 * registers reuse a limited set of given names, family names and cities, so a batch compares the
 * same two values millions of times. A pair's slot is found from both values' identity hash codes,
 * and a pair taking a slot overwrites whatever was there: no growth, no boxing, nothing allocated
 * per pair.
 *
 * <p>Values are told apart by identity: a remembered similarity is returned only when the very
 * objects asked about are stored in the slot, in the same order (the similarities compared here are
 * not exactly symmetric). The values must not change (names and cities are immutable), so every
 * answer is the computation's own; equal values that are different objects are only computed again
 * ({@link SharedCopies} makes them one object). Not shared between threads: each worker keeps its
 * own.
 */
final class RememberedSimilarities<T> {

  private final ToDoubleBiFunction<T, T> similarity;
  private final Object[] lefts;
  private final Object[] rights;
  private final double[] values;
  private final int mask;
  private long asked;
  private long computed;

  /**
   * A table of {@code capacity} pairs (a power of two, or 0 to remember nothing) in front of {@code
   * similarity}.
   */
  RememberedSimilarities(int capacity, ToDoubleBiFunction<T, T> similarity) {
    if (capacity < 0 || Integer.bitCount(capacity) > 1) {
      throw new IllegalArgumentException(
          "capacity " + capacity + " is neither 0 nor a power of two");
    }
    this.similarity = similarity;
    this.lefts = new Object[capacity];
    this.rights = new Object[capacity];
    this.values = new double[capacity];
    this.mask = capacity - 1;
  }

  /** The similarity of {@code a} to {@code b}, remembered or computed now. */
  double of(T a, T b) {
    if (mask < 0) {
      return similarity.applyAsDouble(a, b);
    }
    asked++;
    int slot = slot(System.identityHashCode(a), System.identityHashCode(b));
    if (lefts[slot] == a && rights[slot] == b) {
      return values[slot];
    }
    computed++;
    double value = similarity.applyAsDouble(a, b);
    lefts[slot] = a;
    rights[slot] = b;
    values[slot] = value;
    return value;
  }

  /** How many similarities were asked for (none counted when nothing is remembered). */
  long asked() {
    return asked;
  }

  /** How many of those were computed rather than remembered. */
  long computed() {
    return computed;
  }

  /**
   * The slot of an ordered pair: the two hash codes mixed so that a pair and its reverse, or pairs
   * sharing one value, usually land apart.
   */
  private int slot(int left, int right) {
    long mixed = (left * 0x9E3779B97F4A7C15L) ^ (right * 0xC2B2AE3D27D4EB4FL + right);
    mixed ^= mixed >>> 29;
    mixed *= 0xBF58476D1CE4E5B9L;
    return (int) (mixed >>> 32) & mask;
  }
}
