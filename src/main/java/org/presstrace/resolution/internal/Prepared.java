package org.presstrace.resolution.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.presstrace.resolution.Entity;
import org.presstrace.resolution.Schema;
import org.presstrace.resolution.Statement;

/** An entity with every property normalised once, ready to block and compare. */
public record Prepared(
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
    String region,
    Set<String> assetIds,
    List<String> assetName) {

  public static Prepared of(Entity entity) {
    Set<String> countries = new LinkedHashSet<>();
    for (String property : List.of("country", "nationality", "jurisdiction", "flag")) {
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
    boolean company = entity.schema() == Schema.COMPANY;
    List<String> names = values(entity, "name");
    return new Prepared(
        entity.id(),
        entity.schema(),
        person
            ? PersonName.of(names, values(entity, "firstName"), values(entity, "lastName"))
            : PersonName.NONE,
        !company || names.isEmpty() ? CompanyName.NONE : CompanyName.parse(names.get(0)),
        birth(values(entity, "birthDate")),
        compact(phones),
        compact(emails),
        entity.schema().legalEntity()
            ? compact(identifiers(entity, person ? "idNumber" : "registrationNumber"))
            : Set.of(),
        compact(countries),
        Text.tokens(
            String.join(" ", values(entity, "street"))
                + " "
                + String.join(" ", values(entity, "address"))),
        compact(codes(values(entity, "postalCode"))),
        Text.fold(String.join(" ", values(entity, "city"))),
        Text.fold(String.join(" ", values(entity, "region"))),
        compact(Identifiers.exact(entity)),
        entity.schema().legalEntity() ? List.of() : Text.tokens(String.join(" ", names)));
  }

  /** This record with another (equal) person's name and city. */
  Prepared with(PersonName person, String city) {
    return new Prepared(
        id,
        schema,
        person,
        company,
        birth,
        phones,
        emails,
        identifiers,
        countries,
        street,
        postalCodes,
        city,
        region,
        assetIds,
        assetName);
  }

  /**
   * The values that identify on their own: phones in E.164, canonical e-mail addresses, identity
   * numbers and the identifiers of assets ({@link Identifiers#exact}), each prefixed with its kind
   * ({@code phone:+861...}, {@code imo:9074729}).
   */
  Set<String> exactIdentifiers() {
    Set<String> exact = new LinkedHashSet<>();
    phones.forEach(phone -> exact.add("phone:" + phone));
    emails.forEach(email -> exact.add("email:" + email));
    identifiers.forEach(number -> exact.add("id:" + number));
    exact.addAll(assetIds);
    return exact;
  }

  /** {@link Entity#values}, for a property of the entity's schema, in one plain loop. */
  private static List<String> values(Entity entity, String property) {
    if (!entity.schema().properties().contains(property)) {
      return List.of();
    }
    List<String> values = null;
    for (Statement statement : entity.statements()) {
      if (statement.property().equals(property)) {
        if (values == null) {
          values = new ArrayList<>(2);
        }
        values.add(statement.value());
      }
    }
    return values == null ? List.of() : values;
  }

  /**
   * {@code values} in as little memory as a set of them can take: a million records hold six such
   * sets each, most empty or of one value. The order of iteration is kept.
   */
  private static Set<String> compact(Set<String> values) {
    return switch (values.size()) {
      case 0 -> Set.of();
      case 1 -> Set.of(values.iterator().next());
      default -> values;
    };
  }

  /** The first date of birth that parses, or {@link PartialDate#UNKNOWN}. */
  private static PartialDate birth(List<String> values) {
    for (String value : values) {
      PartialDate date = PartialDate.parse(value);
      if (date.known()) {
        return date;
      }
    }
    return PartialDate.UNKNOWN;
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
