package org.presstrace.ledger.internal;

import java.util.Set;
import org.presstrace.access.AppendOnlyTables;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LedgerProperties.class)
class LedgerConfiguration {

  /** Leaves, nodes and signed heads are only ever added. */
  @Bean
  AppendOnlyTables ledgerAppendOnly() {
    return new AppendOnlyTables(Set.of("ledger_leaf", "ledger_node", "ledger_head"));
  }
}
