package org.presstrace.registry;

/**
 * An application to register.
 *
 * @param deaNumber the DEA registration number, where the registrant holds one (may be null)
 * @param country ISO 3166 alpha-3 code of the registrant's country, USA when null
 */
public record NewRegistrant(
    String legalName,
    String tradeName,
    RegistrantCategory category,
    String deaNumber,
    String address,
    String contact,
    String country) {}
