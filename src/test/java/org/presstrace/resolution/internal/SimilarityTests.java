package org.presstrace.resolution.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fast paths of {@link Similarity} against its general ones: Jaro on 64-bit masks against Jaro
 * on work arrays, and the bit-vector edit distance against the two-row table, on random strings
 * over small alphabets (where matches, transpositions and ties are frequent), at every length up to
 * 64 and on the edges (empty, one character, exactly 64, non-ASCII).
 */
class SimilarityTests {

  private static final String[] ALPHABETS = {"ab", "abc", "aeiou", "abcdefghijklmnopqrstuvwxyz"};

  @Test
  void jaroOnMasksEqualsJaroOnArraysBitForBit() {
    var random = new SplittableRandom(20261206L);
    for (int run = 0; run < 200_000; run++) {
      String alphabet = ALPHABETS[random.nextInt(ALPHABETS.length)];
      String a = word(random, alphabet, 1 + random.nextInt(64));
      String b =
          random.nextInt(4) == 0
              ? mutate(random, a, alphabet)
              : word(random, alphabet, 1 + random.nextInt(64));
      assertThat(Similarity.jaroShort(a, b))
          .as("%s / %s", a, b)
          .isEqualTo(Similarity.jaroLong(a, b));
    }
  }

  @Test
  void bitVectorDistanceEqualsTheTable() {
    var random = new SplittableRandom(6122026L);
    for (int run = 0; run < 200_000; run++) {
      String alphabet = ALPHABETS[random.nextInt(ALPHABETS.length)];
      String a = word(random, alphabet, random.nextInt(80));
      String b =
          random.nextInt(3) == 0
              ? mutate(random, a, alphabet)
              : word(random, alphabet, random.nextInt(80));
      assertThat(Similarity.distance(a, b)).as("%s / %s", a, b).isEqualTo(table(a, b));
    }
  }

  @Test
  void theBagDistanceIsNeverAboveTheEditDistanceAndOneEditIsOneEdit() {
    var random = new SplittableRandom(20261207L);
    int oneEdit = 0;
    for (int run = 0; run < 200_000; run++) {
      String alphabet = ALPHABETS[random.nextInt(ALPHABETS.length)];
      String a = word(random, alphabet, random.nextInt(12));
      String b =
          random.nextInt(2) == 0
              ? mutate(random, a, alphabet)
              : word(random, alphabet, random.nextInt(12));
      int distance = table(a, b);
      assertThat(Similarity.bagDistance(List.of(a), List.of(b)))
          .as("%s / %s", a, b)
          .isBetween(Math.abs(a.length() - b.length()), distance);
      assertThat(Similarity.oneEditApart(a, b)).as("%s / %s", a, b).isEqualTo(distance == 1);
      oneEdit += distance == 1 ? 1 : 0;
    }
    assertThat(oneEdit).isGreaterThan(10_000);
    assertThat(Similarity.bagDistance(List.of("smith"), List.of("jones"))).isEqualTo(4);
    assertThat(Similarity.bagDistance(List.of("王", "wei"), List.of("wang", "wei"))).isEqualTo(3);
  }

  /**
   * The bag distance counts characters in a table kept per thread and left all zero after each
   * call, including the calls that stop at a character outside ASCII in either list: a count left
   * behind would change the next answer. Checked call after call against counting afresh.
   */
  @Test
  void theBagDistanceLeavesNothingBehindForTheNextCall() {
    var random = new SplittableRandom(20261207L * 3);
    String[] alphabets = {"ab", "aeiou", "abcdefghijklmnopqrstuvwxyz", "abc王", "张wei"};
    for (int run = 0; run < 200_000; run++) {
      String alphabet = alphabets[random.nextInt(alphabets.length)];
      List<String> a = tokens(random, alphabet);
      List<String> b = random.nextInt(4) == 0 ? List.of("wei", "王") : tokens(random, alphabet);
      assertThat(Similarity.bagDistance(a, b)).as("%s / %s", a, b).isEqualTo(bagAfresh(a, b));
    }
  }

