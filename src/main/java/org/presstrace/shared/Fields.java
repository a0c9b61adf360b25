package org.presstrace.shared;

/** Checks on single request fields that every module makes the same way. */
public final class Fields {

  private Fields() {}

  /**
   * {@code value} without surrounding space; refused as {@code field} when it is missing, blank or
   * longer than {@code max} characters.
   */
  public static String required(String value, String field, int max) {
    if (value == null || value.isBlank()) {
      throw new InvalidRequest(field, field + " is required");
    }
    if (value.strip().length() > max) {
      throw new InvalidRequest(field, field + " is longer than " + max + " characters");
    }
    return value.strip();
  }
}
