package org.presstrace.seizures;

import java.math.BigDecimal;
import org.presstrace.shared.InvalidRequest;

/**
 * The configured facts dose estimates rest on ({@code presstrace.seizures.*}); sources in
 * docs/seizures.md.
 *
 * @param lethalDoseMg the potentially lethal dose of fentanyl in mg (DEA: 2 mg)
 * @param powderPurityPct the purity assumed for powder and liquid without a lab result (DEA lab
 *     average, FY2025: about 10.3%)
 * @param pillMg the fentanyl per pill assumed without a lab result (DEA 2025 NDTA: mean 1.94 mg)
 * @param regulatorAgency the agency that regulates pill presses and receives seized-equipment
 *     alerts (DEA, under 21 CFR 1310)
 */
public record DoseSettings(
    BigDecimal lethalDoseMg,
    BigDecimal powderPurityPct,
    BigDecimal pillMg,
    String regulatorAgency) {

  public DoseSettings {
    if (lethalDoseMg == null || lethalDoseMg.signum() <= 0) {
      throw new InvalidRequest(
          "presstrace.seizures.lethal-dose-mg", "the lethal dose must be a positive mass in mg");
    }
    if (powderPurityPct == null
        || powderPurityPct.signum() <= 0
        || powderPurityPct.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new InvalidRequest(
          "presstrace.seizures.default-powder-purity-pct",
          "the default purity must be above 0 and at most 100");
    }
    if (pillMg == null || pillMg.signum() <= 0) {
      throw new InvalidRequest(
          "presstrace.seizures.default-pill-mg", "the default mg per pill must be positive");
    }
  }

  /** DEA's figures as published: 2 mg, 10.3% powder purity, 1.94 mg per pill; DEA regulates. */
  public static DoseSettings published() {
    return new DoseSettings(
        new BigDecimal("2"), new BigDecimal("10.3"), new BigDecimal("1.94"), "DEA");
  }
}
