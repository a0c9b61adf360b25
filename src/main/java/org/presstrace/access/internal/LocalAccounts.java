package org.presstrace.access.internal;

import java.util.List;
import org.presstrace.access.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Local accounts of the embedded default: password hashes, roles and whether sign-in is enabled.
 * Failed sign-ins are limited before an account is looked up ({@link LoginAttempts}), so no account
 * is ever locked here.
 */
@Service
class LocalAccounts implements UserDetailsService {

  private final JdbcClient jdbc;

  LocalAccounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    return jdbc.sql("SELECT username, password_hash, enabled FROM app_user WHERE username = :u")
        .param("u", username)
        .query(
            (rs, row) -> {
              String hash = rs.getString("password_hash");
              return User.withUsername(rs.getString("username"))
                  .password(
                      hash == null
                          ? "{noop}" + java.util.UUID.randomUUID() + "-no-local-password"
                          : hash)
                  .disabled(!rs.getBoolean("enabled"))
                  .authorities(authorities(username))
                  .build();
            })
        .optional()
        .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
  }

  List<SimpleGrantedAuthority> authorities(String username) {
    return jdbc
        .sql("SELECT role FROM user_role WHERE username = :u")
        .param("u", username)
        .query(String.class)
        .list()
        .stream()
        .map(role -> new SimpleGrantedAuthority(Role.valueOf(role).authority()))
        .toList();
  }
}
