package org.presstrace.registry.internal;

import org.presstrace.access.ProtectedKind;
import org.presstrace.registry.Deadlines;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
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
  Deadlines registryDeadlines(
      @Value("${presstrace.registry.deadlines.transfer-days:15}") int transferDays,
      @Value("${presstrace.registry.deadlines.acquisition-days:10}") int acquisitionDays,
      @Value("${presstrace.registry.deadlines.relocation-days:10}") int relocationDays,
      @Value("${presstrace.registry.deadlines.import-export-lead-days:15}") int leadDays) {
    return new Deadlines(transferDays, acquisitionDays, relocationDays, leadDays);
  }
}
