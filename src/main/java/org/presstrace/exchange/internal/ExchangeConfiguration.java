package org.presstrace.exchange.internal;

import org.presstrace.access.ProtectedKind;
import org.presstrace.exchange.Incidents;
import org.presstrace.exchange.Notices;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExchangeProperties.class)
@EnableScheduling
class ExchangeConfiguration {

  /**
   * Notices as a protected kind, so that a release request names them and meets the policy (the
   * third-party rule for those received from a partner).
   */
  @Bean
  ProtectedKind exchangeNoticeKind() {
    return Notices.KIND;
  }

  /** Received incidents as a protected kind, for the same reason. */
  @Bean
  ProtectedKind exchangeIncidentKind() {
    return Incidents.KIND;
  }
}
