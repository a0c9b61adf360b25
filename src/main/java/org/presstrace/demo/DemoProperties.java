package org.presstrace.demo;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What the demo world needs from the configuration.
 *
 * @param dataDir the data directory ({@code presstrace.data-dir}), where the demo logins are
 *     written
 */
@ConfigurationProperties("presstrace")
@Validated
record DemoProperties(@NotNull Path dataDir) {}
