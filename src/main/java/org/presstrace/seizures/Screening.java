package org.presstrace.seizures;

/**
 * The screening verdict stored with a seized item.
 *
 * @param status {@code LISTED} (a listed substance was found), {@code CLASS} (only a class rule
 *     matched) or {@code NOT_LISTED}
 * @param substanceId the listed substance found, or {@code null}
 * @param family {@code fentanyl}, {@code fentanyl-precursor}, {@code nitazene} or {@code null}
 * @param reason how it was found, as the screen says
 */
public record Screening(
    String status, String substanceId, String substanceName, String family, String reason) {

  public static Screening notListed() {
    return new Screening("NOT_LISTED", null, null, null, "no listed substance or class matched");
  }

  /** Whether doses apply: fentanyl or a fentanyl-related substance. */
  public boolean fentanylClass() {
    return "fentanyl".equals(family);
  }
}
