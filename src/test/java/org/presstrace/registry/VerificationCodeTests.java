package org.presstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import org.junit.jupiter.api.Test;
import org.presstrace.shared.InvalidRequest;

class VerificationCodeTests {

  @Test
  void randomCodesAreTwentyEightCharactersInSevenGroupsAndDoNotRepeat() {
    var seen = new HashSet<String>();
    for (int i = 0; i < 2000; i++) {
      var code = VerificationCode.random();
      assertThat(code.value()).hasSize(28).matches("[0-9A-HJKMNP-TV-Z]{28}");
      assertThat(code.display()).matches("([0-9A-Z]{4}-){6}[0-9A-Z]{4}");
      assertThat(seen.add(code.value())).isTrue();
    }
  }

  @Test
  void codesAreReadLooselyAsTyped() {
    var code = VerificationCode.random();
    String typed = code.display().toLowerCase(java.util.Locale.ROOT).replace("-", " ");
    assertThat(VerificationCode.parse(typed)).isEqualTo(code);
    assertThat(VerificationCode.parse("OIL0-0000-0000-0000-0000-0000-0000").value())
        .isEqualTo("0110000000000000000000000000");
  }

  @Test
  void badCodesNameTheFieldAndSayWhy() {
    assertThatThrownBy(() -> VerificationCode.parse(" "))
        .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.field()).isEqualTo("code"))
        .hasMessageContaining("required");
    assertThatThrownBy(() -> VerificationCode.parse("ABCD-EFGH"))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("28 letters and digits")
        .hasMessageContaining("this one has 8");
    assertThatThrownBy(() -> VerificationCode.parse("UUUU-0000-0000-0000-0000-0000-0000"))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("'U' cannot appear");
    assertThatThrownBy(() -> VerificationCode.parse("0000-0000-0000-0000-0000-0000-000!"))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("'!' cannot appear");
  }
}
