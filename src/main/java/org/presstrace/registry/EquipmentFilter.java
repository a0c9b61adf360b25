package org.presstrace.registry;

/**
 * What a holder narrows its equipment list to; every part is optional and only narrows.
 *
 * @param kind only items of this kind
 * @param state only items in this custody state
 * @param serial text found in the serial, compared loosely as a trace compares serials ({@code
 *     'ab-10'} finds {@code A810}); letters, digits, spaces, dashes, dots and slashes only
 */
public record EquipmentFilter(EquipmentKind kind, CustodyState state, String serial) {

  public EquipmentFilter {
    serial = serial == null || serial.isBlank() ? null : serial.strip();
    if (serial != null && serial.length() > SerialNumber.MAX_LENGTH) {
      throw new org.presstrace.shared.InvalidRequest(
          "serial", "serial text is longer than " + SerialNumber.MAX_LENGTH + " characters");
    }
    if (serial != null) {
      SerialNumber.normalise(serial, "serial", false);
    }
  }

  /** No narrowing. */
  public static EquipmentFilter none() {
    return new EquipmentFilter(null, null, null);
  }

  /** The serial text as a trace compares it, or {@code null} when none was given. */
  public String normalisedSerial() {
    if (serial == null) {
      return null;
    }
    String normalised = SerialNumber.normalise(serial, "serial", false);
    return normalised.isEmpty() ? null : normalised;
  }
}
