package org.presstrace.registry.internal;

import org.presstrace.access.ProtectedKind;
import org.presstrace.registry.Deadlines;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
  CertificateProperties.class,
  ComplianceProperties.class,
  DeadlinesProperties.class,
  ImportJobsProperties.class
})
class RegistryConfiguration {

  @Bean
  ProtectedKind machineKind() {
    return Machines.KIND;
  }

  @Bean
  ProtectedKind transactionReportKind() {
    return TransactionReportStore.KIND;
  }

  @Bean
  Deadlines registryDeadlines(DeadlinesProperties days) {
    return new Deadlines(
        days.transferDays(),
        days.acquisitionDays(),
        days.relocationDays(),
        days.importExportLeadDays());
  }
}
