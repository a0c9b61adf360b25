package org.presstrace.registry;

/** Told how far an import has come, every {@link #EVERY} rows of each phase and at its end. */
@FunctionalInterface
public interface ImportProgress {

  int EVERY = 10_000;

  ImportProgress NONE = (phase, done, total) -> {};

  /**
   * @param phase {@code checked} while rows are validated, {@code stored} while they are written
   * @param done rows finished in this phase
   * @param total rows in the file
   */
  void progress(String phase, long done, long total);
}
