package org.presstrace.resolution;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.presstrace.shared.InvalidRequest;

/**
 * The kinds of entity PressTrace resolves, named as in FollowTheMoney, with the properties each
 * accepts. The address parts {@code street}, {@code postalCode}, {@code city} and {@code region}
 * come from FollowTheMoney's Address schema and may be given beside or instead of {@code address}.
 * One property is PressTrace's own: a Vehicle's {@code vin}, because target deconfliction matches
 * vehicle identification numbers and FollowTheMoney has no property for them (its {@code
 * registrationNumber} is the plate). Identifiers are checked on entry by {@code Identifiers}.
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
          "email")),
  VEHICLE(
      "Vehicle",
      List.of("name", "type", "model", "registrationNumber", "vin", "country", "buildDate")),
  VESSEL("Vessel", List.of("name", "type", "imoNumber", "mmsi", "callSign", "flag")),
  CRYPTO_WALLET("CryptoWallet", List.of("publicKey", "currency", "managingExchange")),
  BANK_ACCOUNT("BankAccount", List.of("iban", "accountNumber", "bankName", "bic", "country"));

  /**
   * Older FollowTheMoney names still accepted for a property: {@code swiftBic} is now {@code bic}.
   */
  private static final Map<String, String> ALIASES = Map.of("swiftbic", "bic");

  /** Properties whose values, when several columns feed them, are joined into one text. */
  static final Set<String> TEXT = Set.of("name", "firstName", "lastName", "address", "street");

  /** The schema names, for messages. */
  public static final String LABELS =
      "Person, Company, Vehicle, Vessel, CryptoWallet or BankAccount";

  private final String label;
  private final List<String> properties;

  Schema(String label, List<String> properties) {
    this.label = label;
    this.properties = properties;
  }

  /** Whether this is a person or company rather than a thing someone owns or uses. */
  public boolean legalEntity() {
    return this == PERSON || this == COMPANY;
  }

  /**
   * The properties that name an entity of this schema when it has no {@code name}, in the order
   * FollowTheMoney captions it (a wallet by its address, an account by its IBAN ...).
   */
  public List<String> captions() {
    return switch (this) {
      case PERSON, COMPANY -> List.of("name");
      case VEHICLE -> List.of("name", "registrationNumber", "vin");
      case VESSEL -> List.of("name", "imoNumber", "mmsi", "callSign");
      case CRYPTO_WALLET -> List.of("publicKey");
      case BANK_ACCOUNT -> List.of("iban", "accountNumber");
    };
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
    String wanted = ALIASES.getOrDefault(name.trim().toLowerCase(Locale.ROOT), name.trim());
    for (String property : properties) {
      if (property.equalsIgnoreCase(wanted)) {
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
    throw new InvalidRequest(field, "schema must be " + LABELS + ", not '" + text + "'");
  }
}
