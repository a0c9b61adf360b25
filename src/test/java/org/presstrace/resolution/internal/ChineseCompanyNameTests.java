package org.presstrace.resolution.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChineseCompanyNameTests {

  static ChineseCompanyName parse(String name) {
    return ChineseCompanyName.parse(name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "苏州海源化工有限公司",
        "苏州市海源化工有限公司",
        "蘇州海源化工有限公司",
        "suzhou haiyuan huagong youxian gongsi",
        "SUZHOU HAIYUAN HUAGONG YOUXIANGONGSI",
        "SuzhouHaiyuan Huagong Youxiangongsi",
        "suzhouhaiyuanhuagongyouxiangongsi",
        "Sūzhōu Hǎiyuán Huàgōng Yǒuxiàn Gōngsī",
        "Su1zhou1 Hai3yuan2 Hua4gong1 You3xian4 Gong1si1",
        "Haiyuan Chemical Industry (Suzhou) Co., Ltd",
        "Haiyuan Chemicals （Suzhou） CO.,LTD.",
        "Suzhou Hai Yuan Chemical Co Ltd",
        "Suzhou City Haiyuan Chemical Industrial Company Limited",
        "Haiyuan Huagong (Suzhou) Co., Limited"
      })
  void readsEveryFormOfOneFirmIntoTheSameFourParts(String name) {
    ChineseCompanyName parsed = parse(name);

    assertThat(parsed.chinese()).isTrue();
    assertThat(parsed.place().names()).contains("苏州");
    assertThat(parsed.tradeName()).isEqualTo("haiyuan");
    assertThat(parsed.industry()).containsExactly("chemical");
    assertThat(parsed.legalForm()).isEqualTo("limited");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "青岛福瑞生物科技有限公司",
        "QINGDAO FURUI SHENGWU KEJI YOUXIANGONGSI",
        "Furui Biological Technology (Qingdao) Co Ltd",
        "Qingdao Furui Bio-Tech Co., Ltd.",
        "Qingdao Furui Biotechnology Company Limited",
        "Qingdao Furui Biological Science and Technology Co., Ltd"
      })
  void readsTheIndustryInEachOfItsRenderings(String name) {
    ChineseCompanyName parsed = parse(name);

    assertThat(parsed.tradeName()).isEqualTo("furui");
    assertThat(parsed.industry()).containsExactlyInAnyOrder("bio", "technology");
    assertThat(parsed.place().names()).containsExactly("青岛");
  }

  @Test
  void readsTheOtherIndustriesAndForms() {
    assertThat(parse("Hubei Kangrui Pharmaceutical Science and Technology Co., Ltd").industry())
        .containsExactlyInAnyOrder("pharmaceutical", "technology");
    assertThat(parse("湖北康瑞医药科技有限公司").industry())
        .containsExactlyInAnyOrder("pharmaceutical", "technology");
    assertThat(parse("Hebei Boyuan Imp. & Exp. Trade Co., Ltd").industry())
        .containsExactlyInAnyOrder("importexport", "trading");
    assertThat(parse("河北博源进出口贸易有限公司").industry())
        .containsExactlyInAnyOrder("importexport", "trading");
    assertThat(parse("hebei boyuan jinchukou maoyi youxian gongsi").place().names())
        .containsExactly("河北");
    assertThat(parse("Wuxi Ruifeng New Materials Co., Ltd").industry())
        .containsExactly("newmaterial");
    assertThat(parse("无锡瑞丰新材料股份有限公司").legalForm()).isEqualTo("stock");
    assertThat(parse("Ruifeng Group Co., Ltd").tradeName()).isEqualTo("ruifeng");
  }

  @Test
  void aPlaceInsideTheNameIsPartOfTheTradeName() {
    // 通化 is a city and 中山 one too, but only at the front (or in brackets) does a place say where
    ChineseCompanyName yuantong = parse("宁波市源通化工有限公司");
    assertThat(yuantong.tradeName()).isEqualTo("yuantong");
    assertThat(yuantong.industry()).containsExactly("chemical");

    ChineseCompanyName zhongshan = parse("苏州中山化工有限公司");
    assertThat(zhongshan.place().names()).containsExactly("苏州");
    assertThat(zhongshan.tradeName()).isEqualTo("zhongshan");

    ChineseCompanyName onlyPlace = parse("Zhongshan Chemical Co., Ltd");
    assertThat(onlyPlace.tradeName()).isEqualTo("zhongshan");
  }

  @Test
  void theReadingsOfHanCharactersAreNeverTakenForAnIndustryWord() {
    // 华工 reads huagong like 化工 (chemical), but is a trade name
    ChineseCompanyName huagong = parse("武汉华工科技有限公司");

    assertThat(huagong.tradeName()).isEqualTo("huagong");
    assertThat(huagong.industry()).containsExactly("technology");
  }

  @Test
  void aHanTradeNameMatchesEachReadingOfItsPolyphonicCharacters() {
    ChineseCompanyName han = parse("长沙长江化工有限公司");
    ChineseCompanyName latin = parse("Changsha Changjiang Chemical Co., Ltd");

    assertThat(han.place().names()).containsExactly("长沙");
    assertThat(ChineseCompanyName.tradeNames(han, latin)).isEqualTo("exact");
    assertThat(ChineseCompanyName.tradeNames(parse("长沙长江化工"), parse("Changsha Zhangjiang")))
        .isEqualTo("exact");
    assertThat(ChineseCompanyName.tradeNames(han, parse("Changsha Changjin Chemical")))
        .isEqualTo("close");
  }

  @Test
  void homophoneHanTradeNamesAreOnlyClose() {
    assertThat(ChineseCompanyName.tradeNames(parse("苏州鑫泰化工有限公司"), parse("苏州新泰化工有限公司")))
        .isEqualTo("close");
    assertThat(ChineseCompanyName.tradeNames(parse("苏州鑫泰化工有限公司"), parse("苏州鑫泰化工有限公司")))
        .isEqualTo("exact");
  }

  @Test
  void placesCompareAsSameWithinOrDifferent() {
    var suzhou = parse("Suzhou Haiyuan Chemical").place();
    assertThat(ChineseCompanyName.places(suzhou, parse("苏州市海源化工").place())).isEqualTo("same");
    assertThat(ChineseCompanyName.places(suzhou, parse("江苏海源化工").place())).isEqualTo("within");
    assertThat(ChineseCompanyName.places(suzhou, parse("无锡海源化工").place())).isEqualTo("different");
    assertThat(ChineseCompanyName.places(parse("Hebei Furui").place(), parse("湖北福瑞").place()))
        .isEqualTo("different");
    assertThat(ChineseCompanyName.places(parse("Jiangsu Suzhou Haiyuan").place(), suzhou))
        .isEqualTo("same");
    assertThat(ChineseCompanyName.places(suzhou, parse("Haiyuan Chemical").place())).isNull();
  }

  @Test
  void industriesCompareAsSameCloseOrDifferent() {
    assertThat(
            ChineseCompanyName.industries(Set.of("bio", "technology"), Set.of("bio", "technology")))
        .isEqualTo("same");
    assertThat(ChineseCompanyName.industries(Set.of("bio", "technology"), Set.of("bio")))
        .isEqualTo("close");
    assertThat(
            ChineseCompanyName.industries(
                Set.of("bio", "technology"), Set.of("pharmaceutical", "technology")))
        .isEqualTo("different");
    assertThat(ChineseCompanyName.industries(Set.of("chemical"), Set.of())).isNull();
  }

  @Test
  void westernNamesAreNotReadAsChinese() {
    assertThat(parse("Acme Chemical GmbH").chinese()).isFalse();
    assertThat(parse("Químicos del Norte, S.A. de C.V.").chinese()).isFalse();
    // read as Chinese only beside a name that is: its parts are there to compare
    ChineseCompanyName plain = parse("Huaqiang Trading LLC");
    assertThat(plain.chinese()).isFalse();
    assertThat(plain.tradeName()).isEqualTo("huaqiang");
    assertThat(plain.industry()).containsExactly("trading");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "有限公司",
        "苏州市",
        "(Suzhou)",
        "Co., Ltd",
        "((((",
        "Haiyuan (Suzhou Co Ltd",
        "Haiyuan ((Suzhou)) Chemical) Co Ltd",
        "123 456",
        "x",
        "\u0000\uFFFF\uD800",
        "ngngngngng mmmm",
        "\uD840\uDC00\uD840\uDC01化工有限公司",
        "苏州\u3007\u3007化工有限公司",
        "苏州〾化工有限公司",
        "苏州海⺀⺁源化工有限公司"
      })
  void oddNamesParseWithoutFailing(String name) {
    ChineseCompanyName parsed = parse(name);

    assertThat(parsed.tradeName()).doesNotContain(" ");
    if (parsed.chinese()) {
      assertThat(parsed.tradeName()).isNotEmpty();
    }
  }

  @Test
  void aLongNameParsesInLinearishTime() {
    String name = "suzhou " + "haiyuan".repeat(2000) + " huagong youxiangongsi";

    ChineseCompanyName parsed = parse(name);

    assertThat(parsed.industry()).containsExactly("chemical");
  }

  @Test
  void joinedPinyinIsCutOnlyBetweenSyllables() {
    boolean[] cuts = PinyinSyllables.cuts("youxiangongsi");
    assertThat(cuts).isNotNull();
    assertThat(cuts[3]).isTrue(); // you|xian
    assertThat(cuts[7]).isTrue(); // youxian|gongsi
    assertThat(cuts[5]).isTrue(); // youxi|an, xian is also xi'an
    assertThat(cuts[4]).isFalse(); // youx|...
    assertThat(PinyinSyllables.cuts("chemical")).isNull();
    assertThat(PinyinSyllables.isPinyin("shengwukeji")).isTrue();
  }
}
