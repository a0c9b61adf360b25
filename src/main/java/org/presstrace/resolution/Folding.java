package org.presstrace.resolution;

import org.presstrace.resolution.internal.Text;

/** Text in the one spelling the matching engine compares: any script in folded ASCII. */
public final class Folding {

  private Folding() {}

  /** {@code text} in lower-case ASCII letters, digits and single spaces, transliterated. */
  public static String fold(String text) {
    return Text.fold(text);
  }

  /** Whether {@code text} holds a Han (Chinese) character. */
  public static boolean hasHan(String text) {
    return Text.hasHan(text);
  }
}
