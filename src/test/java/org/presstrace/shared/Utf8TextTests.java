package org.presstrace.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** An imported file is UTF-8 or it is refused with the line and column of its first bad byte. */
class Utf8TextTests {

  @Test
  void anEncodedLoneSurrogateIsRefusedWithItsLineAndColumn() {
    byte[] csv =
        csv(
            "name,weight\nok,1\n\"a, b\",",
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            "\n");

    assertThatThrownBy(() -> Utf8Text.decode(csv))
        .isInstanceOfSatisfying(
            InvalidRequest.class, e -> assertThat(e.field()).isEqualTo("weight"))
        .hasMessageStartingWith(
            "line 3, column 2 (weight): the text is not valid UTF-8 (byte 0xED)");
  }

  @Test
  void aLegacyCodePageByteIsRefused() {
    byte[] csv = csv("substance,place\nfentanyl,Bogot", new byte[] {(byte) 0xE1}, "\n");

    assertThatThrownBy(() -> Utf8Text.decode(csv))
        .hasMessageStartingWith("line 2, column 2 (place)");
  }

  @Test
  void aBadHeaderIsNamedByNumber() {
    byte[] csv = csv("a,", new byte[] {(byte) 0xFF}, "\n1,2\n");

    assertThatThrownBy(() -> Utf8Text.decode(csv))
        .isInstanceOfSatisfying(
            InvalidRequest.class, e -> assertThat(e.field()).isEqualTo("column 2"));
  }

  @Test
  void validTextAndItsByteOrderMarkAreRead() {
    byte[] csv = csv("", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "name\n王伟 💊\n");

    assertThat(Utf8Text.decode(csv)).isEqualTo("name\n王伟 💊\n");
  }

  @Test
  void decodedTextWithALoneSurrogateOrAReplacementIsRefused() {
    assertThatThrownBy(() -> Utf8Text.check("a,b\nc,\uD800"))
        .hasMessageStartingWith("line 2, column 2 (b)");
    assertThatThrownBy(() -> Utf8Text.check("a\n\uFFFD")).hasMessageContaining("line 2");
    assertThat(Utf8Text.check("a\n💊")).isEqualTo("a\n💊");
  }

  private static byte[] csv(String before, byte[] bad, String after) {
    var out = new ByteArrayOutputStream();
    out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(bad);
    out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}
