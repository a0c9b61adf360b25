package org.presstrace.redflags.internal;

import java.util.List;
import org.presstrace.redflags.RedFlagCitation;
import org.presstrace.redflags.RedFlagRule;

/**
 * A rule that fired: what about ({@code focus}, stable across evaluations so that a stored flag is
 * found again), the explanation, and every record it cites.
 */
public record RedFlagFinding(
    RedFlagRule rule, String focus, String explanation, List<RedFlagCitation> citations) {

  public RedFlagFinding {
    citations = List.copyOf(citations);
  }
}
