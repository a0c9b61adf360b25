package org.presstrace.seizures;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.presstrace.shared.InvalidRequest;

/**
 * Units of mass a seizure report may use, each with its exact size in milligrams: the avoirdupois
 * pound is 453.59237 g and the ounce 28.349523125 g by definition (international yard and pound
 * agreement of 1959), so conversions are exact decimals, never floating point.
 */
public enum MassUnit {
  MG("mg", new BigDecimal("1")),
  G("g", new BigDecimal("1000")),
  KG("kg", new BigDecimal("1000000")),
  OZ("oz", new BigDecimal("28349.523125")),
  LB("lb", new BigDecimal("453592.37"));

  private final String symbol;
  private final BigDecimal milligrams;

  MassUnit(String symbol, BigDecimal milligrams) {
    this.symbol = symbol;
    this.milligrams = milligrams;
  }

  public String symbol() {
    return symbol;
  }

  /** The exact number of milligrams in {@code amount} of this unit. */
  public BigDecimal toMilligrams(BigDecimal amount) {
    return amount.multiply(milligrams);
  }

  /** The exact amount of this unit in {@code mg} milligrams, to {@code scale} decimals. */
  public BigDecimal fromMilligrams(BigDecimal mg, int scale) {
    return mg.divide(milligrams, scale, java.math.RoundingMode.HALF_UP);
  }

  /** Parses a unit symbol ({@code lb}, {@code LB}, {@code lbs} and {@code pounds} alike). */
  public static MassUnit parse(String text, String field) {
    String given = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    return switch (given) {
      case "mg", "milligram", "milligrams" -> MG;
      case "g", "gram", "grams" -> G;
      case "kg", "kilogram", "kilograms" -> KG;
      case "oz", "ounce", "ounces" -> OZ;
      case "lb", "lbs", "pound", "pounds" -> LB;
      default ->
          throw new InvalidRequest(
              field,
              "unit '"
                  + (text == null ? "" : text)
                  + "' is not one of "
                  + Arrays.stream(values())
                      .map(MassUnit::symbol)
                      .collect(Collectors.joining(", ")));
    };
  }

  @Override
  public String toString() {
    return symbol;
  }
}
