package org.presstrace.registry;

import java.time.LocalDate;

/**
 * Equipment to register, held by the registering registrant.
 *
 * @param serial the serial as stamped; null only for legacy equipment, which gets a registry-issued
 *     serial
 * @param kind what it is; for a whole machine also its subtype (single-punch or rotary tableting;
 *     manual, semi-automatic or automatic encapsulating)
 * @param imprint for moulds and punches, the mark they press, e.g. {@code M / 30}
 * @param transactionId for an import, the id issued for its filed transaction report
 * @param occurredOn the day it was made, imported or acquired
 * @param installedIn for a part, the id of the machine it is installed in (may be null)
 * @param power for a whole machine, manual or powered (may be null when not known)
 * @param ratedOutputPerHour for a whole machine, the maker's rated output in tablets or capsules
 *     per hour (may be null when not known)
 */
public record NewMachine(
    String serial,
    boolean legacy,
    String make,
    String model,
    EquipmentKind kind,
    String imprint,
    String location,
    EquipmentOrigin origin,
    String transactionId,
    LocalDate occurredOn,
    String installedIn,
    EquipmentPower power,
    Integer ratedOutputPerHour) {

  /** Equipment whose drive and rated output are not stated. */
  public NewMachine(
      String serial,
      boolean legacy,
      String make,
      String model,
      EquipmentKind kind,
      String imprint,
      String location,
      EquipmentOrigin origin,
      String transactionId,
      LocalDate occurredOn,
      String installedIn) {
    this(
        serial,
        legacy,
        make,
        model,
        kind,
        imprint,
        location,
        origin,
        transactionId,
        occurredOn,
        installedIn,
        null,
        null);
  }
}
