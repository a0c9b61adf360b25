package org.presstrace.registry.internal;

import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** The reporting deadlines in days, set through {@code presstrace.registry.deadlines.*}. */
@ConfigurationProperties("presstrace.registry.deadlines")
@Validated
public record DeadlinesProperties(
    @DefaultValue("15") @PositiveOrZero int transferDays,
    @DefaultValue("10") @PositiveOrZero int acquisitionDays,
    @DefaultValue("10") @PositiveOrZero int relocationDays,
    @DefaultValue("15") @PositiveOrZero int importExportLeadDays) {}
