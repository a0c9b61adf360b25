package org.presstrace.demo;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the demo world needs from the configuration.
 *
 * @param dataDir the data directory ({@code presstrace.data-dir}), where the demo logins are
 *     written
 * @param demo the demo's own settings, {@code presstrace.demo.*}
 */
@ConfigurationProperties("presstrace")
@Validated
record DemoProperties(@NotNull Path dataDir, @DefaultValue Demo demo) {

  /**
   * @param partner whether this instance is the demo's partner, China's competent authority ({@code
   *     presstrace demo --with-partner}): it gets the partner's small world and logins instead of
   *     the United States' world
   */
  record Demo(@DefaultValue("false") boolean partner) {}
}
