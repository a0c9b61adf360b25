package org.presstrace.access;

import java.util.Arrays;
import java.util.Locale;
import org.presstrace.shared.InvalidRequest;

/** What a user does in PressTrace. A user may hold several roles within one agency. */
public enum Role {
  REGISTRANT,
  INVESTIGATOR,
  ANALYST,
  SUPERVISOR,
  FOREIGN_LIAISON,
  AUDITOR,
  ADMINISTRATOR;

  /** The Spring Security authority, e.g. {@code ROLE_FOREIGN_LIAISON}. */
  public String authority() {
    return "ROLE_" + name();
  }

  /** The lower-case, hyphenated name used in documents and URLs, e.g. {@code foreign-liaison}. */
  public String slug() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Whether this role reads the content of protected records at all (rule 1 of the policy). */
  public boolean readsRecords() {
    return this != AUDITOR && this != ADMINISTRATOR;
  }

  /** Parses {@code foreign-liaison}, {@code FOREIGN_LIAISON} or {@code Foreign Liaison}. */
  public static Role parse(String text) {
    String normalised =
        text == null
            ? ""
            : text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    return Arrays.stream(values())
        .filter(role -> role.name().equals(normalised))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidRequest(
                    "roles",
                    "role '"
                        + text
                        + "' is not one of "
                        + Arrays.toString(values()).toLowerCase(Locale.ROOT)));
  }
}
