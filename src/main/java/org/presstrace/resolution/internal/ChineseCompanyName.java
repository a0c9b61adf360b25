package org.presstrace.resolution.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.presstrace.resolution.internal.ChineseLexicon.Kind;
import org.presstrace.resolution.internal.ChineseLexicon.Word;

/**
 * A Chinese company name in its four parts: place (行政区划), trade name (字号), industry (行业) and
 * organisational form (组织形式), read from Han characters, pinyin (any case, with or without tones,
 * joined or apart) or English. 苏州海源化工有限公司, "suzhou haiyuan huagong youxian gongsi" and "Haiyuan
 * Chemical Industry (Suzhou) Co., Ltd" are all place 苏州, trade name {@code haiyuan}, industry
 * {@code chemical}, form {@code limited}.
 *
 * <p>The name is read from its end, as Chinese names are built: the form, then the industry words,
 * then a place in brackets; the place is read from the front; what is left is the trade name. A
 * place or an industry word is never taken when nothing would be left for the trade name.
 *
 * @param place where the firm is registered, or {@code null} when the name does not say
 * @param tradeName the distinctive part, in pinyin letters; empty when none was found
 * @param tradeHan the trade name in simplified Han characters when it was written in Han, else
 *     empty
 * @param industry the industry as atoms ({@code bio}, {@code technology}, ...), sorted
 * @param legalForm the organisational form's family ({@code limited}, {@code stock}, ...), or empty
 * @param chinese whether the name reads as a Chinese firm's (Han characters, a Chinese place, a
 *     pinyin industry or form): only then is it compared part by part
 */
