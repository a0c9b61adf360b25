package org.presstrace.registry;

/**
 * Told how far an import has come: when each phase starts (done 0), every {@link #every()} rows of
 * it, and at its end.
 */
@FunctionalInterface
public interface ImportProgress {

  int EVERY = 10_000;

  ImportProgress NONE = (phase, done, total) -> {};

  /** How many rows apart the reports come; {@link #EVERY} unless a listener asks for more. */
  default int every() {
    return EVERY;
  }

  /**
   * @param phase {@code checked} while rows are validated, {@code stored} while they are written
   * @param done rows finished in this phase
   * @param total rows in the file
   */
  void progress(String phase, long done, long total);
}
