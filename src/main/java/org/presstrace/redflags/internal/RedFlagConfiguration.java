package org.presstrace.redflags.internal;

import org.presstrace.access.ProtectedKind;
import org.presstrace.redflags.RedFlags;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RedFlagSettings.class)
class RedFlagConfiguration {

  @Bean
  ProtectedKind redFlagKind() {
    return RedFlags.KIND;
  }
}
