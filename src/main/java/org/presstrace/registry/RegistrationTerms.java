package org.presstrace.registry;

import java.time.LocalDate;
import java.time.Period;

/**
 * How long a registration runs and when it may be renewed, set through {@code
 * presstrace.registry.registration.*} (docs/registry.md). The defaults, a one-year term renewable
 * from 90 days before expiry, follow the annual registration of the STOPP Act (H.R. 1100, 119th
 * Congress); a programme under other rules changes them without a release.
 *
 * @param term how long an activation or a renewal runs, e.g. {@code P1Y}
 * @param renewalWindowDays how many days before expiry a running registration may be renewed
 */
public record RegistrationTerms(Period term, int renewalWindowDays) {

  public RegistrationTerms {
    if (term == null || term.isNegative() || term.isZero()) {
      throw new IllegalArgumentException("a registration term must be positive, not " + term);
    }
    if (term.toTotalMonths() > 120) {
      throw new IllegalArgumentException("a registration term of " + term + " is over ten years");
    }
    if (renewalWindowDays < 0 || renewalWindowDays > 366) {
      throw new IllegalArgumentException(
          "the renewal window of " + renewalWindowDays + " days is not between 0 and 366");
    }
  }

  public static RegistrationTerms defaults() {
    return new RegistrationTerms(Period.ofYears(1), 90);
  }

  /** The expiry day of a term starting on {@code from}. */
  public LocalDate expiry(LocalDate from) {
    return from.plus(term);
  }

  /** The first day a registration expiring on {@code expiresOn} may be renewed. */
  public LocalDate renewalOpens(LocalDate expiresOn) {
    return expiresOn.minusDays(renewalWindowDays);
  }
}
