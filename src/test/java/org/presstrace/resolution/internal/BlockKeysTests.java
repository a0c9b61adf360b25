package org.presstrace.resolution.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.presstrace.resolution.Entity;
import org.presstrace.resolution.Schema;

/**
 * The name-and-city keys ({@code nc:}) bring together the people whose years of birth disagree or
 * are missing on one side, and only them: two people of a common name in one large city, born in
 * different years and months, share no such key (the name-and-year keys and the date keys cover the
 * rest).
 */
class BlockKeysTests {

  private static Entity person(String id, String birthDate, String city) {
    return Entity.of(id, Schema.PERSON)
        .with("firstName", "Maria")
        .with("lastName", "Hernandez")
        .with("birthDate", birthDate)
        .with("city", city);
  }

  private static Set<String> nameAndCity(Entity entity) {
    Set<String> keys = new HashSet<>();
    for (String key : BlockKeys.of(Prepared.of(entity))) {
      if (key.startsWith("nc:")) {
        keys.add(key);
      }
    }
    return keys;
  }

  private static Set<String> shared(Entity a, Entity b) {
    Set<String> keys = nameAndCity(a);
    keys.retainAll(nameAndCity(b));
    return keys;
  }

  @Test
  void aMistypedYearWithTheSameMonthStillMeetsOnNameAndCity() {
    assertThat(shared(person("a", "1985-03-12", "Puebla"), person("b", "1986-03-12", "Puebla")))
        .isNotEmpty();
  }

  @Test
  void aRecordWithoutADateOrWithTheYearAloneMeetsEveryMonthOnNameAndCity() {
    Entity dated = person("a", "1985-11-02", "Puebla");
    assertThat(shared(dated, person("b", null, "Puebla"))).isNotEmpty();
    assertThat(shared(dated, person("c", "1971", "Puebla"))).isNotEmpty();
    assertThat(shared(person("d", null, "Puebla"), person("e", "1962", "Puebla"))).isNotEmpty();
    assertThat(shared(dated, person("f", null, "Toluca"))).isEmpty();
  }

  @Test
  void peopleOfOneNameAndCityBornInOtherYearsAndMonthsShareNoNameAndCityKey() {
    assertThat(shared(person("a", "1985-03-12", "Puebla"), person("b", "1962-07-12", "Puebla")))
        .isEmpty();
    // the month alone known on one side still tells them apart
    assertThat(shared(person("c", "1985-03", "Puebla"), person("d", "1962-07-30", "Puebla")))
        .isEmpty();
  }

  @Test
  void aRecordWithoutAMonthHoldsOneNameAndCityKeyPerMonthAndNoMore() {
    assertThat(nameAndCity(person("a", "1971", "Puebla"))).hasSize(12);
    assertThat(nameAndCity(person("b", "1985-03-12", "Puebla"))).hasSize(1);
  }
}
