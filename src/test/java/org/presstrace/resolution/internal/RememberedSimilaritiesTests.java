package org.presstrace.resolution.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.presstrace.resolution.MatchOptions;

/**
 * Remembered similarities answer exactly what the computation answers, however full the table: it
 * is driven through collisions and overwrites with tiny tables, on pairs asked in both orders, on
 * equal lists that are different objects, and on different lists with equal hash codes. Shared
 * copies change no record.
 */
class RememberedSimilaritiesTests {

  /**
   * Names whose hash codes collide ("Aa" and "BB" hash alike, and so do lists of them), names that
   * are prefixes of one another, and ordinary ones.
   */
  private static final String[] WORDS = {
    "Aa",
    "BB",
    "AaAa",
    "BBBB",
    "AaBB",
    "BBAa",
    "maria",
    "mario",
    "mari",
    "smith",
    "smyth",
    "lee",
    "li",
    "wang",
    "wei",
    "jose",
    "joseph",
    "hernandez",
    "fernandez",
    "王",
    "a",
    "b"
  };

  @Test
  void answersAsTheComputationDoesThroughCollisionsAndOverwrites() {
    // the hostile words must collide, or the test would not attack what it says
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    assertThat(List.of("Aa").hashCode()).isEqualTo(List.of("BB").hashCode());
    var random = new SplittableRandom(20261207L);
    // a pool of lists, some equal to others but different objects: look-ups repeat by identity
    var pool = new ArrayList<List<String>>();
    for (int i = 0; i < 300; i++) {
      pool.add(
          random.nextInt(4) == 0 && !pool.isEmpty()
              ? copyOf(pool.get(random.nextInt(pool.size())))
              : list(random));
    }
    for (int capacity : new int[] {1, 2, 4, 16, 1 << 10}) {
      var remembered = new RememberedSimilarities<List<String>>(capacity, Similarity::names);
      var directed =
          new RememberedSimilarities<List<String>>(capacity, RememberedSimilaritiesTests::directed);
      for (int run = 0; run < 40_000; run++) {
        List<String> a = pool.get(random.nextInt(pool.size()));
        List<String> b = random.nextInt(5) == 0 ? a : pool.get(random.nextInt(pool.size()));
        assertThat(remembered.of(a, b)).as("%s / %s", a, b).isEqualTo(Similarity.names(a, b));
        assertThat(remembered.of(b, a)).as("%s / %s", b, a).isEqualTo(Similarity.names(b, a));
        assertThat(directed.of(a, b)).as("%s / %s", a, b).isEqualTo(directed(a, b));
        assertThat(directed.of(b, a)).as("%s / %s", b, a).isEqualTo(directed(b, a));
      }
      assertThat(remembered.asked()).isEqualTo(80_000);
      assertThat(remembered.computed()).as("capacity %d", capacity).isLessThan(80_000);
    }
  }

  @Test
  void aPairAndItsReverseAreRememberedApart() {
    var remembered = new RememberedSimilarities<String>(1 << 4, (a, b) -> a.compareTo(b));
    assertThat(remembered.of("Aa", "BB")).isEqualTo("Aa".compareTo("BB"));
    assertThat(remembered.of("BB", "Aa")).isEqualTo("BB".compareTo("Aa"));
    assertThat(remembered.of("Aa", "BB")).isEqualTo("Aa".compareTo("BB"));
    assertThat(remembered.of("Aa", "Aa")).isZero();
    assertThat(remembered.of("BB", "BB")).isZero();
    assertThat(remembered.of("BB", "Aa")).isEqualTo("BB".compareTo("Aa"));
  }

