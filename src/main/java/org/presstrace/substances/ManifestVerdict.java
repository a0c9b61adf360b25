package org.presstrace.substances;

import java.util.List;

/**
 * The screening of one manifest line.
 *
 * @param flagged whether the score reaches {@link ManifestScreen#FLAG_AT}
 * @param score the best hit's score, 0 without hits
 */
public record ManifestVerdict(
    long line, String description, boolean flagged, double score, List<ManifestHit> hits) {

  public ManifestVerdict {
    hits = List.copyOf(hits);
  }
}
