package org.presstrace.resolution.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A person's name read as a Chinese name in each romanisation it may be written in: Han characters,
 * Hanyu Pinyin, Wade-Giles (Taiwanese sources: Chang Wei-ming) and the Hong Kong Government's
 * Cantonese romanisation (Cheung Wai Ming). Each reading splits the name into a family name and a
 * given name and gives every pinyin spelling each may stand for and, from Han or Hong Kong
 * romanisation, the characters; two names agree when a reading of each shares a spelling (or, with
 * Han on one side and Hong Kong romanisation on the other, a character at every syllable).
 *
 * <p>A name is read only when all its words are syllables of a romanisation, with two to four
 * syllables, and a family name that is one: "Michael Chang" and "John Lee" are not read. A family
 * name that stands for more than one Mandarin name (Wong is 黃 Huang or 王 Wang; Wade-Giles Chang is
 * 張 Zhang or 常 Chang) agrees only ambiguously.
 */
final class ChineseName {

  static final String HAN = "Han";
  static final String PINYIN = "pinyin";
  static final String WADE_GILES = "Wade-Giles";
  static final String HONG_KONG = "HongKong";

  /** Beyond this many spellings a part's readings are not spelt out. */
  private static final int SPELLINGS = 512;

  /**
   * One part of a name in one romanisation: as written, its pinyin spellings (syllables joined),
   * the characters each syllable may be (null when the romanisation does not say), and whether the
   * family name stands for more than one Mandarin name.
   */
  record Part(
      String written, String system, Set<String> pinyin, List<Set<String>> han, boolean ambiguous) {

    /** The pinyin of the last syllable, each spelling it may have. */
    Set<String> lastSyllables() {
      var last = new LinkedHashSet<String>();
      for (String spelling : pinyin) {
        boolean[] cuts = PinyinSyllables.cuts(spelling);
        for (int i = spelling.length() - 1; i >= 0 && cuts != null; i--) {
          if (cuts[i] && PinyinSyllables.isSyllable(spelling.substring(i))) {
            last.add(spelling.substring(i));
          }
        }
      }
      return last;
    }
  }

  /** A reading: the family and given names in one romanisation. */
  record Reading(String system, Part family, Part given) {}

  /** How two names agree: each part exact, ambiguous or not at all, and which readings agreed. */
  record Agreement(int family, int given, Reading left, Reading right) {
    static final int NONE = 0;
    static final int AMBIGUOUS = 1;
    static final int EXACT = 2;

    boolean both() {
      return family > NONE && given > NONE;
    }

    int rank() {
      return (family > NONE && given > NONE ? 10 : 0) + family + given;
    }

    /** "Wade-Giles:Chang=pinyin:Zhang": the part written differently, in both romanisations. */
    String explanation() {
      boolean familyDiffers = !left.family().written().equals(right.family().written());
      Part a = familyDiffers ? left.family() : left.given();
      Part b = familyDiffers ? right.family() : right.given();
      return left.system() + ":" + a.written() + "=" + right.system() + ":" + b.written();
    }
  }

  private static final Map<String, Set<String>> WADE_GILES_SYLLABLES = new HashMap<>();
  private static final Map<String, Set<String>> CANTONESE_READINGS = new HashMap<>();
  private static final Map<String, Set<String>> CANTONESE_HAN = new HashMap<>();
  private static final Map<String, Set<String>> SURNAME_READINGS = new HashMap<>();
  private static final Map<String, Set<String>> SURNAME_HAN = new HashMap<>();
  private static final Set<String> COMPOUND_SURNAMES =
      Set.copyOf(ResourceLines.read("resolution/pinyin-compound-surnames.txt"));

  static {
    for (String line : ResourceLines.read("resolution/wade-giles.tsv")) {
      String[] f = line.split("\t");
      WADE_GILES_SYLLABLES
          .computeIfAbsent(Text.fold(f[0]).replace(" ", ""), k -> new LinkedHashSet<>())
          .add(f[1]);
    }
    for (String line : ResourceLines.read("resolution/cantonese-syllables.tsv")) {
      String[] f = line.split("\t");
      var readings = new LinkedHashSet<String>();
      for (String reading : f[1].split(" ")) {
        readings.add(reading.replace('v', 'u'));
      }
      CANTONESE_READINGS.put(f[0], readings);
      CANTONESE_HAN.put(f[0], characters(f[2]));
    }
    for (String line : ResourceLines.read("resolution/hong-kong-surnames.tsv")) {
      String[] f = line.split("\t");
      String key = Text.fold(f[0]).replace(" ", "");
      SURNAME_READINGS.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(f[2].replace('v', 'u'));
      SURNAME_HAN
          .computeIfAbsent(key, k -> new LinkedHashSet<>())
          .add(ChineseLexicon.simplified(f[1]));
    }
  }

  private ChineseName() {}

