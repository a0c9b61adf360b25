package org.presstrace.ledger.internal;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The ledger's settings, set through {@code presstrace.ledger.*}.
 *
 * @param keyFile the file holding the Ed25519 signing key; its default, {@code <data
 *     dir>/ledger-ed25519.key}, is in application.properties since it derives from {@code
 *     presstrace.data-dir}
 * @param integrate whether this process may become the integrator (the one leader that takes queued
 *     entries into the log); a process that does not only queues
 * @param integrateEvery how often the integrator looks for entries other processes committed
 *     (entries committed in its own process wake it at once)
 * @param batch the most entries one integration transaction takes
 * @param gather how long the integrator, once woken, lets further commits arrive before it takes
 *     them: under many writers each integration then takes many entries in one transaction rather
 *     than one or two (zero: integrate at every wake-up)
 * @param checkpointEvery the longest time a grown log waits for a new signed head
 * @param checkpointEntries the most entries integrated before a new signed head
 * @param awaitTimeout how long a reader that needs everything committed in the log (verification,
 *     export) waits for the integrator
 */
@ConfigurationProperties("presstrace.ledger")
@Validated
public record LedgerProperties(
    @NotNull Path keyFile,
    @DefaultValue("true") boolean integrate,
    @DefaultValue("200ms") @NotNull Duration integrateEvery,
    @DefaultValue("1000") @Positive int batch,
    @DefaultValue("20ms") @NotNull Duration gather,
    @DefaultValue("5s") @NotNull Duration checkpointEvery,
    @DefaultValue("1000") @Positive int checkpointEntries,
    @DefaultValue("30s") @NotNull Duration awaitTimeout) {}
