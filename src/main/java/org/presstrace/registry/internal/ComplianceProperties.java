package org.presstrace.registry.internal;

import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The compliance queue's thresholds, set through {@code presstrace.registry.compliance.*}.
 *
 * @param unusualAcquisitions a registrant acquiring more machines than this in 30 days raises an
 *     item
 * @param expiringDays a registration expiring within this many days raises an item
 * @param windowDays how far back, in days, a sweep reads custody events
 * @param receiptDays a sale whose buyer has not confirmed receipt this many days after it was
 *     recorded raises an item
 * @param oralNoticeRequired whether a domestic sale recorded without an oral notice to DEA by the
 *     order day (the shipment day when the order day is not given) raises an item (21 CFR 1310.05)
 * @param counterfeitImprints imprints of counterfeit medicines: a mould or punch carrying one (read
 *     without case, spaces and punctuation) held by a registrant that is not a manufacturer raises
 *     an item
 */
@ConfigurationProperties("presstrace.registry.compliance")
@Validated
public record ComplianceProperties(
    @DefaultValue("5") @PositiveOrZero int unusualAcquisitions,
    @DefaultValue("30") @PositiveOrZero int expiringDays,
    @DefaultValue("90") @PositiveOrZero int windowDays,
    @DefaultValue("10") @PositiveOrZero int receiptDays,
    @DefaultValue("M 30") java.util.List<String> counterfeitImprints,
    @DefaultValue("true") boolean oralNoticeRequired) {

  /** An imprint as the rule compares it: upper-case letters and digits only, e.g. {@code M30}. */
  public static String imprintKey(String imprint) {
    return imprint == null
        ? ""
        : imprint.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "");
  }
}
