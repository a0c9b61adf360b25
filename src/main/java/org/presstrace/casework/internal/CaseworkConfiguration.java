package org.presstrace.casework.internal;

import org.presstrace.access.ProtectedKind;
import org.presstrace.casework.DeconflictionLimits;
import org.presstrace.casework.Links;
import org.presstrace.casework.Operations;
import org.presstrace.casework.PointerAlerts;
import org.presstrace.casework.Subjects;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeconflictionLimits.class)
class CaseworkConfiguration {

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