  @Test
  void theSameObjectsAreRememberedAndEqualOnesComputedAgain() {
    var remembered = new RememberedSimilarities<List<String>>(1 << 4, Similarity::names);
    List<String> maria = List.of("maria", "lupe");
    List<String> mario = List.of("mario");
    double first = remembered.of(maria, mario);
    assertThat(remembered.of(maria, mario)).isEqualTo(first);
    assertThat(remembered.computed()).isEqualTo(1);
    double again = remembered.of(new ArrayList<>(maria), new ArrayList<>(mario));
    assertThat(again).isEqualTo(first);
    assertThat(remembered.asked()).isEqualTo(3);
    assertThat(remembered.computed()).isEqualTo(2);
  }

  @Test
  void sharedCopiesMakeEqualNamesAndCitiesOneObjectAndChangeNoRecord() {
    var copies = new SharedCopies();
    List<Prepared> records =
        DeduplicationEquivalenceTests.records(300).stream().map(Prepared::of).toList();
    List<Prepared> shared = records.stream().map(copies::of).toList();
    assertThat(shared).isEqualTo(records);
    int same = 0;
    for (int i = 0; i < shared.size(); i++) {
      for (int j = i + 1; j < shared.size(); j++) {
        PersonName a = shared.get(i).person();
        PersonName b = shared.get(j).person();
        if (a.family().equals(b.family())) {
          assertThat(a.family()).isSameAs(b.family());
          same++;
        }
        if (shared.get(i).city().equals(shared.get(j).city())) {
          assertThat(shared.get(i).city()).isSameAs(shared.get(j).city());
        }
      }
    }
    assertThat(same).isGreaterThan(100);
  }

  @Test
  void aTableOfNoneRemembersNothing() {
    var remembered = new RememberedSimilarities<String>(0, Similarity::jaroWinkler);
    assertThat(remembered.of("smith", "smyth")).isEqualTo(Similarity.jaroWinkler("smith", "smyth"));
    assertThat(remembered.asked()).isZero();
    assertThat(remembered.computed()).isZero();
    assertThatThrownBy(() -> new RememberedSimilarities<String>(3, Similarity::jaroWinkler))
        .hasMessageContaining("capacity 3");
  }

  @Test
  void theBoundAndTheScoresWithATinyMemoryAreThoseWithout() {
    var copies = new SharedCopies();
    List<Prepared> records =
        DeduplicationEquivalenceTests.records(400).stream()
            .map(entity -> copies.of(Prepared.of(entity)))
            .toList();
    var scorer = new Scorer(MatchOptions.DEFAULTS, TermWeights.NONE);
    var memory = new Scorer.Memory(4, 2);
    var random = new SplittableRandom(7);
    for (int run = 0; run < 60_000; run++) {
      Prepared a = records.get(random.nextInt(records.size()));
      // a neighbour most often: duplicates sit next to their originals, and share names
      Prepared b =
          records.get(
              random.nextInt(3) == 0
                  ? random.nextInt(records.size())
                  : Math.min(records.size() - 1, records.indexOf(a) + random.nextInt(3)));
      double least = random.nextInt(4) == 0 ? Double.NEGATIVE_INFINITY : random.nextDouble() * 20;
      assertThat(scorer.bound(a, b, least, memory)).isEqualTo(scorer.bound(a, b, least));
      if (run % 10 == 0) {
        assertThat(scorer.compare(a, b, memory)).isEqualTo(scorer.compare(a, b));
      }
    }
    assertThat(memory.names.computed()).isLessThan(memory.names.asked());
    assertThat(memory.cities.computed()).isLessThan(memory.cities.asked());
  }

  /** Not symmetric, and telling lists with equal hash codes apart. */
  private static double directed(List<String> a, List<String> b) {
    return String.join(" ", a).compareTo(String.join(" ", b)) + 0.001 * a.size();
  }

  private static List<String> list(SplittableRandom random) {
    var words = new ArrayList<String>();
    for (int i = 0, n = random.nextInt(6) == 0 ? 2 : 1; i < n; i++) {
      words.add(WORDS[random.nextInt(WORDS.length)]);
    }
    return random.nextBoolean() ? List.copyOf(words) : words;
  }

  private static List<String> copyOf(List<String> list) {
    return new ArrayList<>(list);
  }
}
