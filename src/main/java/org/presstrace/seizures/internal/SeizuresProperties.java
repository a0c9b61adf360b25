package org.presstrace.seizures.internal;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The dose settings and plausible ranges as configured through {@code presstrace.seizures.*};
 * {@code DoseSettings} and {@code SeizureLimits} check them. {@code potencyFile} names a relative
 * potency file in place of the one shipped ({@code seizures/relative-potency.csv}).
 */
@ConfigurationProperties("presstrace.seizures")
public record SeizuresProperties(
    @DefaultValue("2") BigDecimal lethalDoseMg,
    @DefaultValue("10.3") BigDecimal defaultPowderPurityPct,
    @DefaultValue("1.94") BigDecimal defaultPillMg,
    @DefaultValue("DEA") String regulatorAgency,
    @DefaultValue("50000000") long maxPillCount,
    @DefaultValue("") String potencyFile) {}
