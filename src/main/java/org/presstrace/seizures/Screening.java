package org.presstrace.seizures;

import org.presstrace.substances.ClassMatch;
import org.presstrace.substances.ListedHit;
import org.presstrace.substances.ScreeningResult;

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

  /**
   * The verdict a screen gives: the first listed substance found, else the first class rule that
   * matched and is not excluded, else not listed.
   */
  public static Screening of(ScreeningResult result) {
    if (!result.listed().isEmpty()) {
      ListedHit hit = result.listed().get(0);
      return new Screening(
          "LISTED",
          hit.substanceId(),
          hit.name(),
          hit.family(),
          hit.reason() + " '" + hit.matched() + "' (score " + hit.score() + ")");
    }
    for (ClassMatch match : result.classes()) {
      if (!match.excluded()) {
        return new Screening(
            "CLASS", null, null, match.family(), match.rule() + ": " + match.reason());
      }
    }
    return notListed();
  }

  /** Whether doses apply: fentanyl or a fentanyl-related substance. */
  public boolean fentanylClass() {
    return "fentanyl".equals(family);
  }
}
