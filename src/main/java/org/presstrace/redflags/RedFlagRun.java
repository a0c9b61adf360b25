package org.presstrace.redflags;

import java.time.Instant;
import java.util.List;

/**
 * One evaluation of every red-flag rule for an agency: what it read (parties, payments), how many
 * flags fired, how many were new or reopened, how many cleared, and the agency's open flags after;
 * {@code banner} is the marking of the whole answer, as printed or exported.
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
    List<RedFlag> open,
    String banner) {

  /** The marking of every red flag: TLP:RED, held by the evaluating agency alone. */
  public static final String BANNER = "TLP:RED";

  public RedFlagRun {
    open = List.copyOf(open);
    banner = banner == null ? BANNER : banner;
  }

  /** A run whose flags carry the red-flag marking, {@link #BANNER}. */
  public RedFlagRun(
      String agency,
      Instant at,
      int parties,
      int payments,
      int fired,
      int raised,
      int cleared,
      long millis,
      List<RedFlag> open) {
    this(agency, at, parties, payments, fired, raised, cleared, millis, open, BANNER);
  }
}
