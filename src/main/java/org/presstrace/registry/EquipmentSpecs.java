package org.presstrace.registry;

import java.util.EnumSet;
import java.util.Set;
import org.presstrace.shared.InvalidRequest;

/**
 * The description rules of new equipment that depend on its kind: only whole machines are manual or
 * powered and carry a rated output, and the drive must fit the subtype; only moulds and punches
 * carry an imprint.
 */
final class EquipmentSpecs {

  /** The fastest rotary presses make about a million tablets an hour; beyond this is a typo. */
  static final int MAX_RATED_OUTPUT_PER_HOUR = 2_000_000;

  static final int IMPRINT_LIMIT = 100;

  private static final Set<EquipmentKind> IMPRINTED =
      EnumSet.of(EquipmentKind.MOULD, EquipmentKind.UPPER_PUNCH, EquipmentKind.LOWER_PUNCH);

  private EquipmentSpecs() {}

  static void check(NewMachine spec) {
    EquipmentKind kind = spec.kind();
    if (spec.power() != null) {
      if (!kind.machine()) {
        throw new InvalidRequest(
            "power", "only whole machines are manual or powered, not a " + label(kind));
      }
      if (kind == EquipmentKind.ENCAPSULATING_MANUAL && spec.power() != EquipmentPower.MANUAL) {
        throw new InvalidRequest("power", "a manual encapsulating machine is not powered");
      }
      boolean motorised =
          kind == EquipmentKind.ENCAPSULATING_SEMI_AUTOMATIC
              || kind == EquipmentKind.ENCAPSULATING_AUTOMATIC;
      if (motorised && spec.power() != EquipmentPower.POWERED) {
        throw new InvalidRequest("power", "a " + label(kind) + " machine is powered, not manual");
      }
    }
    Integer output = spec.ratedOutputPerHour();
    if (output != null) {
      if (!kind.machine()) {
        throw new InvalidRequest(
            "ratedOutputPerHour", "only whole machines have a rated output, not a " + label(kind));
      }
      if (output <= 0) {
        throw new InvalidRequest(
            "ratedOutputPerHour", "rated output per hour must be positive, not " + output);
      }
      if (output > MAX_RATED_OUTPUT_PER_HOUR) {
        throw new InvalidRequest(
            "ratedOutputPerHour",
            "rated output per hour of "
                + output
                + " is above "
                + MAX_RATED_OUTPUT_PER_HOUR
                + ", more than any press makes");
      }
    }
    String imprint = spec.imprint();
    if (imprint != null && !imprint.isBlank()) {
      if (!IMPRINTED.contains(kind)) {
        throw new InvalidRequest(
            "imprint", "only moulds and punches carry an imprint, not a " + label(kind));
      }
      if (imprint.strip().length() > IMPRINT_LIMIT) {
        throw new InvalidRequest(
            "imprint", "imprint is longer than " + IMPRINT_LIMIT + " characters");
      }
    }
  }

  static String label(EquipmentKind kind) {
    return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
