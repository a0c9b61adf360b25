package org.presstrace.substances;

import java.util.List;

/** A stored screening with its lines and their hits. */
public record ScreeningDetail(ScreeningSummary screening, List<ScreenedLine> lines) {

  public ScreeningDetail {
    lines = List.copyOf(lines);
  }
}
