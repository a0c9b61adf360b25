package org.presstrace.resolution.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChineseNameTests {

  static PersonName name(String name) {
    return PersonName.of(List.of(name), List.of(), List.of());
  }

  @Test
  void namesThatAreNotChineseGetNoReading() {
    for (String other :
        List.of(
            "Michael Chang",
            "John Lee",
            "José Ho",
            "Lee Ann Smith",
            "Chang Min-soo",
            "Ho Chi Minh",
            "Kim Min Jun",
            "Maria Lee Chan Gonzalez",
            "Lee")) {
      assertThat(name(other).chinese()).as(other).isEmpty();
    }
  }

  @Test
  void readsEachRomanisationAsTheSyllablesItMayBe() {
    assertThat(systems(name("Chang Wei-ming"))).contains("pinyin", "Wade-Giles");
    assertThat(systems(name("Cheung Wai Ming"))).containsOnly("HongKong");
    assertThat(systems(name("張偉明"))).containsOnly("Han");
    assertThat(systems(name("Zhang Weiming"))).containsOnly("pinyin");
    assertThat(systems(name("HSU, Chih-hsiung"))).containsOnly("Wade-Giles");
  }

  @Test
  void wadeGilesIsReadWithAndWithoutApostrophesAndUmlauts() {
    for (String written : List.of("Hsü Tz'u-ch'iang", "Hsu Tzu-chiang", "HSU, Tzu Chiang")) {
      ChineseName.Agreement agreement =
          ChineseName.compare(name(written).chinese(), name("Xu Ciqiang").chinese());
      assertThat(agreement.both()).as(written).isTrue();
    }
  }

  @Test
  void blockingKeysOfOnePersonInTwoScriptsMeet() {
    assertThat(ChineseName.keys(name("Cheung Wai Ming").chinese()))
        .containsAnyElementsOf(ChineseName.keys(name("张伟明").chinese()));
    assertThat(ChineseName.keys(name("Chang Wei-ming").chinese()))
        .containsAnyElementsOf(ChineseName.keys(name("張偉明").chinese()));
  }

  @Test
  void aPinyinFamilyNameIsOneSyllableOrAListedCompoundName() {
    for (String[] same :
        List.of(
            new String[] {"Ouyang Xiu", "欧阳修"},
            new String[] {"Zhuge Liang", "诸葛亮"},
            new String[] {"Shangguan Yi", "上官仪"},
            new String[] {"Sima Qian", "司马迁"})) {
      assertThat(ChineseName.compare(name(same[0]).chinese(), name(same[1]).chinese()).both())
          .as(same[0])
          .isTrue();
    }
    for (String written : List.of("Hao Zheng Leaean", "Hao Zheng Gaomei", "Wei Dongde")) {
      assertThat(name(written).chinese())
          .as(written + ": a word of syllables is no family name unless it is one")
          .extracting(reading -> reading.family().written().toLowerCase(java.util.Locale.ROOT))
          .doesNotContain("leaean", "gaomei", "dongde");
    }
    assertThat(name("Wei Dongde").chinese())
        .extracting(reading -> reading.family().written())
        .containsOnly("Wei");
  }

  private static List<String> systems(PersonName name) {
    return name.chinese().stream().map(ChineseName.Reading::system).distinct().toList();
  }
}
