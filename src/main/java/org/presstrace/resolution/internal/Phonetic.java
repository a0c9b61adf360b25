package org.presstrace.resolution.internal;

/**
 * A Soundex-style code for blocking: the first letter and up to three consonant classes, so that
 * spelling variants (smith, smyth; neumann, newman) share a key.
 */
final class Phonetic {

  //                                      abcdefghijklmnopqrstuvwxyz
  private static final String CLASSES = "01230120022455012623010202";

  private Phonetic() {}

  static String code(String token) {
    if (token.isEmpty()) {
      return "";
    }
    var code = new StringBuilder(4);
    char first = token.charAt(0);
    code.append(first);
    char last = classOf(first);
    for (int i = 1; i < token.length() && code.length() < 4; i++) {
      char c = classOf(token.charAt(i));
      if (c != '0' && c != last) {
        code.append(c);
      }
      if (token.charAt(i) != 'h' && token.charAt(i) != 'w') {
        last = c;
      }
    }
    return code.toString();
  }

  private static char classOf(char c) {
    return c >= 'a' && c <= 'z' ? CLASSES.charAt(c - 'a') : '0';
  }
}
