package org.presstrace.resolution.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.presstrace.bench.SyntheticPeople;
import org.presstrace.resolution.Statement;

/**
 * Transliteration word by word (each word between ASCII spaces remembered on its own) gives what
 * ICU gives for the whole text at once, on every value of synthetic people (Han names and
 * addresses, accented Spanish names) and on texts whose words could interact: Greek final sigma,
 * combining marks after a space, runs of spaces, spaces at either end, mixed scripts.
 */
class TextTests {

  private static final List<String> AWKWARD =
      List.of(
          "北京市 朝阳区 建国路 88号",
          "José  María   de la Peña",
          " 王伟",
          "王伟 ",
          "  ",
          "Σίσυφος ΟΔΥΣΣΕΥΣ σ ς",
          "a \u0301b \u0308",
          "Müller-Lüdenscheidt straße 12",
          "Ñandú 长江 Владимир Путин",
          "محمد بن سلمان",
          "김 민준 서울",
          "ﬁnance ﬀ Ⅻ ①",
          "Đặng Thị Hồng",
          "王\u3000小明 李",
          "東京都 新宿区");

  @Test
  void wordByWordGivesWhatTheWholeTextGives() {
    var texts = new ArrayList<>(AWKWARD);
    for (var record : new SyntheticPeople(11).records(20_000, 0.2)) {
      for (Statement statement : record.entity().statements()) {
        texts.add(statement.value());
      }
    }
    int nonAscii = 0;
    for (String text : texts) {
      if (!Text.isAscii(text)) {
        nonAscii++;
        assertThat(Text.toLatin(text)).as(text).isEqualTo(Text.transliterate(text));
      }
    }
    assertThat(nonAscii).isGreaterThan(5_000);
  }

  @Test
  void aStreetOfManyHouseNumbersIsTransliteratedOnceAndFoldedTheSame() {
    for (int house = 1; house <= 300; house++) {
      String street = house + " 人民路";
      assertThat(Text.fold(street)).isEqualTo(house + " ren min lu");
    }
  }
}
