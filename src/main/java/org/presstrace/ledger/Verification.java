package org.presstrace.ledger;

/**
 * The outcome of re-reading the whole log: how much was checked and, when something does not hold,
 * the first divergence found (which leaf or head, which field).
 */
public record Verification(long leaves, long heads, String firstDivergence) {

  public boolean holds() {
    return firstDivergence == null;
  }
}
