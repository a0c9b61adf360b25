package org.presstrace.resolution.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A person's name folded for comparison. When the parts are known (firstName and lastName, a comma
 * after the family name, or a name in Han characters, whose family name comes first) they are kept
 * apart; otherwise only the tokens are known, in any order.
 *
 * <p>A Han name is read as family name then given name (two characters for the compound family
 * names), each turned to pinyin and written as one word: 王小明 becomes family {@code wang}, given
 * {@code xiaoming}, which is how the name is romanised.
 *
 * <p>A name that reads as a Chinese name also carries its {@link ChineseName} readings, so that the
 * same person in Han characters, pinyin, Wade-Giles or Hong Kong romanisation can be recognised;
 * other names carry none.
 */
record PersonName(
    List<String> given,
    List<String> family,
    List<String> tokens,
    boolean parts,
    List<ChineseName.Reading> chinese) {

  private static final Set<String> TITLES =
      Set.of(
          "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "madam", "mme", "mlle",
          "herr", "frau", "sr", "sra", "srta", "don", "dona", "lic", "ing", "jr", "ii", "iii",
          "phd", "md", "esq");
  private static final List<String> HAN_TITLES = List.of("先生", "女士", "小姐", "博士", "同志");
  private static final Set<String> COMPOUND_SURNAMES =
      Set.of(
          "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐", "端木",
          "歐陽", "諸葛", "東方", "長孫");

  static final PersonName NONE = new PersonName(List.of(), List.of(), List.of(), false, List.of());

  /** Whether both given and family names are known, and known apart. */
  boolean complete() {
    return parts && !given.isEmpty() && !family.isEmpty();
  }

  boolean isEmpty() {
    return tokens.isEmpty();
  }

  /** All tokens run together, for comparing spellings that split words differently. */
  String compact() {
    return String.join("", tokens);
  }

  static PersonName of(List<String> names, List<String> firstNames, List<String> lastNames) {
    List<String> given = part(firstNames);
    List<String> family = part(lastNames);
    if (!given.isEmpty() || !family.isEmpty()) {
      String familyHan = String.join("", lastNames).replaceAll("\\s", "");
      String givenHan = String.join("", firstNames).replaceAll("\\s", "");
      if (onlyHan(familyHan) && onlyHan(givenHan)) {
        return withTokens(given, family, ChineseName.han(familyHan, givenHan));
      }
      return withTokens(given, family, ChineseName.latin(family, given));
    }
    for (String name : names) {
      PersonName parsed = parse(name);
      if (!parsed.isEmpty()) {
        return parsed;
      }
    }
    return NONE;
  }

  private static PersonName parse(String name) {
    String trimmed = name.trim();
    if (Text.hasHan(trimmed) && !hasAsciiLetter(trimmed)) {
      return han(trimmed);
    }
    int comma = trimmed.indexOf(',');
    if (comma > 0) {
      List<String> family = part(List.of(trimmed.substring(0, comma)));
      List<String> given = part(List.of(trimmed.substring(comma + 1)));
      if (!family.isEmpty() && !given.isEmpty()) {
        return withTokens(given, family, ChineseName.latin(family, given));
      }
    }
    List<String> tokens = Text.without(Text.tokens(trimmed), TITLES);
    return new PersonName(List.of(), List.of(), tokens, false, ChineseName.tokens(tokens));
  }

  /**
   * Whether {@code text} matches {@code .*[A-Za-z].*} as a whole: it holds an ASCII letter and no
   * line terminator (which {@code .} does not match).
   */
  private static boolean hasAsciiLetter(String text) {
    boolean letter = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return false;
      }
      letter |= (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
    return letter;
  }

  private static PersonName han(String name) {
    String bare = withoutSpacesAndDots(name);
    for (String title : HAN_TITLES) {
      if (bare.endsWith(title) && bare.length() > title.length()) {
        bare = bare.substring(0, bare.length() - title.length());
      }
    }
    int cut = bare.length() > 2 && COMPOUND_SURNAMES.contains(bare.substring(0, 2)) ? 2 : 1;
    if (bare.length() <= cut) {
      return withTokens(List.of(), List.of(word(bare)), List.of());
    }
    return withTokens(
        List.of(word(bare.substring(cut))),
        List.of(word(bare.substring(0, cut))),
        onlyHan(bare) ? ChineseName.han(bare.substring(0, cut), bare.substring(cut)) : List.of());
  }

  /**
   * {@code name} without white space (the ASCII white space of a regular expression's {@code \s}),
   * middle dots ({@code ·}, {@code ・}) and full stops.
   */
  private static String withoutSpacesAndDots(String name) {
    var bare = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean white = c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
      if (!white && c != '·' && c != '・' && c != '.') {
        bare.append(c);
      }
    }
    return bare.toString();
  }

  private static String word(String han) {
    return Text.fold(han).replace(" ", "");
  }

  private static List<String> part(List<String> values) {
    var tokens = new ArrayList<String>();
    for (String value : values) {
      if (Text.hasHan(value)) {
        tokens.add(word(value));
      } else {
        tokens.addAll(Text.without(Text.tokens(value), TITLES));
      }
    }
    tokens.removeIf(String::isEmpty);
    return tokens;
  }

  private static PersonName withTokens(
      List<String> given, List<String> family, List<ChineseName.Reading> chinese) {
    var tokens = new ArrayList<String>(family);
    tokens.addAll(given);
    return new PersonName(
        List.copyOf(given), List.copyOf(family), List.copyOf(tokens), true, List.copyOf(chinese));
  }

  /** Whether {@code text} is Han characters only, at most four: a person's name, not a phrase. */
  private static boolean onlyHan(String text) {
    if (text.isEmpty() || text.codePointCount(0, text.length()) > 4) {
      return false;
    }
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }
}
