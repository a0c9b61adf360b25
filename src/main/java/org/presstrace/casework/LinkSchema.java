package org.presstrace.casework;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.presstrace.shared.InvalidRequest;

/**
 * The kinds of link PressTrace records, named as FollowTheMoney's interval schemas, each with the
 * FollowTheMoney names of its two ends, what each end may be (a subject's schema, or a {@code
 * registrant}, {@code machine} or {@code seizure} record for the second end) and the details it
 * carries beside the common {@code date}.
 */
public enum LinkSchema {
  PAYMENT(
      "Payment",
      "payer",
      Set.of("Person", "Company"),
      "beneficiary",
      Set.of("Person", "Company", "registrant"),
      Set.of("amount", "currency", "purpose")),
  OWNERSHIP(
      "Ownership",
      "owner",
      Set.of("Person", "Company"),
      "asset",
      Set.of("Company", "Vehicle", "Vessel", "BankAccount", "CryptoWallet", "machine"),
      Set.of("role")),
  DIRECTORSHIP(
      "Directorship",
      "director",
      Set.of("Person"),
      "organization",
      Set.of("Company", "registrant"),
      Set.of("role")),
  ASSOCIATE(
      "Associate",
      "person",
      Set.of("Person"),
      "associate",
      Set.of("Person"),
      Set.of("relationship")),
  FAMILY(
      "Family", "person", Set.of("Person"), "relative", Set.of("Person"), Set.of("relationship")),
  UNKNOWN_LINK(
      "UnknownLink",
      "subject",
      Set.of("Person", "Company", "Vehicle", "Vessel", "BankAccount", "CryptoWallet"),
      "object",
      Set.of(
          "Person",
          "Company",
          "Vehicle",
          "Vessel",
          "BankAccount",
          "CryptoWallet",
          "registrant",
          "machine",
          "seizure"),
      Set.of("role"));

  /** The schema names, for messages. */
  public static final String LABELS =
      Arrays.stream(values()).map(LinkSchema::label).collect(Collectors.joining(", "));

  private final String label;
  private final String subjectRole;
  private final Set<String> subjectTypes;
  private final String objectRole;
  private final Set<String> objectTypes;
  private final Set<String> details;

  LinkSchema(
      String label,
      String subjectRole,
      Set<String> subjectTypes,
      String objectRole,
      Set<String> objectTypes,
      Set<String> details) {
    this.label = label;
    this.subjectRole = subjectRole;
    this.subjectTypes = subjectTypes;
    this.objectRole = objectRole;
    this.objectTypes = objectTypes;
    this.details = details;
  }

  public String label() {
    return label;
  }

  /** The first end's FollowTheMoney property ({@code payer}, {@code owner} ...): a subject. */
  public String subjectRole() {
    return subjectRole;
  }

  /** The second end's property ({@code beneficiary}, {@code asset} ...). */
  public String objectRole() {
    return objectRole;
  }

  /** The two roles, first end first. */
  public List<String> roles() {
    return List.of(subjectRole, objectRole);
  }

  /** Whether the first end may be a subject of {@code schema}. */
  public boolean subjectMayBe(String type) {
    return subjectTypes.contains(type);
  }

  /** Whether the second end may be {@code type}: a subject schema or a record kind. */
  public boolean objectMayBe(String type) {
    return objectTypes.contains(type);
  }

  /** What the end in {@code role} may be, for messages. */
  public String allowed(String role) {
    return String.join(
        " or ", (role.equals(subjectRole) ? subjectTypes : objectTypes).stream().sorted().toList());
  }

  /**
   * Whether this schema carries {@code detail} ({@code amount}, {@code purpose}, {@code role}...).
   */
  public boolean carries(String detail) {
    return details.contains(detail);
  }

  /** The schema named {@code text} (FollowTheMoney spelling, any case). */
  public static LinkSchema parse(String field, String text) {
    if (text != null) {
      for (LinkSchema schema : values()) {
        if (schema.label.equalsIgnoreCase(text.strip())
            || schema.name().equals(text.strip().toUpperCase(Locale.ROOT))) {
          return schema;
        }
      }
    }
    throw new InvalidRequest(field, "schema must be one of " + LABELS + ", not '" + text + "'");
  }
}
