package org.presstrace.seizures.internal;

import java.math.BigDecimal;
import org.presstrace.access.ProtectedKind;
import org.presstrace.seizures.DoseCalculator;
import org.presstrace.seizures.DoseSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The seizures module's protected kinds and its dose settings ({@code presstrace.seizures.*}). */
@Configuration(proxyBeanMethods = false)
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
  DoseSettings doseSettings(
      @Value("${presstrace.seizures.lethal-dose-mg:2}") BigDecimal lethalDoseMg,
      @Value("${presstrace.seizures.default-powder-purity-pct:10.3}") BigDecimal powderPurity,
      @Value("${presstrace.seizures.default-pill-mg:1.94}") BigDecimal pillMg,
      @Value("${presstrace.seizures.regulator-agency:DEA}") String regulatorAgency) {
    return new DoseSettings(lethalDoseMg, powderPurity, pillMg, regulatorAgency);
  }

  @Bean
  DoseCalculator doseCalculator(DoseSettings settings) {
    return new DoseCalculator(settings);
  }
}
