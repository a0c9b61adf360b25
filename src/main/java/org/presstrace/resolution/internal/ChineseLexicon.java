package org.presstrace.resolution.internal;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The word lists of Chinese company names, read once from the data files under {@code resolution/}:
 * places ({@code chinese-places.tsv}), industries ({@code chinese-industries.tsv}), organisational
 * forms ({@code chinese-legal-forms.tsv}) and the several readings of polyphonic characters ({@code
 * pinyin-polyphones.tsv}). Latin renderings are keyed by their letters alone ("Co., Ltd" is {@code
 * coltd}); Han ones by the simplified characters.
 */
final class ChineseLexicon {

  /** What a word of a company name says: a place, an industry, an organisational form. */
  enum Kind {
    PLACE,
    INDUSTRY,
    FORM
  }

  /**
   * A known word. {@code value} is the place's Han name, the industry's atoms (space-separated) or
   * the form's family; {@code pinyin} whether its Latin spelling may start inside a word written
   * joined ("haiyuanhuagong").
   */
  record Word(Kind kind, String value, boolean pinyin) {}

  static final String QUALIFIER = "qualifier";
  static final String UNSPECIFIED = "unspecified";

  /** Han words (places, industries, forms), longest first when matched. */
  private static final Map<String, Word> HAN = new HashMap<>();

  private static final Map<String, List<Word>> LATIN = new HashMap<>();

  /** Province (Han) of each place; a province-level place is its own province. */
  private static final Map<String, Set<String>> PROVINCES = new HashMap<>();

  private static final Set<String> PROVINCE_LEVEL = new java.util.HashSet<>();

  private static final Map<Integer, List<String>> READINGS = new HashMap<>();

  /**
   * Readings of other characters as the transliterator gave them, kept (a few thousand at most).
   */
  private static final Map<Integer, List<String>> TRANSLITERATED =
      new java.util.concurrent.ConcurrentHashMap<>();

  static final int LONGEST_HAN;

  private static final ThreadLocal<Transliterator> SIMPLIFIED =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));

  private static final ThreadLocal<Transliterator> PINYIN =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower"));

  static {
    for (String line : ResourceLines.read("resolution/chinese-places.tsv")) {
      String[] f = line.split("\t", -1);
      String han = f[0];
      String province = f[3].equals("-") ? han : f[3];
      HAN.put(han, new Word(Kind.PLACE, han, true));
      PROVINCES.computeIfAbsent(han, k -> new LinkedHashSet<>()).add(province);
      if (f[3].equals("-")) {
        PROVINCE_LEVEL.add(han);
      }
      latin(f[1], new Word(Kind.PLACE, han, true));
      for (String other : f[2].split(",")) {
        if (!other.isBlank()) {
          latin(other, new Word(Kind.PLACE, han, false));
        }
      }
    }
    renderings("resolution/chinese-industries.tsv", Kind.INDUSTRY);
    renderings("resolution/chinese-legal-forms.tsv", Kind.FORM);
    for (var form : CompanyName.LATIN_FORMS.entrySet()) {
      String family = form.getValue().isEmpty() ? UNSPECIFIED : form.getValue();
      String key = compact(form.getKey());
      if (!LATIN.containsKey(key)) {
        latin(key, new Word(Kind.FORM, family, false));
      }
    }
    for (String line : ResourceLines.read("resolution/pinyin-polyphones.tsv")) {
      String[] f = line.split("\t");
      READINGS.put(f[0].codePointAt(0), List.of(f[1].split(" ")));
    }
    LONGEST_HAN = HAN.keySet().stream().mapToInt(String::length).max().orElse(1);
  }

  private ChineseLexicon() {}

  private static void renderings(String resource, Kind kind) {
    for (String line : ResourceLines.read(resource)) {
      String[] f = line.split("\t");
      for (String rendering : f[1].split("\\|")) {
        if (Text.hasHan(rendering)) {
          HAN.putIfAbsent(simplified(rendering), new Word(kind, f[0], true));
        } else {
          String key = compact(rendering);
          latin(key, new Word(kind, f[0], !rendering.contains(" ") && pinyinWord(key)));
        }
      }
    }
  }

  private static void latin(String rendering, Word word) {
    String key = compact(rendering);
    if (!key.isEmpty()) {
      LATIN.computeIfAbsent(key, k -> new ArrayList<>()).add(word);
    }
  }

  /** Pinyin long enough not to be met by chance inside another word (bio, sa and ag are not). */
  private static boolean pinyinWord(String key) {
    return key.length() >= 4 && PinyinSyllables.isPinyin(key);
  }

  /** Letters only, lower case: "Co., Ltd" is coltd, "Imp. & Exp." is impexp. */
  static String compact(String text) {
    var out = new StringBuilder();
    for (String token : Text.tokens(text)) {
      if (!ChineseCompanyName.FILLER.contains(token)) {
        out.append(token);
      }
    }
    return out.toString();
  }

  static Word han(String text) {
    return HAN.get(text);
  }

  /** The known words of kind {@code kind} spelt {@code letters}. */
  static List<Word> latin(String letters, Kind kind) {
    List<Word> words = LATIN.getOrDefault(letters, List.of());
    if (words.isEmpty()) {
      return words;
    }
    return words.stream().filter(w -> w.kind() == kind).toList();
  }

  static Set<String> provinces(String place) {
    return PROVINCES.getOrDefault(place, Set.of());
  }

  static boolean provinceLevel(String place) {
    return PROVINCE_LEVEL.contains(place);
  }

  static String simplified(String han) {
    return SIMPLIFIED.get().transliterate(han);
  }

  /** Every reading of a Han character in toneless pinyin, the most frequent first. */
  static List<String> readings(int codePoint) {
    List<String> known = READINGS.get(codePoint);
    if (known != null) {
      return known;
    }
    return TRANSLITERATED.computeIfAbsent(
        codePoint,
        cp ->
            List.of(
                PINYIN
                    .get()
                    .transliterate(new String(Character.toChars(cp)))
                    .replaceAll("[^a-z]", "")));
  }
}