  private static Set<String> characters(String han) {
    var chars = new LinkedHashSet<String>();
    for (int i = 0; i < han.length(); ) {
      int cp = han.codePointAt(i);
      chars.add(ChineseLexicon.simplified(new String(Character.toChars(cp))));
      i += Character.charCount(cp);
    }
    return chars;
  }

  /** The readings of a name in Han characters, family name first. */
  static List<Reading> han(String family, String given) {
    if (family.isEmpty() || given.isEmpty()) {
      return List.of();
    }
    return List.of(new Reading(HAN, hanPart(family), hanPart(given)));
  }

  private static Part hanPart(String han) {
    String simplified = ChineseLexicon.simplified(han);
    var chars = new ArrayList<Set<String>>();
    List<Set<String>> readings = new ArrayList<>();
    for (int i = 0; i < simplified.length(); ) {
      int cp = simplified.codePointAt(i);
      chars.add(Set.of(new String(Character.toChars(cp))));
      var spellings = new LinkedHashSet<String>();
      for (String reading : ChineseLexicon.readings(cp)) {
        spellings.add(reading.replace('v', 'u'));
      }
      readings.add(spellings);
      i += Character.charCount(cp);
    }
    return new Part(han, HAN, spell(readings), List.copyOf(chars), false);
  }

  /**
   * The readings of a romanised name whose family and given names are known apart, and, as a
   * Chinese name is often entered the other way round, of the two swapped.
   */
  static List<Reading> latin(List<String> family, List<String> given) {
    var readings = new ArrayList<Reading>();
    readings.addAll(read(family, given));
    readings.addAll(read(given, family));
    return readings;
  }

  /** The readings of a romanised name whose order is not known: family name first or last. */
  static List<Reading> tokens(List<String> tokens) {
    int n = tokens.size();
    if (n < 2 || n > 4) {
      return List.of();
    }
    var readings = new ArrayList<Reading>();
    readings.addAll(read(tokens.subList(0, 1), tokens.subList(1, n)));
    readings.addAll(read(tokens.subList(n - 1, n), tokens.subList(0, n - 1)));
    if (n > 2) {
      readings.addAll(read(tokens.subList(0, 2), tokens.subList(2, n)));
      readings.addAll(read(tokens.subList(n - 2, n), tokens.subList(0, n - 2)));
    }
    return readings;
  }

  private static List<Reading> read(List<String> family, List<String> given) {
    if (family.isEmpty() || given.isEmpty() || family.size() > 2 || given.size() > 3) {
      return List.of();
    }
    String surname = String.join("", family);
    var readings = new ArrayList<Reading>();
    List<List<String>> pinyinGiven = segment(given, PinyinSyllables::isSyllable);
    if (isPinyinSurname(family) && !pinyinGiven.isEmpty()) {
      int syllables = pinyinGiven.get(0).size();
      if (syllables <= 3 && family.size() == 1) {
        readings.add(
            new Reading(
                PINYIN,
                new Part(written(family), PINYIN, Set.of(surname), null, false),
                new Part(written(given), PINYIN, Set.of(String.join("", given)), null, false)));
      }
    }
    Set<String> wadeGilesFamily = family.size() == 1 ? WADE_GILES_SYLLABLES.get(surname) : null;
    if (wadeGilesFamily != null) {
      Part givenPart = romanised(given, WADE_GILES, WADE_GILES_SYLLABLES, null);
      if (givenPart != null) {
        readings.add(
            new Reading(
                WADE_GILES,
                new Part(
                    written(family), WADE_GILES, wadeGilesFamily, null, wadeGilesFamily.size() > 1),
                givenPart));
      }
    }
    Set<String> hongKongFamily = SURNAME_READINGS.get(surname);
    if (hongKongFamily != null) {
      Part givenPart = romanised(given, HONG_KONG, CANTONESE_READINGS, CANTONESE_HAN);
      if (givenPart != null) {
        readings.add(
            new Reading(
                HONG_KONG,
                new Part(
                    written(family),
                    HONG_KONG,
                    hongKongFamily,
                    List.of(SURNAME_HAN.get(surname)),
                    hongKongFamily.size() > 1),
                givenPart));
      }
    }
    return readings;
  }

  /**
   * Whether {@code family} can be a Chinese family name in pinyin: one syllable, or a listed
   * compound name such as Ouyang or Sima ({@code resolution/pinyin-compound-surnames.txt}). Another
   * word that merely splits into syllables ("Gaomei", "Leaean") is some other name; read as a
   * Chinese family name it would take the comparison away from the name as written.
   */
  private static boolean isPinyinSurname(List<String> family) {
    String surname = String.join("", family);
    return PinyinSyllables.isSyllable(surname) || COMPOUND_SURNAMES.contains(surname);
  }

