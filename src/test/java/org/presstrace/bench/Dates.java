package org.presstrace.bench;

import java.util.SplittableRandom;

/** Corrupted dates of birth for {@link SyntheticPeople}, from a {@code yyyy-mm-dd} date. */
final class Dates {

  private Dates() {}

  /**
   * {@code date} (yyyy-mm-dd) with day and month swapped, one digit mistyped, or only the year or
   * the year and month kept; a date already partial loses its month or goes missing.
   */
  static String corrupt(SplittableRandom random, String date) {
    if (date == null || date.length() < 10) {
      return date == null || random.nextBoolean() ? null : date.substring(0, 4);
    }
    String year = date.substring(0, 4);
    String month = date.substring(5, 7);
    String day = date.substring(8, 10);
    return switch (random.nextInt(4)) {
      case 0 -> Integer.parseInt(day) <= 12 ? year + "-" + day + "-" + month : year;
      case 1 -> year + "-" + month + "-" + day.charAt(0) + Typos.digit(random, day.substring(1));
      case 2 -> year + "-" + month;
      default ->
          year.substring(0, 3) + Typos.digit(random, year.substring(3)) + "-" + month + "-" + day;
    };
  }
}
