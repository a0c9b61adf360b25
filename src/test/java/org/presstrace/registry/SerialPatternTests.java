package org.presstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.presstrace.shared.InvalidRequest;

class SerialPatternTests {

  @Test
  void normalisesTheKnownCharactersAndKeepsTheWildcards() {
    assertThat(new SerialPattern("a1?3-55*").normalised()).isEqualTo("A1?355*");
    assertThat(new SerialPattern("O*S**").normalised()).isEqualTo("0*5*");
  }

  @Test
  void compilesToASqlLike() {
    assertThat(new SerialPattern("A1?3-55*").like()).isEqualTo("A1_355%");
    assertThat(new SerialPattern("*9?9").like()).isEqualTo("%9_9");
  }

  @Test
  void theFixedPrefixEndsAtTheFirstWildcard() {
    assertThat(new SerialPattern("a1?3-55*").fixedPrefix()).isEqualTo("A1");
    assertThat(new SerialPattern("so-1*").fixedPrefix()).isEqualTo("501");
    assertThat(new SerialPattern("*9?9").fixedPrefix()).isEmpty();
    assertThat(new SerialPattern("A123").fixedPrefix()).isEqualTo("A123");
  }

  @Test
  void matchesPartlyObliteratedSerials() {
    var pattern = new SerialPattern("A1?3-55*");
    assertThat(pattern.matches(new SerialNumber("A123-5501"))).isTrue();
    assertThat(pattern.matches(new SerialNumber("a1x3.55"))).isTrue();
    assertThat(pattern.matches(new SerialNumber("AI93 SS 77"))).isTrue();
    assertThat(pattern.matches(new SerialNumber("A12-4551"))).isFalse();
    assertThat(pattern.matches(new SerialNumber("XA123551"))).isFalse();
  }

  @Test
  void refusesPatternsWithFewerThanTwoKnownCharacters() {
    assertThatThrownBy(() -> new SerialPattern("A*??"))
        .isInstanceOf(InvalidRequest.class)
        .hasMessage("pattern 'A*??' has 1 known characters; a trace needs at least 2");
    assertThatThrownBy(() -> new SerialPattern("*")).hasMessageContaining("has 0 known");
  }

  @Test
  void refusesSqlWildcardsTypedAsText() {
    assertThatThrownBy(() -> new SerialPattern("AB%1"))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("contains '%'");
    assertThatThrownBy(() -> new SerialPattern("AB_1")).hasMessageContaining("contains '_'");
  }

  @Test
  void refusesBlankPatterns() {
    assertThatThrownBy(() -> new SerialPattern(""))
        .isInstanceOf(InvalidRequest.class)
        .hasMessage("pattern is required");
  }

  /** The one-pass match against the plain definition (? one character, * any run) as a regex. */
  @Test
  void matchesAsTheWildcardsDefineOnRandomSerialsAndPatterns() {
    var random = new java.util.Random(42);
    String letters = "AB1?*";
    for (int n = 0; n < 50_000; n++) {
      String serial = random(random, "AB1", 3 + random.nextInt(8));
      String text = random(random, letters, 2 + random.nextInt(9));
      SerialPattern pattern;
      try {
        pattern = new SerialPattern(text);
      } catch (InvalidRequest tooFewKnown) {
        continue;
      }
      String regex =
          pattern
              .normalised()
              .chars()
              .mapToObj(c -> c == '?' ? "." : c == '*' ? ".*" : String.valueOf((char) c))
              .collect(java.util.stream.Collectors.joining());
      assertThat(pattern.matches(new SerialNumber(serial)))
          .as(text + " against " + serial)
          .isEqualTo(new SerialNumber(serial).normalised().matches(regex));
    }
  }

  /**
   * A pattern of many wildcards against a long serial: answered at once, not after backtracking.
   */
  @Test
  void manyWildcardsAgainstALongSerialAreAnsweredInOnePass() {
    var pattern = new SerialPattern("H*?*??*?*??*?*??*?*??*?*??*?*??*?*??*?*??*HT");
    assertThat(pattern.matches(new SerialNumber("J".repeat(60) + "H"))).isFalse();
    assertThat(pattern.matches(new SerialNumber("H" + "J".repeat(40) + "HT"))).isTrue();
  }

  private static String random(java.util.Random random, String alphabet, int length) {
    var text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }
}
