package org.presstrace.access.internal;

import org.presstrace.shared.InvalidRequest;

/** The reason every four-eyes step states: a justification, an approval or a refusal. */
public final class Reasons {

  /** The longest reason stored. */
  public static final int MAX = 1000;

  private Reasons() {}

  /**
   * {@code text} stripped, when it says why in at least 4 and at most {@link #MAX} characters.
   *
   * @throws InvalidRequest naming {@code field}
   */
  public static String required(String field, String text) {
    String reason = text == null ? "" : text.strip();
    if (reason.length() < 4) {
      throw new InvalidRequest(field, field + " must say why, in at least 4 characters");
    }
    if (reason.length() > MAX) {
      throw new InvalidRequest(field, field + " is longer than " + MAX + " characters");
    }
    return reason;
  }
}
