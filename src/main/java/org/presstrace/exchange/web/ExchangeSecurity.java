package org.presstrace.exchange.web;

import org.presstrace.exchange.internal.OutboxSender;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The partner endpoint's own filter chain: no session, no CSRF token, no password or bearer login,
 * since each request is authenticated by its HTTP message signature, which the endpoint checks
 * before anything is read or stored.
 */
@Configuration(proxyBeanMethods = false)
class ExchangeSecurity {

  @Bean
  @Order(0)
  SecurityFilterChain partnerMessages(HttpSecurity http) throws Exception {
    http.securityMatcher(OutboxSender.PATH)
        .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        .requestCache(cache -> cache.disable())
        .headers(headers -> headers.frameOptions(frame -> frame.deny()));
    return http.build();
  }
}
