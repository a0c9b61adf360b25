package org.presstrace.seizures;

import java.math.BigDecimal;

/** A mass as reported, with its unit; {@link #milligrams()} is exact. */
public record Quantity(BigDecimal amount, MassUnit unit) {

  public BigDecimal milligrams() {
    return unit.toMilligrams(amount);
  }

  @Override
  public String toString() {
    return amount.stripTrailingZeros().toPlainString() + " " + unit.symbol();
  }
}
