package org.presstrace.substances;

import java.util.List;

/** One stored manifest line with its verdict. */
public record ScreenedLine(
    ManifestLine line, boolean flagged, double score, List<ManifestHit> hits) {

  public ScreenedLine {
    hits = List.copyOf(hits);
  }
}
