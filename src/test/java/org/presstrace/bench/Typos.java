package org.presstrace.bench;

import java.util.SplittableRandom;

/**
 * FEBRL's typing errors for {@link SyntheticPeople}: a character inserted, deleted, replaced by a
 * neighbour on the keyboard, or two neighbours transposed; a digit replaced in a number.
 */
final class Typos {

  private static final String[] KEYBOARD = {
    "qwertyuiop", "asdfghjkl", "zxcvbnm",
  };

  private Typos() {}

  /** {@code text} with one typing error in a letter or digit (unchanged when it has none). */
  static String apply(SplittableRandom random, String text) {
    if (text == null || text.length() < 2) {
      return text;
    }
    int at = 1 + random.nextInt(text.length() - 1);
    var out = new StringBuilder(text);
    switch (random.nextInt(4)) {
      case 0 -> out.insert(at, neighbour(random, text.charAt(at)));
      case 1 -> out.deleteCharAt(at);
      case 2 -> out.setCharAt(at, neighbour(random, text.charAt(at)));
      default -> {
        char c = out.charAt(at - 1);
        out.setCharAt(at - 1, out.charAt(at));
        out.setCharAt(at, c);
      }
    }
    return out.toString();
  }

  /** {@code text} with one of its digits replaced by another (unchanged when it has none). */
  static String digit(SplittableRandom random, String text) {
    if (text == null) {
      return null;
    }
    int digits = (int) text.chars().filter(Character::isDigit).count();
    if (digits == 0) {
      return text;
    }
    int target = random.nextInt(digits);
    var out = new StringBuilder(text);
    for (int i = 0, seen = 0; i < out.length(); i++) {
      if (Character.isDigit(out.charAt(i)) && seen++ == target) {
        out.setCharAt(i, (char) ('0' + (out.charAt(i) - '0' + 1 + random.nextInt(9)) % 10));
        break;
      }
    }
    return out.toString();
  }

  /** {@code count} random digits. */
  static String digits(SplittableRandom random, int count) {
    var out = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      out.append((char) ('0' + random.nextInt(10)));
    }
    return out.toString();
  }

  private static char neighbour(SplittableRandom random, char c) {
    char lower = Character.toLowerCase(c);
    for (String row : KEYBOARD) {
      int i = row.indexOf(lower);
      if (i >= 0) {
        int j = i == 0 ? 1 : i == row.length() - 1 ? i - 1 : i + (random.nextBoolean() ? 1 : -1);
        char n = row.charAt(j);
        return Character.isUpperCase(c) ? Character.toUpperCase(n) : n;
      }
    }
    return Character.isDigit(c) ? (char) ('0' + random.nextInt(10)) : 'e';
  }
}
