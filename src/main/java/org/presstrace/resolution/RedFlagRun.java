package org.presstrace.resolution;

import java.time.Instant;
import java.util.List;

/**
 * One evaluation of every red-flag rule for an agency: what it read (parties, payments), how many
 * flags fired, how many were new or reopened, how many cleared, and the agency's open flags after.
 */
public record RedFlagRun(
    String agency,
    Instant at,
    int parties,
    int payments,
    int fired,
    int raised,
    int cleared,
    long millis,
    List<RedFlag> open) {

  public RedFlagRun {
    open = List.copyOf(open);
  }
}
