package org.presstrace.seizures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.presstrace.shared.Decimals;
import org.presstrace.shared.InvalidRequest;

/**
 * A mass as reported, with its unit; {@link #milligrams()} is exact. An invalid quantity cannot
 * exist: the amount is never negative, has at most {@value #MAX_DECIMALS} decimals, and is at most
 * {@link #MAX_MILLIGRAMS} mg (1,000 tonnes, far above any seizure on record) in whatever unit it is
 * given. A {@link BigDecimal} is never NaN or infinite; {@link #parse} reads texts through {@link
 * Decimals}, which refuses such texts by name.
 */
public record Quantity(BigDecimal amount, MassUnit unit) {

  /** The largest mass a quantity holds: 1,000 tonnes, in milligrams. */
  public static final BigDecimal MAX_MILLIGRAMS = new BigDecimal("1000000000000");

  /** The most decimals an amount has; finer amounts are below anything a scale weighs. */
  public static final int MAX_DECIMALS = 9;

  public Quantity {
    check(amount, unit, "quantity");
  }

  /** A quantity whose problems are reported against {@code field}. */
  public static Quantity of(BigDecimal amount, MassUnit unit, String field) {
    check(amount, unit, field);
    return new Quantity(amount, unit);
  }

  /**
   * The positive quantity an amount text and a unit text give, or {@code null} when the amount is
   * blank. This is the one place quantity texts are read; every problem is an {@link
   * InvalidRequest} naming {@code amountField} or {@code unitField}.
   */
  public static Quantity parse(String amount, String unit, String amountField, String unitField) {
    BigDecimal value =
        Decimals.parseSigned(amount, amountField, MAX_MILLIGRAMS.precision(), MAX_DECIMALS);
    if (value == null) {
      return null;
    }
    if (value.signum() <= 0) {
      throw new InvalidRequest(amountField, "weight " + amount.strip() + " must be positive");
    }
    if (unit == null || unit.isBlank()) {
      throw new InvalidRequest(unitField, "give the unit of the weight: mg, g, kg, oz or lb");
    }
    return of(value, MassUnit.parse(unit, unitField), amountField);
  }

  public BigDecimal milligrams() {
    return unit.toMilligrams(amount);
  }

  @Override
  public String toString() {
    return amount.stripTrailingZeros().toPlainString() + " " + unit.symbol();
  }

  private static void check(BigDecimal amount, MassUnit unit, String field) {
    if (amount == null) {
      throw new InvalidRequest(field, "a quantity needs an amount");
    }
    if (unit == null) {
      throw new InvalidRequest(field, "a quantity needs a unit: mg, g, kg, oz or lb");
    }
    if (amount.signum() < 0) {
      throw new InvalidRequest(field, "weight " + amount + " " + unit + " is negative");
    }
    // the scale test comes first: it bounds the work any arithmetic below can do
    if (amount.signum() > 0 && amount.stripTrailingZeros().scale() > MAX_DECIMALS) {
      throw new InvalidRequest(
          field, "weight " + amount + " " + unit + " has more than " + MAX_DECIMALS + " decimals");
    }
    if ((long) amount.precision() - amount.scale() > MAX_MILLIGRAMS.precision()
        || unit.toMilligrams(amount).compareTo(MAX_MILLIGRAMS) > 0) {
      throw new InvalidRequest(
          field,
          "weight "
              + amount
              + " "
              + unit
              + " is more than "
              + MAX_MILLIGRAMS.divide(unit.toMilligrams(BigDecimal.ONE), 0, RoundingMode.DOWN)
              + " "
              + unit
              + " (1,000 tonnes)");
    }
  }
}
