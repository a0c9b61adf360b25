package org.presstrace.access.internal;

import java.time.Clock;
import java.util.Map;
import org.presstrace.access.AccessPolicy;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
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
   * Argon2id for new hashes (OWASP's first choice for password storage); bcrypt hashes still
   * verify, so that imported accounts keep working until their next password change.
   */
  @Bean
  PasswordEncoder passwordEncoder() {
    Map<String, PasswordEncoder> encoders =
        Map.of(
            "argon2",
            Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
            "bcrypt",
            new BCryptPasswordEncoder());
    return new DelegatingPasswordEncoder("argon2", encoders);
  }
}
