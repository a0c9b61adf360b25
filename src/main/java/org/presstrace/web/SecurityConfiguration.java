package org.presstrace.web;

import java.util.function.Supplier;
import org.presstrace.access.ApiTokens;
import org.presstrace.access.Directory;
import org.presstrace.access.SignInLimits;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Two filter chains. The API ({@code /api/**}, the TAXII server {@code /taxii2/**}, {@code
 * /actuator/**}) is stateless: HTTP Basic with local accounts, a PressTrace API token ({@code
 * Bearer pt_...}), or an OIDC bearer token when an issuer is configured; no cookies, so no CSRF.
 * Pages use a form login with a session, CSRF tokens, session fixation protection and strict
 * headers. Only health, the login page and static assets are open.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  @Bean
  @Order(1)
  SecurityFilterChain api(
      HttpSecurity http,
      ProblemResponses problems,
      ObjectProvider<JwtDecoder> jwtDecoder,
      UserDetailsService accounts,
      JwtProperties bearer,
      SignInLimits signIns,
      ApiTokens tokens)
      throws Exception {
    String usernameClaim = bearer.usernameClaim();
    // the API contract is read by code generators with API credentials, like the API itself
    http.securityMatcher(
            "/api/**", "/taxii2", "/taxii2/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**")
        .authorizeHttpRequests(
            authorize ->
                authorize
                    .requestMatchers("/actuator/health", "/actuator/health/**")
                    .permitAll()
                    .requestMatchers("/actuator/**")
                    .hasAnyRole("ADMINISTRATOR", "AUDITOR")
                    .anyRequest()
                    .authenticated())
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .httpBasic(basic -> basic.authenticationEntryPoint(problems::unauthorized))
        .addFilterBefore(
            SignInLimitFilter.basic(signIns, problems), BasicAuthenticationFilter.class)
        .exceptionHandling(
            exceptions ->
                exceptions
                    .authenticationEntryPoint(problems::unauthorized)
                    .accessDeniedHandler(problems::forbidden))
        .headers(SecurityConfiguration::strictHeaders);
    AuthenticationManager oidc = oidcTokens(jwtDecoder.getIfAvailable(), accounts, usernameClaim);
    AuthenticationManager bearerTokens =
        authentication -> {
          String presented = ((BearerTokenAuthenticationToken) authentication).getToken();
          return ApiTokens.issuedByPressTrace(presented)
              ? tokens.authenticate(presented)
              : oidc.authenticate(authentication);
        };
    http.oauth2ResourceServer(
        resource ->
            resource
                .authenticationEntryPoint(problems::unauthorized)
                .authenticationManagerResolver(request -> bearerTokens));
    return http.build();
  }

  /**
   * Bearer tokens that are not PressTrace's own: checked against the OIDC issuer when one is
   * configured, refused otherwise.
   */
  private static AuthenticationManager oidcTokens(
      JwtDecoder decoder, UserDetailsService accounts, String usernameClaim) {
    if (decoder == null) {
      return authentication -> {
        throw new InvalidBearerTokenException("no OIDC issuer is configured");
      };
    }
    var provider = new JwtAuthenticationProvider(decoder);
    provider.setJwtAuthenticationConverter(
        token -> {
          String username = token.getClaimAsString(usernameClaim);
          UserDetails account = account(accounts, username);
          return new JwtAuthenticationToken(token, account.getAuthorities(), account.getUsername());
        });
    return new ProviderManager(provider);
  }

  /** A bearer token names a PressTrace user; its agency, roles and lockout come from PressTrace. */
  private static UserDetails account(UserDetailsService accounts, String username) {
    if (username == null || username.isBlank()) {
      throw new BadCredentialsException("token carries no username");
    }
    UserDetails account;
    try {
      account = accounts.loadUserByUsername(username);
    } catch (UsernameNotFoundException e) {
      throw new BadCredentialsException("token user is not a PressTrace user");
    }
    if (!account.isEnabled() || !account.isAccountNonLocked()) {
      throw new AccountStatusException("account " + username + " is disabled or locked") {};
    }
    return account;
  }

  @Bean
  @Order(2)
  SecurityFilterChain pages(HttpSecurity http, SignInLimits signIns, Directory directory)
      throws Exception {
    http.authorizeHttpRequests(
            authorize -> {
              authorize
                  .requestMatchers(
                      HttpMethod.GET, "/login", "/css/**", "/js/**", "/webjars/**", "/favicon.svg")
                  .permitAll()
                  .requestMatchers("/error")
                  .permitAll();
              // A page of the navigation is for the roles that see its link, whatever the URL
              // typed; the services still decide what each may read on it.
              Navigation.pageRules()
                  .forEach(
                      rule ->
                          authorize
                              .requestMatchers(rule.href(), rule.href() + "/**")
                              .access(new PageRoles(directory, rule.roles())));
              authorize.anyRequest().authenticated();
            })
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
        .addFilterBefore(
            SignInLimitFilter.form(signIns, "/login"), UsernamePasswordAuthenticationFilter.class)
        .exceptionHandling(
            exceptions ->
                exceptions
                    .defaultAuthenticationEntryPointFor(
                        SecurityConfiguration::signInAgain,
                        request -> "true".equals(request.getHeader("HX-Request")))
                    .defaultAuthenticationEntryPointFor(
                        new org.springframework.security.web.authentication
                            .LoginUrlAuthenticationEntryPoint("/login"),
                        org.springframework.security.web.util.matcher.AnyRequestMatcher.INSTANCE)
                    .accessDeniedHandler(new SessionEnded()))
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
        .sessionManagement(
            session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
        .csrf(Customizer.withDefaults())
        .headers(SecurityConfiguration::strictHeaders);
    return http.build();
  }

  /**
   * A page fragment asked for after the session ended (a progress poll, a live search): the browser
   * follows a redirect inside the request and would swap the sign-in page into the fragment's
   * place, so htmx is told to load the sign-in page as a whole page instead.
   */
  private static void signInAgain(
      jakarta.servlet.http.HttpServletRequest request,
      jakarta.servlet.http.HttpServletResponse response,
      org.springframework.security.core.AuthenticationException reason) {
    response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("HX-Redirect", request.getContextPath() + "/login");
  }

  private static void strictHeaders(
      org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity>
          headers) {
    headers
        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
        .frameOptions(frame -> frame.deny())
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
        .permissionsPolicyHeader(
            permissions -> permissions.policy("camera=(), microphone=(), geolocation=()"));
  }

  /** Bearer tokens from an OIDC issuer such as a Keycloak realm; discovered on first use. */
  @Bean
  @ConditionalOnExpression("!'${presstrace.security.jwt.issuer-uri:}'.isBlank()")
  JwtDecoder issuerJwtDecoder(JwtProperties jwt) {
    String issuer = jwt.issuerUri();
    Supplier<JwtDecoder> discovered = () -> JwtDecoders.fromIssuerLocation(issuer);
    return new SupplierJwtDecoder(discovered);
  }
}
