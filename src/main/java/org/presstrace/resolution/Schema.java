package org.presstrace.resolution;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.presstrace.access.InvalidRequest;

/**
 * The kinds of entity PressTrace resolves, named as in FollowTheMoney, with the properties each
 * accepts. The address parts {@code street}, {@code postalCode}, {@code city} and {@code region}
 * come from FollowTheMoney's Address schema and may be given beside or instead of {@code address}.
 */
public enum Schema {
  PERSON(
      "Person",
      List.of(
          "name",
          "firstName",
          "lastName",
          "birthDate",
          "nationality",
          "idNumber",
          "address",
          "street",
          "postalCode",
          "city",
          "region",
          "country",
          "phone",
          "email")),
  COMPANY(
      "Company",
      List.of(
          "name",
          "jurisdiction",
          "registrationNumber",
          "address",
          "street",
          "postalCode",
          "city",
          "region",
          "country",
          "phone",
          "email"));

  /** Properties whose values, when several columns feed them, are joined into one text. */
  static final Set<String> TEXT = Set.of("name", "firstName", "lastName", "address", "street");

  private final String label;
  private final List<String> properties;

  Schema(String label, List<String> properties) {
    this.label = label;
    this.properties = properties;
  }

  /** The FollowTheMoney schema name ({@code Person}, {@code Company}). */
  public String label() {
    return label;
  }

  /** The properties this schema accepts, in a stable order. */
  public List<String> properties() {
    return properties;
  }

  /** Whether several values of {@code property} are parts of one text rather than alternatives. */
  public static boolean joinsParts(String property) {
    return TEXT.contains(property);
  }

  /** The property spelled {@code name}, refusing one this schema does not accept. */
  public String property(String field, String name) {
    for (String property : properties) {
      if (property.equalsIgnoreCase(name.trim())) {
        return property;
      }
    }
    throw new InvalidRequest(
        field,
        label
            + " has no property '"
            + name.trim()
            + "'; use one of "
            + String.join(", ", properties));
  }

  /** The schema named {@code text} (FollowTheMoney spelling, any case). */
  public static Schema parse(String field, String text) {
    if (text != null) {
      for (Schema schema : values()) {
        if (schema.label.equalsIgnoreCase(text.trim())
            || schema.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
          return schema;
        }
      }
    }
    throw new InvalidRequest(field, "schema must be Person or Company, not '" + text + "'");
  }
}
