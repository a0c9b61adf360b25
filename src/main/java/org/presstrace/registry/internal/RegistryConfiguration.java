package org.presstrace.registry.internal;

import org.presstrace.access.ProtectedKind;
import org.presstrace.registry.BusinessCalendar;
import org.presstrace.registry.Deadlines;
import org.presstrace.registry.RegistrationTerms;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
  CalendarProperties.class,
  CertificateProperties.class,
  ComplianceProperties.class,
  DeadlinesProperties.class,
  ImportJobsProperties.class,
  RegistrationProperties.class
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
  RegistrationTerms registrationTerms(RegistrationProperties registration) {
    return registration.terms();
  }

  @Bean
  BusinessCalendar registryCalendar(CalendarProperties calendar) {
    return calendar.calendar();
  }

  @Bean
  Deadlines registryDeadlines(
      DeadlinesProperties days, BusinessCalendar calendar, CalendarProperties settings) {
    return new Deadlines(
        days.transferDays(),
        days.acquisitionDays(),
        days.relocationDays(),
        days.importExportLeadDays(),
        calendar,
        days.rollToBusinessDay(),
        settings.zone());
  }
}
