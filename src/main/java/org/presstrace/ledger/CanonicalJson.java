package org.presstrace.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical bytes of a flat record, as RFC 8785 (JSON Canonicalization Scheme) writes them for
 * strings and integers: members sorted by name, no white space, minimal string escapes, UTF-8. Null
 * members are left out. Ledger leaves are these bytes, so anyone can rebuild a leaf from the record
 * it stands for.
 */
public final class CanonicalJson {

  private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

  /** Room for a typical leaf's record, so that the text is not copied as it grows. */
  private static final int TYPICAL_LENGTH = 512;

  private CanonicalJson() {}

  public static byte[] of(Map<String, ?> members) {
    var sorted = new TreeMap<String, Object>();
    members.forEach(
        (name, value) -> {
          if (value != null) {
            sorted.put(name, value);
          }
        });
    var json = new StringBuilder(TYPICAL_LENGTH).append('{');
    sorted.forEach(
        (name, value) -> {
          if (json.length() > 1) {
            json.append(',');
          }
          string(json, name);
          json.append(':');
          if (value instanceof Long || value instanceof Integer) {
            json.append(value);
          } else {
            string(json, value.toString());
          }
        });
    return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void string(StringBuilder json, String text) {
    json.append('"');
    // Runs of characters that need no escape are copied whole; most values are one such run.
    int plain = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      json.append(text, plain, i);
      escape(json, c);
      plain = i + 1;
    }
    json.append(text, plain, text.length()).append('"');
  }

  private static void escape(StringBuilder json, char c) {
    switch (c) {
      case '"' -> json.append("\\\"");
      case '\\' -> json.append("\\\\");
      case '\b' -> json.append("\\b");
      case '\f' -> json.append("\\f");
      case '\n' -> json.append("\\n");
      case '\r' -> json.append("\\r");
      case '\t' -> json.append("\\t");
      default -> json.append("\\u00").append(HEX_DIGITS[c >> 4]).append(HEX_DIGITS[c & 0xf]);
    }
  }
}
