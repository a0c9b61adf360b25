package org.presstrace.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTests {

  private static String json(Map<String, ?> members) {
    return new String(CanonicalJson.of(members), StandardCharsets.UTF_8);
  }

  @Test
  void membersAreSortedEscapedMinimallyAndWrittenAsUtf8() {
    Map<String, Object> members = new LinkedHashMap<>();
    members.put("b", "say \"hi\"\\ now");
    members.put("a", "tab\there\nline\r\b\f");
    members.put("c", "\u0000\u0001\u001f\u007f");
    members.put("é", "naïve 中文");
    members.put("n", -42L);
    members.put("z", null);
    // The bytes computed apart from PressTrace: Python's json.dumps(sort_keys=True,
    // separators=(',', ':'), ensure_ascii=False), encoded as UTF-8.
    assertThat(HexFormat.of().formatHex(CanonicalJson.of(members)))
        .isEqualTo(
            "7b2261223a227461625c74686572655c6e6c696e655c725c625c66222c2262223a22736179205c2268"
                + "695c225c5c206e6f77222c2263223a225c75303030305c75303030315c75303031667f222c226e22"
                + "3a2d34322c22c3a9223a226e61c3af766520e4b8ade69687227d");
  }

  @Test
  void escapesAtEitherEndAndBetweenPlainRunsAreAllWritten() {
    assertThat(json(Map.of("k", "\""))).isEqualTo("{\"k\":\"\\\"\"}");
    assertThat(json(Map.of("k", "\nmiddle\t"))).isEqualTo("{\"k\":\"\\nmiddle\\t\"}");
    assertThat(json(Map.of("k", "a\\b\\\\c\u0002d")))
        .isEqualTo("{\"k\":\"a\\\\b\\\\\\\\c\\u0002d\"}");
    assertThat(json(Map.of("k", ""))).isEqualTo("{\"k\":\"\"}");
    assertThat(json(Map.of("\"quoted\" name", 1))).isEqualTo("{\"\\\"quoted\\\" name\":1}");
    String plain = "x".repeat(5_000);
    assertThat(json(Map.of("k", plain))).isEqualTo("{\"k\":\"" + plain + "\"}");
  }

  @Test
  void namesSortByUtf16CodeUnitsAsRfc8785AsksNotByCodePoints() {
    // U+1F600 is the surrogate pair D83D DE00, which sorts before U+FB01 by code units (RFC 8785
    // section 3.2.3) although its code point is the larger.
    Map<String, Object> members = new HashMap<>();
    members.put("\uFB01", 2);
    members.put("\uD83D\uDE00", 1);
    members.put("Z", 0);
    assertThat(json(members)).isEqualTo("{\"Z\":0,\"\uD83D\uDE00\":1,\"\uFB01\":2}");
  }

  @Test
  void integersAreNumbersAndEveryOtherValueIsItsText() {
    Map<String, Object> members = new HashMap<>();
    members.put("count", 7);
    members.put("size", Long.MAX_VALUE);
    members.put("on", LocalDate.of(2026, 12, 8));
    members.put("flag", Boolean.TRUE);
    assertThat(json(members))
        .isEqualTo(
            "{\"count\":7,\"flag\":\"true\",\"on\":\"2026-12-08\",\"size\":9223372036854775807}");
  }

  @Test
  void anEmptyOrAllNullRecordIsAnEmptyObject() {
    Map<String, Object> members = new HashMap<>();
    assertThat(json(members)).isEqualTo("{}");
    members.put("gone", null);
    assertThat(json(members)).isEqualTo("{}");
  }
}
