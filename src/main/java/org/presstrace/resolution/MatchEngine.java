package org.presstrace.resolution;

import java.io.IOException;
import java.io.Writer;

/**
 * Another engine running the same matching as {@link Matching} (through {@link MatchSteps}), found
 * with {@link java.util.ServiceLoader} when its classes are on the class path: the Spark engine is
 * built and launched apart from the application ({@code bin/presstrace match --engine spark}). It
 * reads the files and writes the pairs where it runs: its pairs, scores and explanations, in the
 * same order, are {@link Matching}'s, and its file is the in-process one byte for byte.
 */
public interface MatchEngine {

  /** The name chosen with {@code --engine}. */
  String name();

  /**
   * Links {@code left} with {@code right} (or deduplicates {@code left} when {@code right} is
   * null), files the engine reads itself with {@code reader}'s mapping and checks, and writes the
   * pairs at or above {@link MatchOptions#link()} as {@link PairsCsv} lines: to {@code outDir}
   * (when not null) as one part file per partition, in order, the header in the first; and to
   * {@code out} (when not null) as one file. A file the reader refuses ends the run with {@link
   * org.presstrace.shared.InvalidRequest} before anything is written.
   *
   * @param master the engine's own address, or null for its default
   */
  void match(
      EntityCsv reader,
      String left,
      String right,
      MatchOptions options,
      boolean explain,
      String master,
      String outDir,
      Writer out)
      throws IOException;
}
