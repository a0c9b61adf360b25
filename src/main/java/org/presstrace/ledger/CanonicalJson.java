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

  private CanonicalJson() {}

  public static byte[] of(Map<String, ?> members) {
    var sorted = new TreeMap<String, Object>();
    members.forEach(
        (name, value) -> {
          if (value != null) {
            sorted.put(name, value);
          }
        });
    var json = new StringBuilder("{");
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
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\b' -> json.append("\\b");
        case '\f' -> json.append("\\f");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}
