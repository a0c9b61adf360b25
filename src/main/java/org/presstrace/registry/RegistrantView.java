package org.presstrace.registry;

import java.time.LocalDate;

/**
 * A registrant as anyone signed in may see it, so that a seller can check a buyer's registration.
 *
 * @param registrationNumber the registry-issued number, e.g. {@code PPR-1A2B3C4D}
 * @param agencyCode the access agency whose users act for the registrant
 * @param status the status as of today: an active registration past its expiry reads EXPIRED
 * @param timeZone the IANA zone the registrant files in, when its record names one (else the
 *     configured default applies); shown only to its own users and the registry's staff
 */
public record RegistrantView(
    String id,
    String registrationNumber,
    String agencyCode,
    String legalName,
    String tradeName,
    RegistrantCategory category,
    String deaNumber,
    String address,
    RegistrantStatus status,
    LocalDate expiresOn,
    String timeZone) {

  /** A registrant whose record names no time zone. */
  public RegistrantView(
      String id,
      String registrationNumber,
      String agencyCode,
      String legalName,
      String tradeName,
      RegistrantCategory category,
      String deaNumber,
      String address,
      RegistrantStatus status,
      LocalDate expiresOn) {
    this(
        id,
        registrationNumber,
        agencyCode,
        legalName,
        tradeName,
        category,
        deaNumber,
        address,
        status,
        expiresOn,
        null);
  }

  /** Whether this registrant may hold or acquire equipment now. */
  public boolean active() {
    return status == RegistrantStatus.ACTIVE;
  }

  /** Whether {@code number} is this registrant's registration number or DEA number. */
  public boolean registeredAs(String number) {
    if (number == null) {
      return false;
    }
    String given = number.strip().toUpperCase(java.util.Locale.ROOT);
    return given.equals(registrationNumber) || given.equals(deaNumber);
  }

  /** How messages name the registrant: its legal name and registration number. */
  public String label() {
    return legalName + " (" + registrationNumber + ")";
  }
}
