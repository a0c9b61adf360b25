package org.presstrace.access;

import java.util.Arrays;
import java.util.Locale;
import org.presstrace.shared.InvalidRequest;

/** Traffic Light Protocol 2.0 levels, from the least to the most restricted. */
public enum Tlp {
  CLEAR("CLEAR"),
  GREEN("GREEN"),
  AMBER("AMBER"),
  AMBER_STRICT("AMBER+STRICT"),
  RED("RED");

  private final String label;

  Tlp(String label) {
    this.label = label;
  }

  /** The label as TLP 2.0 writes it, e.g. {@code AMBER+STRICT}. */
  public String label() {
    return label;
  }

  /** Whether the owning organisation may share a record at this level beyond itself. */
  public boolean leavesOwner() {
    return this != AMBER_STRICT && this != RED;
  }

  /** Parses a TLP 2.0 label ({@code TLP:AMBER+STRICT} and {@code amber+strict} are accepted). */
  public static Tlp parse(String text) {
    String label = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    if (label.startsWith("TLP:")) {
      label = label.substring(4);
    }
    String wanted = label;
    return Arrays.stream(values())
        .filter(tlp -> tlp.label.equals(wanted) || tlp.name().equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidRequest(
                    "marking.tlp",
                    "TLP '" + text + "' is not one of CLEAR, GREEN, AMBER, AMBER+STRICT, RED"));
  }

  @Override
  public String toString() {
    return label;
  }
}
