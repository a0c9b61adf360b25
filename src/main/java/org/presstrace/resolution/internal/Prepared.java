package org.presstrace.resolution.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.presstrace.resolution.Entity;
import org.presstrace.resolution.Schema;

/** An entity with every property normalised once, ready to block and compare. */
record Prepared(
    String id,
    Schema schema,
    PersonName person,
    CompanyName company,
    PartialDate birth,
    Set<String> phones,
    Set<String> emails,
    Set<String> identifiers,
    Set<String> countries,
    List<String> street,
    Set<String> postalCodes,
    String city,
    String region) {

  static Prepared of(Entity entity) {
    Set<String> countries = new LinkedHashSet<>();
    for (String property : List.of("country", "nationality", "jurisdiction")) {
      for (String value : values(entity, property)) {
        String code = Countries.alpha2(value);
        if (!code.isEmpty()) {
          countries.add(code);
        }
      }
    }
    String home = countries.isEmpty() ? "" : countries.iterator().next();
    Set<String> phones = new LinkedHashSet<>();
    for (String phone : values(entity, "phone")) {
      String e164 = Phones.e164(phone, home);
      if (!e164.isEmpty()) {
        phones.add(e164);
      }
    }
    Set<String> emails = new LinkedHashSet<>();
    for (String email : values(entity, "email")) {
      String canonical = Emails.canonical(email);
      if (!canonical.isEmpty()) {
        emails.add(canonical);
      }
    }
    boolean person = entity.schema() == Schema.PERSON;
    List<String> names = values(entity, "name");
    return new Prepared(
        entity.id(),
        entity.schema(),
        person
            ? PersonName.of(names, values(entity, "firstName"), values(entity, "lastName"))
            : PersonName.NONE,
        person
            ? CompanyName.NONE
            : names.isEmpty() ? CompanyName.NONE : CompanyName.parse(names.get(0)),
        values(entity, "birthDate").stream()
            .map(PartialDate::parse)
            .filter(PartialDate::known)
            .findFirst()
            .orElse(PartialDate.UNKNOWN),
        phones,
        emails,
        identifiers(entity, person ? "idNumber" : "registrationNumber"),
        countries,
        Text.tokens(
            String.join(" ", values(entity, "street"))
                + " "
                + String.join(" ", values(entity, "address"))),
        codes(values(entity, "postalCode")),
        Text.fold(String.join(" ", values(entity, "city"))),
        Text.fold(String.join(" ", values(entity, "region"))));
  }

  /**
   * The values that identify on their own: phones in E.164, canonical e-mail addresses and identity
   * numbers, each prefixed with its kind ({@code phone:+861...}).
   */
  Set<String> exactIdentifiers() {
    Set<String> exact = new LinkedHashSet<>();
    phones.forEach(phone -> exact.add("phone:" + phone));
    emails.forEach(email -> exact.add("email:" + email));
    identifiers.forEach(number -> exact.add("id:" + number));
    return exact;
  }

  private static List<String> values(Entity entity, String property) {
    return entity.schema().properties().contains(property) ? entity.values(property) : List.of();
  }

  private static Set<String> identifiers(Entity entity, String property) {
    Set<String> ids = new LinkedHashSet<>();
    for (String value : values(entity, property)) {
      String id = Text.fold(value).replace(" ", "");
      if (!id.isEmpty()) {
        ids.add(id);
      }
    }
    return ids;
  }

  private static Set<String> codes(List<String> values) {
    Set<String> codes = new LinkedHashSet<>();
    for (String value : values) {
      String code = Text.fold(value).replace(" ", "");
      if (!code.isEmpty()) {
        codes.add(code);
      }
    }
    return codes;
  }
}