  /**
   * A given name in Wade-Giles or Hong Kong romanisation, syllable by syllable. Both write each
   * syllable apart (Wei-ming, Wai Ming), so a word is one syllable: read joined, "Jose" would be
   * Wade-Giles jo-se.
   */
  private static Part romanised(
      List<String> given,
      String system,
      Map<String, Set<String>> readings,
      Map<String, Set<String>> han) {
    for (String word : given) {
      if (!readings.containsKey(word)) {
        return null;
      }
    }
    var each = new ArrayList<Set<String>>();
    var chars = han == null ? null : new ArrayList<Set<String>>();
    for (String syllable : given) {
      each.add(readings.get(syllable));
      if (chars != null) {
        chars.add(han.get(syllable));
      }
    }
    return new Part(
        written(given), system, spell(each), chars == null ? null : List.copyOf(chars), false);
  }

  /**
   * The ways {@code words} split into syllables, each word on its own (Wei-Ming and Weiming both
   * give wei, ming), at most a few.
   */
  static List<List<String>> segment(
      List<String> words, java.util.function.Predicate<String> syllable) {
    List<List<String>> ways = List.of(List.of());
    for (String word : words) {
      List<List<String>> cuts = cut(word, syllable);
      if (cuts.isEmpty()) {
        return List.of();
      }
      var longer = new ArrayList<List<String>>();
      for (List<String> way : ways) {
        for (List<String> cut : cuts) {
          if (longer.size() < 8) {
            var joined = new ArrayList<>(way);
            joined.addAll(cut);
            longer.add(joined);
          }
        }
      }
      ways = longer;
    }
    return ways;
  }

  private static List<List<String>> cut(
      String word, java.util.function.Predicate<String> syllable) {
    if (word.isEmpty()) {
      return List.of();
    }
    var ways = new ArrayList<List<String>>();
    for (int len = Math.min(6, word.length()); len >= 1; len--) {
      String head = word.substring(0, len);
      if (!syllable.test(head)) {
        continue;
      }
      if (len == word.length()) {
        ways.add(List.of(head));
        continue;
      }
      for (List<String> rest : cut(word.substring(len), syllable)) {
        if (ways.size() < 4 && rest.size() < 3) {
          var way = new ArrayList<String>();
          way.add(head);
          way.addAll(rest);
          ways.add(way);
        }
      }
    }
    return ways;
  }

  /** Every spelling of the syllables joined; empty when there would be too many to spell. */
  private static Set<String> spell(List<Set<String>> syllables) {
    Set<String> spellings = Set.of("");
    for (Set<String> readings : syllables) {
      var longer = new LinkedHashSet<String>();
      for (String spelling : spellings) {
        for (String reading : readings) {
          longer.add(spelling + reading);
        }
      }
      if (longer.size() > SPELLINGS) {
        return Set.of();
      }
      spellings = longer;
    }
    return spellings;
  }

  private static String written(List<String> words) {
    var out = new StringBuilder();
    for (String word : words) {
      if (out.length() > 0) {
        out.append('-');
      }
      out.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
    }
    return out.toString();
  }

  /** The best agreement between a reading of each name; {@code null} when either has none. */
  static Agreement compare(List<Reading> left, List<Reading> right) {
    Agreement best = null;
    for (Reading a : left) {
      for (Reading b : right) {
        var agreement =
            new Agreement(
                part(a.family(), b.family(), true), part(a.given(), b.given(), false), a, b);
        if (best == null || agreement.rank() > best.rank()) {
          best = agreement;
        }
      }
    }
    return best;
  }

  private static int part(Part a, Part b, boolean family) {
    boolean agree;
    if (a.system().equals(HAN) && b.system().equals(HAN)) {
      // two names in characters are the same name only in the same characters
      agree = a.han().equals(b.han());
    } else if (a.han() != null
        && b.han() != null
        && (a.system().equals(HAN) || b.system().equals(HAN))
        && a.han().size() == b.han().size()) {
      agree = true;
      for (int i = 0; i < a.han().size() && agree; i++) {
        agree = shares(a.han().get(i), b.han().get(i));
      }
    } else {
      agree = shares(a.pinyin(), b.pinyin());
    }
    if (!agree) {
      return Agreement.NONE;
    }
    return family && (a.ambiguous() || b.ambiguous()) && !a.written().equals(b.written())
        ? Agreement.AMBIGUOUS
        : Agreement.EXACT;
  }

  private static boolean shares(Set<String> a, Set<String> b) {
    Set<String> small = a.size() <= b.size() ? a : b;
    Set<String> large = small == a ? b : a;
    for (String value : small) {
      if (large.contains(value)) {
        return true;
      }
    }
    return false;
  }

  /** The pinyin of each family name and last given syllable the readings give, for blocking. */
  static Set<String> keys(List<Reading> readings) {
    var keys = new LinkedHashSet<String>();
    var byFamily = new LinkedHashMap<String, Set<String>>();
    for (Reading reading : readings) {
      Set<String> last = reading.given().lastSyllables();
      for (String family : reading.family().pinyin()) {
        byFamily.computeIfAbsent(family, k -> new LinkedHashSet<>()).addAll(last);
      }
    }
    byFamily.forEach(
        (family, last) -> {
          for (String syllable : last) {
            if (keys.size() < 32) {
              keys.add(family + "|" + syllable);
            }
          }
        });
    return keys;
  }
}
