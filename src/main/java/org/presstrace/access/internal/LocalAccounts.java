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

  /**
   * The account and its roles, read one query after the other: a query run while another's rows are
   * still being read would hold two pooled connections at once, and enough concurrent sign-ins
   * would then each hold one and wait for a second until the pool times out.
   */
  @Override
  public UserDetails loadUserByUsername(String username) {
    Account account =
        jdbc.sql("SELECT username, password_hash, enabled FROM app_user WHERE username = :u")
            .param("u", username)
            .query(
                (rs, row) ->
                    new Account(
                        rs.getString("username"),
                        rs.getString("password_hash"),
                        rs.getBoolean("enabled")))
            .optional()
            .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    return User.withUsername(account.username())
        .password(
            account.hash() == null
                ? "{noop}" + java.util.UUID.randomUUID() + "-no-local-password"
                : account.hash())
        .disabled(!account.enabled())
        .authorities(authorities(username))
        .build();
  }

  private record Account(String username, String hash, boolean enabled) {}

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
