package org.presstrace.resolution.internal;

import java.util.Locale;
import java.util.Set;

/**
 * E-mail addresses in one spelling: trimmed, {@code mailto:} dropped, lower case, a {@code +tag}
 * removed, and the dots of Gmail local parts removed (Gmail ignores them).
 */
final class Emails {

  private static final Set<String> DOTLESS = Set.of("gmail.com", "googlemail.com");

  private Emails() {}

  /** The canonical address, or {@code ""} when {@code text} is not an address. */
  static String canonical(String text) {
    if (text == null) {
      return "";
    }
    String address = text.trim().toLowerCase(Locale.ROOT);
    if (address.startsWith("mailto:")) {
      address = address.substring("mailto:".length());
    }
    int at = address.lastIndexOf('@');
    if (at <= 0 || at == address.length() - 1 || address.contains(" ")) {
      return "";
    }
    String local = address.substring(0, at);
    String domain = address.substring(at + 1);
    int plus = local.indexOf('+');
    if (plus > 0) {
      local = local.substring(0, plus);
    }
    if (DOTLESS.contains(domain)) {
      local = local.replace(".", "");
      domain = "gmail.com";
    }
    return local + "@" + domain;
  }
}
