package org.presstrace.seizures.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.presstrace.access.ProtectedKind;
import org.presstrace.seizures.DoseCalculator;
import org.presstrace.seizures.DoseSettings;
import org.presstrace.seizures.RelativePotencies;
import org.presstrace.seizures.SeizureLimits;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The seizures module's protected kinds and its dose settings ({@code presstrace.seizures.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SeizuresProperties.class)
class SeizuresConfiguration {

  @Bean
  ProtectedKind seizureKind() {
    return SeizureStore.KIND;
  }

  @Bean
  ProtectedKind seizurePartyKind() {
    return SeizureStore.PARTY_KIND;
  }

  @Bean
  ProtectedKind alertKind() {
    return AlertStore.KIND;
  }

  @Bean
  DoseSettings doseSettings(SeizuresProperties settings) {
    return new DoseSettings(
        settings.lethalDoseMg(),
        settings.defaultPowderPurityPct(),
        settings.defaultPillMg(),
        settings.regulatorAgency());
  }

  @Bean
  SeizureLimits seizureLimits(SeizuresProperties settings) {
    return new SeizureLimits(settings.maxPillCount());
  }

  @Bean
  DoseCalculator doseCalculator(DoseSettings settings, SeizuresProperties properties)
      throws IOException {
    String file = properties.potencyFile();
    if (file == null || file.isBlank()) {
      return new DoseCalculator(settings, RelativePotencies.published());
    }
    try (InputStream in = Files.newInputStream(Path.of(file.strip()))) {
      return new DoseCalculator(settings, RelativePotencies.read(in, file.strip()));
    }
  }
}
