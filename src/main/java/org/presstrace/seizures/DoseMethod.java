package org.presstrace.seizures;

/**
 * How a dose estimate finds the fentanyl mass it divides by the potentially lethal dose. Every
 * figure PressTrace shows names its method; aggregates keep one series per method. The order is the
 * "best available" order: a lab purity beats pill content, which beats an assumed purity, which
 * beats the unadjusted gross weight.
 */
public enum DoseMethod {
  /** Net weight times the purity the lab measured. */
  LAB_PURITY("net weight x lab purity"),
  /** Pill count times the fentanyl per pill the lab measured. */
  PILL_CONTENT("pills x lab mg per pill"),
  /** Net weight times the configured default purity, or pills times the configured mean mg. */
  ASSUMED_PURITY("net weight x configured default purity (or pills x configured mean mg)"),
  /** Gross weight (net when gross is not recorded) taken as 100% fentanyl. */
  GROSS_UNADJUSTED("gross weight as 100% fentanyl");

  private final String description;

  DoseMethod(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
