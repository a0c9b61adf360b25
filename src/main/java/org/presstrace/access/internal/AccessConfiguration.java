package org.presstrace.access.internal;

import java.time.Clock;
import java.util.Map;
import org.presstrace.access.AccessPolicy;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({AccessProperties.class, DatabaseProperties.class})
class AccessConfiguration {

  @Bean
  AccessPolicy accessPolicy() {
    return new AccessPolicy();
  }

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * Argon2id for new hashes, by default with OWASP's recommended minimum (19 MiB of memory, two
   * iterations, one lane); bcrypt hashes still verify, so that imported accounts keep working until
   * their next password change. Each hash records its own parameters, so changing them only affects
   * new passwords.
   */
  @Bean
  PasswordEncoder passwordEncoder(AccessProperties settings) {
    int memoryKib = settings.argon2().memoryKib();
    int iterations = settings.argon2().iterations();
    Map<String, PasswordEncoder> encoders =
        Map.of(
            "argon2", new Argon2PasswordEncoder(16, 32, 1, memoryKib, iterations),
            "bcrypt", new BCryptPasswordEncoder());
    return new DelegatingPasswordEncoder("argon2", encoders);
  }

  /** The audit trail is append-only. */
  @Bean
  org.presstrace.access.AppendOnlyTables auditTrailAppendOnly() {
    return new org.presstrace.access.AppendOnlyTables(java.util.Set.of("audit_event"));
  }
}