  /** The bag distance counted in a fresh table, as the definition reads. */
  private static int bagAfresh(List<String> a, List<String> b) {
    String x = String.join("", a);
    String y = String.join("", b);
    if ((x + y).chars().anyMatch(c -> c >= 128)) {
      return Math.abs(x.length() - y.length());
    }
    int[] counts = new int[128];
    x.chars().forEach(c -> counts[c]++);
    y.chars().forEach(c -> counts[c]--);
    int overA = 0;
    int overB = 0;
    for (int count : counts) {
      overA += Math.max(0, count);
      overB += Math.max(0, -count);
    }
    return Math.max(overA, overB);
  }

  @Test
  void namesAreTheBestOfTheTokenAndTheCompactSimilarities() {
    var random = new SplittableRandom(7122026L);
    for (int run = 0; run < 100_000; run++) {
      String alphabet = ALPHABETS[random.nextInt(ALPHABETS.length)];
      List<String> a = tokens(random, alphabet);
      List<String> b =
          random.nextInt(3) == 0
              ? List.of(mutate(random, String.join("", a), alphabet))
              : tokens(random, alphabet);
      double expected =
          Math.max(
              Similarity.tokens(a, b),
              Similarity.levenshtein(String.join("", a), String.join("", b)));
      assertThat(Similarity.names(a, b)).as("%s / %s", a, b).isEqualTo(expected);
    }
  }

  private static List<String> tokens(SplittableRandom random, String alphabet) {
    var tokens = new java.util.ArrayList<String>();
    for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
      tokens.add(word(random, alphabet, 1 + random.nextInt(8)));
    }
    return tokens;
  }

  @Test
  void edgesOfTheBitVectorDistance() {
    String sixtyFour = "a".repeat(63) + "b";
    assertThat(Similarity.distance(sixtyFour, "a".repeat(64))).isEqualTo(1);
    assertThat(Similarity.distance(sixtyFour, "")).isEqualTo(64);
    assertThat(Similarity.distance("x", "y")).isEqualTo(1);
    assertThat(Similarity.distance("x", "x")).isZero();
    assertThat(Similarity.distance("kitten", "sitting")).isEqualTo(3);
    // characters outside ASCII take the scan, and the ASCII table is left clean for the next call
    assertThat(Similarity.distance("王小明", "王晓明")).isEqualTo(1);
    assertThat(Similarity.distance("zhāng", "zhang")).isEqualTo(1);
    assertThat(Similarity.distance("abc", "xyz")).isEqualTo(3);
    assertThat(Similarity.distance("abc", "abc")).isZero();
  }

  @Test
  void oneTokenEachIsTheirJaroWinkler() {
    assertThat(Similarity.tokens(List.of("martha"), List.of("marhta")))
        .isEqualTo(Similarity.jaroWinkler("martha", "marhta"));
    assertThat(Similarity.jaroWinkler("martha", "marhta"))
        .isCloseTo(0.961, org.assertj.core.data.Offset.offset(0.001));
    assertThat(Similarity.jaroWinkler("dixon", "dicksonx"))
        .isCloseTo(0.813, org.assertj.core.data.Offset.offset(0.001));
  }

  private static String word(SplittableRandom random, String alphabet, int length) {
    var word = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      word.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return word.toString();
  }

  /** {@code text} with one to three random insertions, deletions or substitutions. */
  private static String mutate(SplittableRandom random, String text, String alphabet) {
    var out = new StringBuilder(text);
    for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
      int at = out.length() == 0 ? 0 : random.nextInt(out.length());
      char c = alphabet.charAt(random.nextInt(alphabet.length()));
      switch (out.length() == 0 ? 0 : random.nextInt(3)) {
        case 0 -> out.insert(at, c);
        case 1 -> out.deleteCharAt(at);
        default -> out.setCharAt(at, c);
      }
    }
    return out.length() > 64 ? out.substring(0, 64) : out.toString();
  }

  /** The edit distance by the full table, the definition. */
  private static int table(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
      }
    }
    return d[a.length()][b.length()];
  }
}
