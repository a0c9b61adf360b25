package org.presstrace.resolution.internal;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Folds text for comparison: any script to Latin (Han to pinyin through ICU's Han-Latin), accents
 * removed, lower case in {@link Locale#ROOT}, punctuation to spaces.
 */
public final class Text {

  private static final ThreadLocal<Transliterator> TO_LATIN =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));

  /**
   * Transliterations already made: names, cities and streets repeat (a million people carry a few
   * thousand distinct Han family and given names), and ICU's rules cost far more than a look-up.
   * The result depends on the text alone, so the cache changes no result; it stops growing at
   * {@link #REMEMBERED} entries and keeps only short texts.
   */
  private static final java.util.concurrent.ConcurrentHashMap<String, String> LATIN =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final int REMEMBERED = 200_000;

  private Text() {}

  /** Whether {@code text} holds a Han (Chinese) character. */
  public static boolean hasHan(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (cp >= 0x2e80 && Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
        return true;
      }
      i += Character.charCount(cp);
    }
    return false;
  }

  /** {@code text} in lower-case ASCII letters, digits and single spaces. */
  public static String fold(String text) {
    if (text == null) {
      return "";
    }
    String latin = isAscii(text) ? text : toLatin(text);
    var out = new StringBuilder(latin.length());
    boolean space = true;
    for (char c : latin.toLowerCase(Locale.ROOT).toCharArray()) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        out.append(c);
        space = false;
      } else if (c == '\'' || c == '\u2019') {
        // O'Brien and O’Brien fold to obrien
      } else if (!space) {
        out.append(' ');
        space = true;
      }
    }
    int end = out.length();
    return space && end > 0 ? out.substring(0, end - 1) : out.toString();
  }

  /** The tokens of {@link #fold}. */
  public static List<String> tokens(String text) {
    String folded = fold(text);
    return folded.isEmpty() ? List.of() : List.of(folded.split(" "));
  }

  /**
   * {@code text} with every Han syllable turned to toneless pinyin and accents removed, word by
   * word: the words between ASCII spaces repeat far more than whole texts do (a street is its own
   * house number and a street name thousands share), so each word is looked up or transliterated
   * alone and the spaces kept as they are. A space ends a word for the transliteration too, so the
   * words give what the whole text gives ({@code TextTests}).
   */
  static String toLatin(String text) {
    int space = text.indexOf(' ');
    if (space < 0) {
      return wordToLatin(text);
    }
    var out = new StringBuilder(text.length() + 16);
    int from = 0;
    while (from <= text.length()) {
      int to = space < 0 ? text.length() : space;
      String word = text.substring(from, to);
      out.append(isAscii(word) ? word : wordToLatin(word));
      if (space < 0) {
        break;
      }
      out.append(' ');
      from = to + 1;
      space = text.indexOf(' ', from);
    }
    return out.toString();
  }

  /** {@link #transliterate}, remembered for short texts. */
  private static String wordToLatin(String text) {
    if (text.length() > 64) {
      return transliterate(text);
    }
    String latin = LATIN.get(text);
    if (latin == null) {
      latin = transliterate(text);
      if (LATIN.size() < REMEMBERED) {
        LATIN.putIfAbsent(text, latin);
      }
    }
    return latin;
  }

  /** The whole text through ICU at once, as {@link #toLatin} was before it went word by word. */
  static String transliterate(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKC);
    return TO_LATIN.get().transliterate(decomposed);
  }

  static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0x7e) {
        return false;
      }
    }
    return true;
  }

  /** Tokens joined with single spaces. */
  static String join(List<String> tokens) {
    return String.join(" ", tokens);
  }

  /** A copy of {@code tokens} without the ones in {@code drop}. */
  static List<String> without(List<String> tokens, java.util.Set<String> drop) {
    var kept = new ArrayList<String>(tokens.size());
    for (String token : tokens) {
      if (!drop.contains(token)) {
        kept.add(token);
      }
    }
    return kept;
  }
}
