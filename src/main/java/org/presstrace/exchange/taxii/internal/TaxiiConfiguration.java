package org.presstrace.exchange.taxii.internal;

import org.presstrace.access.ProtectedKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Declares received STIX objects as a protected kind, for releases and the read-path checks. */
@Configuration(proxyBeanMethods = false)
class TaxiiConfiguration {

  @Bean
  ProtectedKind taxiiObjectKind() {
    return ReceivedObjects.KIND;
  }
}
