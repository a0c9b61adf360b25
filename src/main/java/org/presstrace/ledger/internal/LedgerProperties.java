package org.presstrace.ledger.internal;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The ledger's settings, set through {@code presstrace.ledger.*}.
 *
 * @param keyFile the file holding the Ed25519 signing key; its default, {@code <data
 *     dir>/ledger-ed25519.key}, is in application.properties since it derives from {@code
 *     presstrace.data-dir}
 */
@ConfigurationProperties("presstrace.ledger")
@Validated
public record LedgerProperties(@NotNull Path keyFile) {}
