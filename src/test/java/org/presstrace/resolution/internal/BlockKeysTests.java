package org.presstrace.resolution.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.presstrace.resolution.Entity;
import org.presstrace.resolution.Schema;

class BlockKeysTests {

  @Test
  void aCommonNameInOneCityMakesNoCandidateOfPeopleBornInDifferentDecades() {
    Set<String> seventies = keys("a", "María", "Hernández", "1975-03-02");
    Set<String> eighties = keys("b", "María", "Hernández", "1986-11-20");

    assertThat(shared(seventies, eighties)).isEmpty();
  }

  @Test
  void aYearMistypedInItsLastDigitStillMeetsOnNameAndCity() {
    Set<String> original = keys("a", "María", "Hernández", "1975-03-02");
    Set<String> mistyped = keys("b", "María", "Hernandes", "1978-03-12");

    assertThat(shared(original, mistyped))
        .isNotEmpty()
        .allMatch(key -> key.startsWith("nc:") && key.endsWith("|7"));
  }

  @Test
  void aRecordWithoutAYearMeetsItsNameAndCityInEveryDecade() {
    Set<String> undated = keys("a", "María", "Hernandez", null);

    for (String birth : new String[] {"1948-01-01", "1975-03-02", "2003-07-30"}) {
      assertThat(shared(undated, keys("b", "María", "Hernández", birth)))
          .as("born %s", birth)
          .anyMatch(key -> key.startsWith("nc:"));
    }
  }

  @Test
  void yearsOfDifferentDecadesStillMeetOnNameCityAndStreetName() {
    Set<String> one = keys("a", "Amy", "Chandler", "1951-07-15", "plant road");
    Set<String> other = keys("b", "Amy", "Chandler", "1973-03-18", "65 plantroad");

    assertThat(shared(one, other)).isNotEmpty().allMatch(key -> key.startsWith("nr:"));
  }

  private static Set<String> keys(String id, String given, String family, String birth) {
    return keys(id, given, family, birth, null);
  }

  private static Set<String> keys(
      String id, String given, String family, String birth, String street) {
    Entity entity =
        Entity.of(id, Schema.PERSON)
            .with("firstName", given)
            .with("lastName", family)
            .with("city", "Ciudad de México")
            .with("country", "MX");
    if (birth != null) {
      entity = entity.with("birthDate", birth);
    }
    if (street != null) {
      entity = entity.with("street", street);
    }
    return BlockKeys.of(Prepared.of(entity));
  }

  private static Set<String> shared(Set<String> a, Set<String> b) {
    Set<String> shared = new HashSet<>(a);
    shared.retainAll(b);
    return shared;
  }
}
