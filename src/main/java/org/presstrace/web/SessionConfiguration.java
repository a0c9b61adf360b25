package org.presstrace.web;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Sessions in the database (Spring Session JDBC, tables {@code spring_session} and {@code
 * spring_session_attributes} from our migrations) when {@code presstrace.cluster.enabled}, so that
 * a user signed in on one node goes on on another behind the same load balancer. The session cookie
 * keeps the settings of {@code server.servlet.session.cookie.*} (HttpOnly, SameSite, Secure where
 * configured) and the idle timeout of {@code server.servlet.session.timeout}; session fixation
 * protection (a new id at sign-in) and sign-out (the row deleted) work as with sessions in memory.
 * Every node deletes expired sessions once a minute (one DELETE, harmless when two nodes do it).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "presstrace.cluster.enabled", havingValue = "true")
@EnableJdbcHttpSession(tableName = "spring_session")
class SessionConfiguration {

  /** The cookie's name; the same as the servlet container's, so clients see no difference. */
  static final String DEFAULT_COOKIE = "JSESSIONID";

  @Bean
  CookieSerializer sessionCookie(
      @Value("${server.servlet.session.cookie.name:" + DEFAULT_COOKIE + "}") String name,
      @Value("${server.servlet.session.cookie.http-only:true}") boolean httpOnly,
      @Value("${server.servlet.session.cookie.same-site:lax}") String sameSite,
      @Value("${server.servlet.session.cookie.secure:false}") boolean secure,
      @Value("${server.servlet.session.cookie.path:}") String path) {
    var cookie = new DefaultCookieSerializer();
    cookie.setCookieName(name);
    cookie.setUseHttpOnlyCookie(httpOnly);
    cookie.setSameSite(sameSite.isBlank() ? null : capitalised(sameSite));
    cookie.setUseSecureCookie(secure);
    if (!path.isBlank()) {
      cookie.setCookiePath(path);
    }
    // The id as the container would send it, not base64-encoded.
    cookie.setUseBase64Encoding(false);
    return cookie;
  }

  @Bean
  SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionTimeout(
      @Value("${server.servlet.session.timeout:30m}") Duration timeout) {
    return repository -> repository.setDefaultMaxInactiveInterval(timeout);
  }

  private static String capitalised(String sameSite) {
    String lower = sameSite.strip().toLowerCase(java.util.Locale.ROOT);
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }
}
