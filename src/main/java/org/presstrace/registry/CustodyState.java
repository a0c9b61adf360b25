package org.presstrace.registry;

/**
 * Where a registered item stands in its custody lifecycle; the transitions are in docs/registry.md.
 */
public enum CustodyState {
  /** In the custody of its registered holder. */
  HELD,
  /** Reported lost by its holder. */
  LOST,
  /** Reported stolen by its holder. */
  STOLEN,
  /** Seized by an agency; the holder of record is the last lawful holder. */
  SEIZED,
  /** Forfeited to the government after a seizure. */
  FORFEITED,
  /** Destroyed; final. */
  DESTROYED,
  /** Left the country under a filed export transaction report; final. */
  EXPORTED;

  /** Whether no further custody event can follow. */
  public boolean terminal() {
    return this == DESTROYED || this == EXPORTED;
  }
}
