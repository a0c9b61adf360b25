package org.presstrace.redflags;

import java.time.Instant;
import java.util.List;

/**
 * A red flag raised for one agency: the rule and its advisory, what it is about ({@code focus}: a
 * party, a phone number, ...), the explanation naming the records and values that triggered it, the
 * records cited, and where the agency's review stands.
 */
public record RedFlag(
    String id,
    RedFlagRule rule,
    String focus,
    String explanation,
    List<RedFlagCitation> citations,
    RedFlagStatus status,
    Instant raisedAt,
    Instant evaluatedAt,
    String decidedBy,
    Instant decidedAt,
    String note,
    String agency) {

  public RedFlag {
    citations = List.copyOf(citations);
  }

  public String advisory() {
    return rule.advisory();
  }

  public String title() {
    return rule.title();
  }

  /** This flag with its citations. */
  public RedFlag withCitations(List<RedFlagCitation> cited) {
    return new RedFlag(
        id,
        rule,
        focus,
        explanation,
        cited,
        status,
        raisedAt,
        evaluatedAt,
        decidedBy,
        decidedAt,
        note,
        agency);
  }
}
