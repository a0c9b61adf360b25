package org.presstrace.redflags;

import java.util.Arrays;
import java.util.Locale;
import org.presstrace.shared.InvalidRequest;

/**
 * The red-flag rules PressTrace evaluates, each from a FinCEN advisory (DOMAIN.md section 7). The
 * enum name is the rule's stable code, used in the API, the CLI and stored alerts.
 */
public enum RedFlagRule {
  SHARED_CONTACT("FIN-2019-A006", "Unrelated parties share a phone number or e-mail address"),
  CHEMICAL_FIRM_ADDRESS(
      "FIN-2024-A002", "Chemical firm at an address shared with unrelated firms or residential"),
  PRC_PHONE_NON_PRC_PARTY("FIN-2024-A002", "Party outside the PRC uses a PRC (+86) phone number"),
  MANY_SENDERS_ONE_BENEFICIARY(
      "FIN-2019-A006", "Many senders pay one beneficiary in China or Hong Kong"),
  SMALL_TRANSFERS_NO_PURPOSE(
      "FIN-2019-A006", "Small transfers without a stated purpose to an individual in China"),
  STRUCTURING("FIN-2019-A006", "Several payments from one payer just below a reporting threshold"),
  MEXICAN_FIRM_CHINESE_CHEMICALS(
      "FIN-2024-A002", "Mexican firm paying mainly Chinese chemical firms");

  private final String advisory;
  private final String title;

  RedFlagRule(String advisory, String title) {
    this.advisory = advisory;
    this.title = title;
  }

  /** The FinCEN advisory the rule comes from, e.g. {@code FIN-2024-A002}. */
  public String advisory() {
    return advisory;
  }

  public String title() {
    return title;
  }

  /** The rule coded {@code text} (any case, dashes or underscores), refused when unknown. */
  public static RedFlagRule parse(String field, String text) {
    String code = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    return Arrays.stream(values())
        .filter(rule -> rule.name().equals(code))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidRequest(
                    field,
                    "unknown rule '"
                        + text
                        + "'; use one of "
                        + Arrays.toString(values()).replaceAll("[\\[\\]]", "")));
  }
}
