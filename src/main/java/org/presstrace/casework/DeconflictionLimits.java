package org.presstrace.casework;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bounds on what one request for event deconfliction may ask, set through {@code
 * presstrace.deconfliction.*}. Each answer tells whether another agency works within a circle and a
 * window; these bounds keep the answers too coarse, and too few, to place a hidden operation.
 * docs/resolution.md gives the reasoning behind each default.
 *
 * @param minRadiusMetres the smallest circle a planned operation may give: its staging area, cordon
 *     and approach are never smaller
 * @param maxWindow the longest window one planned operation may span: an operational day
 * @param planWindow the window over which the planning rates below are counted
 * @param plansPerUser how many operations one user may plan within {@code planWindow}
 * @param plansPerAgency how many operations one agency may plan within {@code planWindow}
 * @param probeWindow the window over which overlap answers about one operation are counted
 * @param probesPerUser at this many overlap answers about one operation to one user within {@code
 *     probeWindow}, the owning agency's supervisors are alerted
 * @param probesPerAgency at this many overlap answers about one operation to one agency within
 *     {@code probeWindow}, the owning agency's supervisors are alerted
 */
@ConfigurationProperties("presstrace.deconfliction")
public record DeconflictionLimits(
    @DefaultValue("500") double minRadiusMetres,
    @DefaultValue("24h") Duration maxWindow,
    @DefaultValue("1h") Duration planWindow,
    @DefaultValue("10") int plansPerUser,
    @DefaultValue("40") int plansPerAgency,
    @DefaultValue("7d") Duration probeWindow,
    @DefaultValue("3") int probesPerUser,
    @DefaultValue("5") int probesPerAgency) {

  public DeconflictionLimits {
    require(minRadiusMetres > 0, "min-radius-metres must be above 0");
    require(positive(maxWindow), "max-window must be positive");
    require(positive(planWindow), "plan-window must be positive");
    require(positive(probeWindow), "probe-window must be positive");
    require(plansPerUser > 0 && plansPerAgency >= plansPerUser, "plans-per-agency >= per-user > 0");
    require(probesPerUser > 0 && probesPerAgency > 0, "probes-per-user and -agency must be > 0");
  }

  /** Every bound at its default. */
  public static DeconflictionLimits defaults() {
    return new DeconflictionLimits(
        500, Duration.ofHours(24), Duration.ofHours(1), 10, 40, Duration.ofDays(7), 3, 5);
  }

  private static boolean positive(Duration duration) {
    return duration != null && !duration.isNegative() && !duration.isZero();
  }

  private static void require(boolean holds, String rule) {
    if (!holds) {
      throw new IllegalArgumentException("presstrace.deconfliction: " + rule);
    }
  }
}