record ChineseCompanyName(
    Place place,
    String tradeName,
    String tradeHan,
    Set<String> industry,
    String legalForm,
    boolean chinese) {

  /** Words that join others and say nothing: "Import and Export", "Science & Technology". */
  static final Set<String> FILLER = Set.of("and", "of", "the");

  /** Said after a place: 苏州市 is Suzhou Shi, Suzhou City. */
  private static final Set<String> PLACE_SUFFIXES =
      Set.of("shi", "city", "sheng", "province", "municipality", "prefecture", "diqu");

  /** Atoms that qualify an industry rather than name one. */
  static final Set<String> BROAD =
      Set.of("technology", "trading", "industrial", "development", "science");

  static final ChineseCompanyName NONE = new ChineseCompanyName(null, "", "", Set.of(), "", false);

  private static final Pattern BRACKETED = Pattern.compile("\\(([^()]*)\\)");
  private static final Pattern TONE_NUMBERS = Pattern.compile("(?:[a-z]+[1-5])+[a-z]*");

  /** A place: the Han names it may be (Suzhou is 苏州 or 宿州) and their provinces. */
  record Place(Set<String> names, Set<String> provinces) {

    boolean provinceLevel() {
      return names.stream().allMatch(ChineseLexicon::provinceLevel);
    }

    static Place of(Set<String> names) {
      Set<String> provinces = new LinkedHashSet<>();
      names.forEach(name -> provinces.addAll(ChineseLexicon.provinces(name)));
      return new Place(Set.copyOf(names), Set.copyOf(provinces));
    }

    /** This place narrowed by a later, more precise one ("Jiangsu" then "Suzhou": 苏州). */
    Place then(Place finer) {
      Set<String> kept = new LinkedHashSet<>();
      for (String name : finer.names) {
        if (ChineseLexicon.provinces(name).stream().anyMatch(names::contains)
            || names.contains(name)) {
          kept.add(name);
        }
      }
      return Place.of(kept.isEmpty() ? finer.names : kept);
    }
  }

  boolean hasTradeName() {
    return !tradeName.isEmpty();
  }

  static ChineseCompanyName parse(String name) {
    if (name == null || name.isBlank()) {
      return NONE;
    }
    String text = Normalizer.normalize(name, Normalizer.Form.NFKC);
    boolean han = Text.hasHan(text);
    if (han) {
      text = ChineseLexicon.simplified(text);
    }
    Place bracketed = null;
    var rest = new StringBuilder();
    Matcher brackets = BRACKETED.matcher(text);
    int last = 0;
    boolean signal = han;
    while (brackets.find()) {
      rest.append(text, last, brackets.start()).append(' ');
      Place place = placeOnly(brackets.group(1));
      if (place != null) {
        bracketed = bracketed == null ? place : bracketed.then(place);
        signal = true;
      } else if (!qualifierOnly(brackets.group(1))) {
        rest.append(brackets.group(1)).append(' ');
      }
      last = brackets.end();
    }
    rest.append(text.substring(last).replace('(', ' ').replace(')', ' '));
    Units units = Units.of(rest.toString());
    int start = 0;
    int end = units.length();
    String form = "";
    // the organisational form and qualifiers (集团, Group, China) at the end
    for (Match m = units.atEnd(end, Kind.FORM, start);
        m != null;
        m = units.atEnd(end, Kind.FORM, start)) {
      String family = m.word().value();
      if (!family.equals(ChineseLexicon.QUALIFIER)
          && (form.isEmpty() || form.equals(ChineseLexicon.UNSPECIFIED))) {
        form = family;
      }
      signal |= m.word().pinyin() && !family.equals(ChineseLexicon.QUALIFIER);
      end = m.start();
    }
    Set<String> industry = new TreeSet<>();
    for (Match m = units.atEnd(end, Kind.INDUSTRY, start);
        m != null;
        m = units.atEnd(end, Kind.INDUSTRY, start)) {
      industry.addAll(List.of(m.word().value().split(" ")));
      signal |= m.word().pinyin();
      end = m.start();
      Match qualifier = units.atEnd(end, Kind.FORM, start);
      if (qualifier != null && qualifier.word().value().equals(ChineseLexicon.QUALIFIER)) {
        end = qualifier.start();
      }
    }
    Place place = null;
    while (start < end) {
      Match qualifier = units.atStart(start, Kind.FORM, end);
      if (qualifier != null && qualifier.word().value().equals(ChineseLexicon.QUALIFIER)) {
        start = qualifier.end();
        continue;
      }
      List<Match> found = units.placesAtStart(start, end);
      if (found.isEmpty()) {
        break;
      }
      Set<String> names = new LinkedHashSet<>();
      found.forEach(m -> names.add(m.word().value()));
      Place here = Place.of(names);
      place = place == null ? here : place.then(here);
      start = units.afterPlaceSuffix(found.get(0).end(), end);
      signal = true;
    }
    if (bracketed != null) {
      place = place == null ? bracketed : place.then(bracketed);
    }
    String trade = units.letters(start, end);
    String tradeHan = units.hanOnly(start, end);
    if (industry.isEmpty() && form.isEmpty() && place == null && !han) {
      signal = false;
    }
    return new ChineseCompanyName(
        place,
        trade,
        tradeHan,
        Set.copyOf(industry),
        form.equals(ChineseLexicon.UNSPECIFIED) ? "" : form,
        signal && !trade.isEmpty());
  }

  /** The text as a place and nothing else ("Suzhou", "苏州市", "Hong Kong"), or {@code null}. */
  private static Place placeOnly(String text) {
    Units units = Units.of(text);
    int start = 0;
    Place place = null;
    while (start < units.length()) {
      List<Match> found = units.placesAtStart(start, units.length() + 1);
      if (found.isEmpty()) {
        return null;
      }
      Set<String> names = new LinkedHashSet<>();
      found.forEach(m -> names.add(m.word().value()));
      place = place == null ? Place.of(names) : place.then(Place.of(names));
      start = units.afterPlaceSuffix(found.get(0).end(), units.length() + 1);
    }
    return place;
  }

  private static boolean qualifierOnly(String text) {
    Units units = Units.of(text);
    Match m = units.atEnd(units.length(), Kind.FORM, 0);
    return m != null && m.start() == 0 && m.word().value().equals(ChineseLexicon.QUALIFIER);
  }

  /** A known word found between two positions of the letters. */
  record Match(int start, int end, Word word) {}

  /**
   * The name as one run of letters with the places where a word may begin or end: between two words
   * or Han characters (strong), or between two syllables of pinyin written joined (weak, where only
   * pinyin words may start). Han characters are kept beside their readings, and Han words of the
   * lexicon are recognised before their letters are.
   */
  private static final class Units {
    private final StringBuilder letters = new StringBuilder();
    private final java.util.BitSet strong = new java.util.BitSet();
    private final Set<Integer> weak = new java.util.HashSet<>();

    /** Han words of the lexicon by their start in the letters. */
    private final java.util.Map<Integer, Match> hanWords = new java.util.HashMap<>();

    /** Han characters outside lexicon words by their start in the letters. */
    private final java.util.Map<Integer, Integer> hanChars = new java.util.HashMap<>();

    /** Whether a Han place may come next: at the start, or after another place or a qualifier. */
    private boolean placeMayFollow = true;

    /** Which letters come from Latin text (the others spell Han characters). */
    private final java.util.BitSet latin = new java.util.BitSet();

    static Units of(String text) {
      var units = new Units();
      units.strong.set(0);
      int i = 0;
      var latin = new StringBuilder();
      while (i < text.length()) {
        int cp = text.codePointAt(i);
        if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
          units.addLatin(latin.toString());
          latin.setLength(0);
          i = units.addHan(text, i);
        } else {
          latin.appendCodePoint(cp);
          i += Character.charCount(cp);
        }
      }
      units.addLatin(latin.toString());
      return units;
    }

    int length() {
      return letters.length();
    }

    private int addHan(String text, int at) {
      for (int len = Math.min(ChineseLexicon.LONGEST_HAN, text.length() - at); len >= 2; len--) {
        Word word = ChineseLexicon.han(text.substring(at, at + len));
        if (word != null && word.kind() == Kind.PLACE && !placeMayFollow) {
          // 通化 is a city, but in 源通化工 it is the end of a trade name and the start of 化工
          continue;
        }
        if (word != null) {
          placeMayFollow =
              word.kind() == Kind.PLACE || word.value().equals(ChineseLexicon.QUALIFIER);
          int from = letters.length();
          String spelt = ChineseLexicon.compact(Text.fold(text.substring(at, at + len)));
          letters.append(spelt.isEmpty() ? "x" : spelt);
          hanWords.put(from, new Match(from, letters.length(), word));
          strong.set(letters.length());
          int next = at + len;
          if (word.kind() == Kind.PLACE
              && next < text.length()
              && (text.charAt(next) == '市' || text.charAt(next) == '省')) {
            next++;
          }
          return next;
        }
      }
      int cp = text.codePointAt(at);
      String reading = ChineseLexicon.readings(cp).get(0);
      if (reading.isEmpty()) {
        // a character without a Mandarin reading spells nothing
        return at + Character.charCount(cp);
      }
      int from = letters.length();
      placeMayFollow = false;
      letters.append(reading);
      hanChars.put(from, cp);
      strong.set(letters.length());
      return at + Character.charCount(cp);
    }

    private void addLatin(String text) {
      for (String token : Text.tokens(text)) {
        if (FILLER.contains(token)) {
          continue;
        }
        if (TONE_NUMBERS.matcher(token).matches()) {
          token = token.replaceAll("[1-5]", "");
        }
        int from = letters.length();
        letters.append(token);
        latin.set(from, letters.length());
        placeMayFollow = false;
        boolean[] cuts = token.length() > 3 ? PinyinSyllables.cuts(token) : null;
        if (cuts != null) {
          for (int p = 1; p < token.length(); p++) {
            if (cuts[p]) {
              weak.add(from + p);
            }
          }
        }
        strong.set(letters.length());
      }
    }

    private boolean isStrong(int position) {
      return strong.get(position);
    }

    private boolean mayStart(int position, Word word) {
      return isStrong(position) || (word.pinyin() && weak.contains(position));
    }

    /** The longest word of {@code kind} ending at {@code end} and starting after {@code floor}. */
    Match atEnd(int end, Kind kind, int floor) {
      for (int from = floor + 1; from < end; from++) {
        if (!isStrong(from) && !weak.contains(from)) {
          continue;
        }
        Match han = hanWords.get(from);
        if (han != null && han.end() == end && han.word().kind() == kind) {
          return han;
        }
        if (!allLatin(from, end)) {
          continue;
        }
        for (Word word : ChineseLexicon.latin(letters.substring(from, end), kind)) {
          if (mayStart(from, word)) {
            return new Match(from, end, word);
          }
        }
      }
      return null;
    }

    /**
     * The longest word of {@code kind} starting at {@code start} and ending before {@code ceiling}.
     */
    Match atStart(int start, Kind kind, int ceiling) {
      List<Match> all = wordsAtStart(start, kind, ceiling);
      return all.isEmpty() ? null : all.get(0);
    }

    /** Every place the letters at {@code start} may name, all of the longest spelling. */
    List<Match> placesAtStart(int start, int ceiling) {
      return wordsAtStart(start, Kind.PLACE, ceiling);
    }

    private List<Match> wordsAtStart(int start, Kind kind, int ceiling) {
      Match han = hanWords.get(start);
      if (han != null) {
        return han.word().kind() == kind && han.end() < ceiling ? List.of(han) : List.of();
      }
      for (int to = Math.min(ceiling - 1, letters.length()); to > start; to--) {
        if (!isStrong(to) && !weak.contains(to)) {
          continue;
        }
        var found = new ArrayList<Match>();
        for (Word word : ChineseLexicon.latin(letters.substring(start, to), kind)) {
          boolean ends = isStrong(to) || word.pinyin();
          if (ends && (isStrong(start) || word.pinyin()) && allLatin(start, to)) {
            found.add(new Match(start, to, word));
          }
        }
        if (!found.isEmpty()) {
          return found;
        }
      }
      return List.of();
    }

    /** Past a 市 or "City" said after a place, when something follows it. */
    int afterPlaceSuffix(int at, int ceiling) {
      for (String suffix : PLACE_SUFFIXES) {
        int to = at + suffix.length();
        if (to < ceiling
            && to <= letters.length()
            && isStrong(at)
            && isStrong(to)
            && letters.substring(at, to).equals(suffix)) {
          return to;
        }
      }
      return at;
    }

    /**
     * Whether [from, to) is spelt by Latin text only: the readings of Han characters are never
     * taken for a word (华工 is not 化工, though both read huagong).
     */
    private boolean allLatin(int from, int to) {
      return latin.nextClearBit(from) >= to;
    }

    String letters(int from, int to) {
      return from >= to ? "" : letters.substring(from, to);
    }

    /** The Han characters spelling [from, to), or empty when any of it was not Han. */
    String hanOnly(int from, int to) {
      var han = new StringBuilder();
      int at = from;
      while (at < to) {
        Integer cp = hanChars.get(at);
        if (cp == null) {
          return "";
        }
        han.appendCodePoint(cp);
        at += ChineseLexicon.readings(cp).get(0).length();
      }
      return at == to ? han.toString() : "";
    }
  }

  /** How two places compare: the same, one the province of the other, or different. */
  static String places(Place a, Place b) {
    if (a == null || b == null) {
      return null;
    }
    if (a.names().stream().anyMatch(b.names()::contains)) {
      return "same";
    }
    if ((a.provinceLevel() && a.names().stream().anyMatch(b.provinces()::contains))
        || (b.provinceLevel() && b.names().stream().anyMatch(a.provinces()::contains))) {
      return "within";
    }
    return "different";
  }

  /**
   * How two trade names compare: equal Han characters, or a Han name and a romanised one that is
   * one of its readings, are exact; the same letters from other characters (海源, 海元) or one letter
   * apart are close.
   */
  static String tradeNames(ChineseCompanyName a, ChineseCompanyName b) {
    String x = a.tradeName().replace('v', 'u');
    String y = b.tradeName().replace('v', 'u');
    if (!a.tradeHan().isEmpty() && !b.tradeHan().isEmpty()) {
      if (a.tradeHan().equals(b.tradeHan())) {
        return "exact";
      }
    } else if (!a.tradeHan().isEmpty()) {
      if (spells(a.tradeHan(), 0, y, 0)) {
        return "exact";
      }
    } else if (!b.tradeHan().isEmpty()) {
      if (spells(b.tradeHan(), 0, x, 0)) {
        return "exact";
      }
    } else if (x.equals(y)) {
      return "exact";
    }
    return x.equals(y) || Similarity.jaroWinkler(x, y) >= 0.94 ? "close" : "different";
  }

  /** Whether {@code letters} from {@code at} is one reading of {@code han} from {@code index}. */
  private static boolean spells(String han, int index, String letters, int at) {
    if (index == han.length()) {
      return at == letters.length();
    }
    int cp = han.codePointAt(index);
    int next = index + Character.charCount(cp);
    for (String reading : ChineseLexicon.readings(cp)) {
      String r = reading.replace('v', 'u');
      if (letters.startsWith(r, at) && spells(han, next, letters, at + r.length())) {
        return true;
      }
    }
    return false;
  }

  /**
   * How two industries compare: the same atoms; one within the other or the same main atoms (生物科技
   * and 生物, Chemical and Chemical Technology) close; else different (生物科技 and 医药科技).
   */
  static String industries(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return null;
    }
    if (a.equals(b)) {
      return "same";
    }
    Set<String> mainA = new TreeSet<>(a);
    mainA.removeAll(BROAD);
    Set<String> mainB = new TreeSet<>(b);
    mainB.removeAll(BROAD);
    if (a.containsAll(b) || b.containsAll(a) || (!mainA.isEmpty() && mainA.equals(mainB))) {
      return "close";
    }
    return "different";
  }

  /** How two organisational forms compare; 有限公司 and 股份有限公司 are both rendered Co., Ltd. */
  static String forms(String a, String b) {
    if (a.isEmpty() || b.isEmpty()) {
      return null;
    }
    if (a.equals(b)) {
      return "same";
    }
    Set<String> pair = Set.of(a, b);
    return pair.equals(Set.of(CompanyName.LIMITED, CompanyName.STOCK)) ? "compatible" : "different";
  }
}
