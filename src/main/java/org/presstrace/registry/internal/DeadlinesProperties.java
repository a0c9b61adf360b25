package org.presstrace.registry.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The reporting deadlines in days, set through {@code presstrace.registry.deadlines.*}. A negative
 * count makes a report due before its event.
 *
 * @param rollToBusinessDay whether a due day after its event that is not a business day moves to
 *     the next business day
 */
@ConfigurationProperties("presstrace.registry.deadlines")
@Validated
public record DeadlinesProperties(
    @DefaultValue("15") int transferDays,
    @DefaultValue("10") int acquisitionDays,
    @DefaultValue("10") int relocationDays,
    @DefaultValue("15") int importExportLeadDays,
    @DefaultValue("true") boolean rollToBusinessDay) {}
