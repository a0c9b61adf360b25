package org.presstrace.resolution.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.presstrace.resolution.Schema;

/**
 * The blocking keys of an entity: two records become candidates when they share one. Several kinds
 * of key are made so that an error in one property (a typo in the surname, a missing date of birth)
 * still leaves another to bring the pair together.
 */
final class BlockKeys {

  /** Business words too common to block company names on. */
  private static final Set<String> GENERIC =
      Set.of(
          "chemical",
          "trading",
          "technology",
          "bio",
          "pharmaceutical",
          "import",
          "export",
          "industrial",
          "group",
          "international",
          "development",
          "material",
          "new",
          "machinery",
          "equipment",
          "electronics",
          "logistics",
          "investment",
          "holding");

  /** Every tens digit of a year, for a record whose year of birth is unknown. */
  private static final List<String> UNKNOWN_TENS =
      List.of("|0", "|1", "|2", "|3", "|4", "|5", "|6", "|7", "|8", "|9");

  private BlockKeys() {}

  static Set<String> of(Prepared entity) {
    Set<String> keys = new LinkedHashSet<>();
    List<String> codes = new ArrayList<>();
    if (entity.schema() == Schema.PERSON) {
      person(entity, codes, keys);
    } else if (entity.schema() == Schema.COMPANY) {
      company(entity, codes, keys);
    } else if (!entity.assetName().isEmpty()) {
      keys.add("a:" + String.join("", entity.assetName()));
    }
    entity.assetIds().forEach(id -> keys.add("x:" + id));
    entity.identifiers().forEach(id -> keys.add("i:" + id));
    entity.phones().forEach(phone -> keys.add("t:" + phone));
    entity.emails().forEach(email -> keys.add("e:" + email));
    entity.postalCodes().forEach(code -> withNameCodes("p:" + code, codes, keys));
    return keys;
  }

  /**
   * A date of birth or a postal code is shared by dozens of unrelated people in a million (a day of
   * birth by about forty): alone it would make tens of millions of candidate pairs, nearly all of
   * different people. Paired with the initial of one name word it keeps the pairs whose other name
   * word is misspelt, swapped or a nickname (a typing error rarely hits the first letter), and
   * drops most of the rest. Without a name the value is kept alone.
   */
  private static void withNameCodes(String key, List<String> codes, Set<String> keys) {
    boolean named = false;
    for (String code : codes) {
      if (!code.isEmpty()) {
        keys.add(key + "|" + code.charAt(0));
        named = true;
      }
    }
    if (!named) {
      keys.add(key);
    }
  }

  private static void person(Prepared entity, List<String> codes, Set<String> keys) {
    List<String> tokens = entity.person().tokens();
    PartialDate birth = entity.birth();
    // A common name is shared by thousands in a million (María Hernández, 王伟): name keys carry
    // the year of birth when it is known, so that they stay under the fan-out cap, and the pairs of
    // name codes carry again the first word of the street (the house number), and the city, for the
    // records whose years disagree or are missing on one side. The city alone put hundreds of
    // strangers with a common name in a large city in one block (nearly half of all candidate
    // pairs at a million), so a name pair and its city carry the tens digit of the year, and again
    // the initial of the street's name.
    String year = birth.year() > 0 ? "|" + birth.year() : "";
    String house = entity.street().isEmpty() ? "" : "|" + entity.street().get(0);
    List<String> tens = entity.city().isEmpty() ? List.of() : tensOfYear(birth);
    String road = entity.city().isEmpty() ? "" : streetInitial(entity.street());
    for (String token : tokens.subList(0, Math.min(4, tokens.size()))) {
      codes.add(Phonetic.code(token));
    }
    for (int i = 0; i < codes.size(); i++) {
      if (codes.size() == 1) {
        keys.add("w:" + codes.get(i) + year);
      }
      for (int j = i + 1; j < codes.size(); j++) {
        String a = codes.get(i);
        String b = codes.get(j);
        String pair = a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
        keys.add("n:" + pair + year);
        if (!house.isEmpty()) {
          keys.add("ns:" + pair + house);
        }
        for (String ten : tens) {
          keys.add("nc:" + pair + "|" + entity.city() + ten);
        }
        if (!road.isEmpty()) {
          keys.add("nr:" + pair + "|" + entity.city() + road);
        }
      }
    }
    if (!tokens.isEmpty()) {
      keys.add("c:" + entity.person().compact() + year);
    }
    // a Chinese name in another script or romanisation shares no letters to code: its family name
    // and last given syllable in pinyin, each reading of them (Cheung Wai Ming: zhang|wei and more)
    for (String reading : ChineseName.keys(entity.person().chinese())) {
      keys.add("z:" + reading + year);
    }
    if (birth.day() > 0) {
      withNameCodes("d:" + birth.digits(), codes, keys);
      // both name words misspelt: the date and the postal code together still meet
      entity.postalCodes().forEach(code -> keys.add("dp:" + birth.digits() + "|" + code));
    }
  }

