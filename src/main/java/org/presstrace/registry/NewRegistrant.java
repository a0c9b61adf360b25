package org.presstrace.registry;

/**
 * An application to register.
 *
 * @param deaNumber the DEA registration number, where the registrant holds one (may be null)
 * @param country ISO 3166 alpha-3 code of the registrant's country, USA when null
 * @param timeZone the IANA time zone the registrant files in, e.g. {@code America/Los_Angeles};
 *     null for the configured default ({@code presstrace.registry.calendar.default-zone})
 */
public record NewRegistrant(
    String legalName,
    String tradeName,
    RegistrantCategory category,
    String deaNumber,
    String address,
    String contact,
    String country,
    String timeZone) {

  /** An application that files in the configured default time zone. */
  public NewRegistrant(
      String legalName,
      String tradeName,
      RegistrantCategory category,
      String deaNumber,
      String address,
      String contact,
      String country) {
    this(legalName, tradeName, category, deaNumber, address, contact, country, null);
  }
}
