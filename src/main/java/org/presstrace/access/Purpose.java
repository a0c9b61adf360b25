package org.presstrace.access;

import org.presstrace.shared.InvalidRequest;

/**
 * Why the caller is looking: a case number or a sentence. Sensitive look-ups refuse to run without
 * one, and every audit entry records it.
 */
public record Purpose(String text) {

  /** The session attribute where pages keep the purpose stated for this session. */
  public static final String SESSION_ATTRIBUTE = "presstrace.purpose";

  public static final int MIN_LENGTH = 4;
  public static final int MAX_LENGTH = 500;

  public Purpose {
    text = text == null ? "" : text.strip();
    if (text.length() < MIN_LENGTH) {
      throw new InvalidRequest(
          "purpose",
          "a purpose (a case number or a sentence of at least "
              + MIN_LENGTH
              + " characters) is required before results are shown");
    }
    if (text.length() > MAX_LENGTH) {
      throw new InvalidRequest("purpose", "purpose is longer than " + MAX_LENGTH + " characters");
    }
  }

  /** A purpose, or {@code null} when the text is blank. */
  public static Purpose ofNullable(String text) {
    return text == null || text.isBlank() ? null : new Purpose(text);
  }

  @Override
  public String toString() {
    return text;
  }
}
