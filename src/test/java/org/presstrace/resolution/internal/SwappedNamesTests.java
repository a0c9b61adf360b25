package org.presstrace.resolution.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The bound that spares most candidates the swapped-name check ({@link Similarity#namesAtMost})
 * against the similarity it bounds, and the check with the bound against the check computed in
 * full, on random names over small alphabets (many shared characters, ties, equal prefixes), names
 * of real people and hostile characters (outside ASCII, sharing their lowest six bits with
 * letters).
 */
class SwappedNamesTests {

  private static final String[] ALPHABETS = {
    "ab", "aeiou", "abcdefghijklmnopqrstuvwxyz", "aáàâ王小明'-", "a!A\u0061\u00e1\u0121"
  };

  private static final String[] NAMES = {
    "maria",
    "mario",
    "hernandez",
    "fernandez",
    "smith",
    "smyth",
    "john",
    "jon",
    "wang",
    "wei",
    "weiming",
    "li",
    "lee",
    "garcia",
    "garica",
    "jose",
    "joseph",
    "bill",
    "william",
    "lupe",
    "ana"
  };

  @Test
  void theBoundIsNeverBelowTheSimilarityAndOftenFarBelowOne() {
    var random = new SplittableRandom(20261209L);
    int useful = 0;
    for (int run = 0; run < 300_000; run++) {
      String a = word(random);
      String b = random.nextInt(4) == 0 ? mutate(random, a) : word(random);
      double similarity = Similarity.names(List.of(a), List.of(b));
      assertThat(Similarity.namesAtMost(a, b))
          .as("%s / %s", a, b)
          .isGreaterThanOrEqualTo(similarity);
      useful += Similarity.namesAtMost(a, b) < 0.8 ? 1 : 0;
    }
    assertThat(useful).isGreaterThan(30_000);
    assertThat(Similarity.namesAtMost("maria", "hernandez")).isLessThan(0.7);
    assertThat(Similarity.namesAtMost("smith", "smith")).isEqualTo(1);
    assertThat(Similarity.namesAtMost("abc", "xyz")).isZero();
  }

  @Test
  void theSwappedCheckWithTheBoundEqualsTheCheckInFull() {
    var random = new SplittableRandom(20261210L);
    int swapped = 0;
    for (int run = 0; run < 300_000; run++) {
      PersonName a = name(random);
      PersonName b = random.nextInt(3) == 0 ? swappedOrMutated(random, a) : name(random);
      double first = Similarity.names(a.given(), b.given());
      double last = Similarity.names(a.family(), b.family());
      if (random.nextInt(4) == 0) {
        // any standing of the names as written, not only what they reach
        first = random.nextInt(3) == 0 ? random.nextInt(21) / 20.0 : random.nextDouble();
        last = random.nextDouble();
      }
      boolean expected = swappedInFull(a, b, first, last);
      assertThat(Scorer.swapped(a, b, first, last)).as("%s / %s", a, b).isEqualTo(expected);
      swapped += expected ? 1 : 0;
    }
    assertThat(swapped).isGreaterThan(1_000);
  }

  /** The check as it was before the bound: the definition. */
  private static boolean swappedInFull(PersonName a, PersonName b, double first, double last) {
    if (!a.complete() || !b.complete()) {
      return false;
    }
    double needed = first + last + 0.1;
    if (2 <= needed) {
      return false;
    }
    double swappedFirst = Similarity.names(a.given(), b.family());
    if (swappedFirst + 1 <= needed) {
      return false;
    }
    return swappedFirst + Similarity.names(a.family(), b.given()) > needed;
  }

  private static PersonName name(SplittableRandom random) {
    return new PersonName(part(random), part(random), List.of(), true, List.of());
  }

  private static PersonName swappedOrMutated(SplittableRandom random, PersonName name) {
    if (random.nextBoolean()) {
      return new PersonName(name.family(), name.given(), List.of(), true, List.of());
    }
    List<String> given = new ArrayList<>(name.given());
    given.set(0, mutate(random, given.get(0)));
    return new PersonName(name.family(), given, List.of(), true, List.of());
  }

  /** One word most often, two or three now and then (the bound is then not used). */
  private static List<String> part(SplittableRandom random) {
    var words = new ArrayList<String>();
    for (int i = 0, n = random.nextInt(5) == 0 ? 2 + random.nextInt(2) : 1; i < n; i++) {
      words.add(word(random));
    }
    return words;
  }

  private static String word(SplittableRandom random) {
    if (random.nextInt(3) == 0) {
      return NAMES[random.nextInt(NAMES.length)];
    }
    String alphabet = ALPHABETS[random.nextInt(ALPHABETS.length)];
    var word = new StringBuilder();
    for (int i = 0, n = 1 + random.nextInt(12); i < n; i++) {
      word.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return word.toString();
  }

  /** {@code text} with one or two insertions, deletions, substitutions or swaps of neighbours. */
  private static String mutate(SplittableRandom random, String text) {
    var out = new StringBuilder(text);
    for (int edits = 1 + random.nextInt(2); edits > 0; edits--) {
      int at = random.nextInt(out.length());
      switch (random.nextInt(4)) {
        case 0 -> out.insert(at, (char) ('a' + random.nextInt(26)));
        case 1 -> {
          if (out.length() > 1) {
            out.deleteCharAt(at);
          }
        }
        case 2 -> out.setCharAt(at, (char) ('a' + random.nextInt(26)));
        default -> {
          if (at + 1 < out.length()) {
            char c = out.charAt(at);
            out.setCharAt(at, out.charAt(at + 1));
            out.setCharAt(at + 1, c);
          }
        }
      }
    }
    return out.toString();
  }
}
