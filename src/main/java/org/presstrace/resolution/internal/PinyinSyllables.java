package org.presstrace.resolution.internal;

import java.util.Set;

/**
 * The syllables of toneless Hanyu Pinyin ({@code resolution/pinyin-syllables.txt}) and a segmenter
 * for pinyin written joined: "youxiangongsi" may be cut after you, xian and gong, "shengwukeji"
 * after sheng, wu and ke. Every cut that leaves syllables on both sides is kept, because joined
 * pinyin is ambiguous (xian is xian or xi'an) and the words of a name decide which cut is meant.
 */
final class PinyinSyllables {

  private static final Set<String> SYLLABLES =
      Set.copyOf(ResourceLines.read("resolution/pinyin-syllables.txt"));

  /** The longest syllable (zhuang, chuang, shuang). */
  private static final int LONGEST = 6;

  private PinyinSyllables() {}

  static boolean isSyllable(String text) {
    return SYLLABLES.contains(text);
  }

  /** Whether {@code word} (lower-case letters) is a sequence of pinyin syllables. */
  static boolean isPinyin(String word) {
    return !word.isEmpty() && cuts(word) != null;
  }

  /**
   * The positions inside {@code word} where it may be cut between two syllables, as a flag per
   * position (index 0 and {@code word.length()} included, always true); {@code null} when the word
   * is not pinyin at all.
   */
  static boolean[] cuts(String word) {
    int n = word.length();
    boolean[] fromStart = new boolean[n + 1];
    fromStart[0] = true;
    for (int i = 0; i < n; i++) {
      if (!fromStart[i]) {
        continue;
      }
      for (int len = 1; len <= LONGEST && i + len <= n; len++) {
        if (SYLLABLES.contains(word.substring(i, i + len))) {
          fromStart[i + len] = true;
        }
      }
    }
    if (!fromStart[n]) {
      return null;
    }
    boolean[] toEnd = new boolean[n + 1];
    toEnd[n] = true;
    for (int i = n - 1; i >= 0; i--) {
      for (int len = 1; len <= LONGEST && i + len <= n; len++) {
        if (toEnd[i + len] && SYLLABLES.contains(word.substring(i, i + len))) {
          toEnd[i] = true;
          break;
        }
      }
    }
    boolean[] cuts = new boolean[n + 1];
    for (int i = 0; i <= n; i++) {
      cuts[i] = fromStart[i] && toEnd[i];
    }
    return cuts;
  }
}
