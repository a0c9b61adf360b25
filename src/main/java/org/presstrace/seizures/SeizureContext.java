package org.presstrace.seizures;

import java.util.Locale;
import org.presstrace.shared.InvalidRequest;

/** Where in the flow of goods the seizure happened, as CBP and DEA report it. */
public enum SeizureContext {
  /** At a port of entry (land, sea or air). */
  PORT_OF_ENTRY("at a port of entry"),
  /** Between ports of entry (Border Patrol). */
  BETWEEN_PORTS("between ports"),
  /** In the interior of the country. */
  INTERIOR("interior"),
  /** In international mail or express consignment. */
  MAIL_EXPRESS("mail and express consignment");

  private final String label;

  SeizureContext(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static SeizureContext parse(String text, String field) {
    String given =
        text == null
            ? ""
            : text.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    for (SeizureContext context : values()) {
      if (context.name().equals(given)) {
        return context;
      }
    }
    throw new InvalidRequest(
        field,
        "context '"
            + text
            + "' is not one of PORT_OF_ENTRY, BETWEEN_PORTS, INTERIOR, MAIL_EXPRESS");
  }
}
