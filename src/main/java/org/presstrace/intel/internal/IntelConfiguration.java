package org.presstrace.intel.internal;

import org.presstrace.access.ProtectedKind;
import org.presstrace.intel.IntelReports;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IntelConfiguration {

  @Bean
  ProtectedKind intelReportKind() {
    return IntelReports.KIND;
  }
}
