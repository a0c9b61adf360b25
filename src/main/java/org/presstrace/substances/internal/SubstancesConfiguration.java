package org.presstrace.substances.internal;

import org.presstrace.access.ProtectedKind;
import org.presstrace.substances.ManifestScreenings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The protected record kinds of the substances module. */
@Configuration
class SubstancesConfiguration {

  @Bean
  ProtectedKind manifestScreeningKind() {
    return ManifestScreenings.KIND;
  }

  @Bean
  ProtectedKind screeningAlertKind() {
    return ManifestScreenings.ALERT_KIND;
  }
}
