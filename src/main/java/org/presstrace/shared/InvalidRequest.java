package org.presstrace.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * A request broke a rule; the message names the field, the value and the rule. The API answers it
 * with a 400 problem-details response naming {@link #field()}. A request that broke several rules
 * at once is refused with one {@code InvalidRequest} that lists each under {@link #all()}.
 */
public class InvalidRequest extends IllegalArgumentException {

  private final String field;
  private final List<InvalidRequest> problems;

  public InvalidRequest(String field, String message) {
    super(message);
    this.field = field;
    this.problems = List.of();
  }

  private InvalidRequest(List<InvalidRequest> problems) {
    super(String.join("; ", problems.stream().map(Throwable::getMessage).toList()));
    this.field = problems.get(0).field();
    this.problems = List.copyOf(problems);
  }

  /**
   * One refusal for every problem in {@code found} (at least one): the problem itself when there is
   * one, else a refusal whose message joins theirs and whose field is the first one's.
   */
  public static InvalidRequest of(List<InvalidRequest> found) {
    var flat = new ArrayList<InvalidRequest>();
    found.forEach(problem -> flat.addAll(problem.all()));
    if (flat.isEmpty()) {
      throw new IllegalArgumentException("a refusal needs at least one problem");
    }
    return flat.size() == 1 ? flat.get(0) : new InvalidRequest(flat);
  }

  /** The request field at fault, or {@code null} when the rule concerns the request as a whole. */
  public String field() {
    return field;
  }

  /** Every rule the request broke, each with its field; this refusal alone when it is one. */
  public List<InvalidRequest> all() {
    return problems.isEmpty() ? List.of(this) : problems;
  }
}
