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

  private Text() {}

  /** Whether {@code text} holds a Han (Chinese) character. */
  public static boolean hasHan(String text) {
    return text.codePoints()
        .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
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

  /** {@code text} with every Han syllable turned to toneless pinyin and accents removed. */
  static String toLatin(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKC);
    return TO_LATIN.get().transliterate(decomposed);
  }

  private static boolean isAscii(String text) {
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
