package org.presstrace.resolution.internal;

import org.presstrace.access.ProtectedKind;
import org.presstrace.resolution.DeconflictionLimits;
import org.presstrace.resolution.Links;
import org.presstrace.resolution.Operations;
import org.presstrace.resolution.PointerAlerts;
import org.presstrace.resolution.Subjects;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeconflictionLimits.class)
class ResolutionConfiguration {

  @Bean
  ProtectedKind subjectKind() {
    return Subjects.KIND;
  }

  @Bean
  ProtectedKind linkKind() {
    return Links.KIND;
  }

  @Bean
  ProtectedKind plannedOperationKind() {
    return Operations.KIND;
  }

  @Bean
  ProtectedKind pointerAlertKind() {
    return PointerAlerts.KIND;
  }
}
