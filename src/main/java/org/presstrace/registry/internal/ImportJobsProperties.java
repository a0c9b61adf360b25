package org.presstrace.registry.internal;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Background import jobs, set through {@code presstrace.registry.import-jobs.*}.
 *
 * @param threads imports that run at once
 * @param queue jobs that wait beyond those running; more are refused
 * @param keep how long a finished job is kept
 * @param kept how many finished jobs are kept at most
 */
@ConfigurationProperties("presstrace.registry.import-jobs")
@Validated
public record ImportJobsProperties(
    @DefaultValue("2") @Positive int threads,
    @DefaultValue("4") @Positive int queue,
    @DefaultValue("1h") Duration keep,
    @DefaultValue("200") @PositiveOrZero int kept) {}
