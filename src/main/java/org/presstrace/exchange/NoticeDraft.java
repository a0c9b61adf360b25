package org.presstrace.exchange;

import java.time.LocalDate;

/**
 * What an exporting authority files as a pre-export notification (1988 Convention article
 * 12(10)(a), as INCB's PEN Online does it) for one shipment of a listed precursor.
 *
 * @param partnerId the importing country's instance
 * @param substance the substance by name or CAS number; it must screen to a listed substance
 * @param quantity a positive decimal in {@code unit}
 * @param unit {@code kg}, {@code g}, {@code L} or {@code mL}
 * @param route the intended route (countries and places of transit)
 * @param transport air, sea, road, rail, post or courier
 * @param responseDeadline the day the importing authority should answer by; null for the default
 */
public record NoticeDraft(
    String partnerId,
    String exporter,
    String importer,
    String consignee,
    String substance,
    String quantity,
    String unit,
    Integer packages,
    String invoice,
    String route,
    String exitPoint,
    String entryPoint,
    LocalDate dispatchDate,
    String transport,
    LocalDate responseDeadline) {}
