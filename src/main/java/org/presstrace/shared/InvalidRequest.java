package org.presstrace.shared;

/**
 * A request broke a rule; the message names the field, the value and the rule. The API answers it
 * with a 400 problem-details response naming {@link #field()}.
 */
public class InvalidRequest extends IllegalArgumentException {

  private final String field;

  public InvalidRequest(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The request field at fault, or {@code null} when the rule concerns the request as a whole. */
  public String field() {
    return field;
  }
}
