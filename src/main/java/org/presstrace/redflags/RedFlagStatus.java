package org.presstrace.redflags;

import java.util.Arrays;
import java.util.Locale;
import org.presstrace.shared.InvalidRequest;

/**
 * Where a red flag stands. A flag is raised {@link #OPEN}; an analyst acknowledges it (being
 * worked) or dismisses it (with a note saying why); a flag whose rule no longer fires over what the
 * agency may read is {@link #CLEARED}, and opens again if the rule fires later.
 */
public enum RedFlagStatus {
  OPEN,
  ACKNOWLEDGED,
  DISMISSED,
  CLEARED;

  public static RedFlagStatus parse(String field, String text) {
    String code = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(status -> status.name().equals(code))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidRequest(
                    field,
                    "unknown status '" + text + "'; use OPEN, ACKNOWLEDGED, DISMISSED or CLEARED"));
  }
}