  /**
   * The tens digit of the year of birth, for the keys of a name pair and a city: a common name in a
   * large city is held by hundreds of strangers born in every decade, and a year mistyped in its
   * last digit keeps its tens digit. A record without a year carries every digit, so that it still
   * meets the records of its name and city whatever their years. (Years a century apart share a
   * digit: they only meet as they did before.)
   */
  private static List<String> tensOfYear(PartialDate birth) {
    if (birth.year() > 0) {
      return List.of("|" + birth.year() / 10 % 10);
    }
    return UNKNOWN_TENS;
  }

  /**
   * The initial of the street's first word that starts with a letter (its name, not its number),
   * for two records of one name and city whose years disagree wholly (a date typed from another
   * record): the street's name still starts with the same letter when its number is missing or
   * mistyped, or its words run together ("plant road", "65 plantroad"). Empty without a street.
   */
  private static String streetInitial(List<String> street) {
    for (String word : street) {
      if (!word.isEmpty() && Character.isLetter(word.charAt(0))) {
        return "|" + word.charAt(0);
      }
    }
    return "";
  }

  private static void company(Prepared entity, List<String> codes, Set<String> keys) {
    List<String> core = Text.without(entity.company().tokens(), GENERIC);
    if (core.isEmpty()) {
      core = entity.company().tokens();
    }
    if (core.isEmpty()) {
      return;
    }
    String compact = String.join("", core);
    keys.add("k:" + compact);
    tradeNameKeys(entity.company().chinese(), keys);
    keys.add("k6:" + compact.substring(0, Math.min(6, compact.length())));
    for (String token : core.subList(0, Math.min(3, core.size()))) {
      codes.add(Phonetic.code(token));
      keys.add("w:" + Phonetic.code(token));
    }
  }

  /**
   * A Chinese firm's trade name alone, whatever the place, industry and form around it and in
   * whichever script: 苏州海源化工有限公司 and "Haiyuan Chemical Industry (Suzhou) Co., Ltd" both give {@code
   * k:haiyuan}. A Han trade name gives each reading of its polyphonic characters (长江 is changjiang
   * and zhangjiang), a few at most.
   */
  private static void tradeNameKeys(ChineseCompanyName name, Set<String> keys) {
    if (!name.chinese() || !name.hasTradeName()) {
      return;
    }
    keys.add("k:" + name.tradeName().replace('v', 'u'));
    if (!name.tradeHan().isEmpty()) {
      List<String> spellings = List.of("");
      for (int i = 0; i < name.tradeHan().length(); ) {
        int cp = name.tradeHan().codePointAt(i);
        i += Character.charCount(cp);
        var longer = new ArrayList<String>();
        for (String spelling : spellings) {
          for (String reading : ChineseLexicon.readings(cp)) {
            if (longer.size() < 8) {
              longer.add(spelling + reading.replace('v', 'u'));
            }
          }
        }
        spellings = longer;
      }
      spellings.forEach(spelling -> keys.add("k:" + spelling));
    }
  }
}
