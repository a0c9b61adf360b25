package org.presstrace.support;

import java.math.BigInteger;
import java.util.Locale;

/** Identifiers that pass PressTrace's checks, made from a number so that each test has its own. */
public final class ValidIdentifiers {

  private ValidIdentifiers() {}

  /** A valid IMO number made of six digits and their check digit. */
  public static String imo(long six) {
    String digits = String.format(Locale.ROOT, "%06d", six % 1_000_000);
    int sum = 0;
    for (int i = 0; i < 6; i++) {
      sum += (digits.charAt(i) - '0') * (7 - i);
    }
    return digits + sum % 10;
  }

  /** A valid British IBAN whose account number is {@code account}. */
  public static String iban(long account) {
    String bban = "WEST" + String.format(Locale.ROOT, "%014d", account);
    var digits = new StringBuilder();
    for (char c : (bban + "GB00").toCharArray()) {
      digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    int check = 98 - new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
    return "GB" + String.format(Locale.ROOT, "%02d", check) + bban;
  }
}
