package org.presstrace.access;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request signed in with an API token: its holder, acting with the token's roles only. {@link
 * Callers} narrows the holder's current roles to these.
 */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

  private final String username;
  private final String tokenId;
  private final Set<Role> roles;

  ApiTokenAuthentication(String username, String tokenId, Set<Role> roles) {
    super(roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
    this.username = username;
    this.tokenId = tokenId;
    this.roles = Set.copyOf(roles);
    setAuthenticated(true);
  }

  /** Never the secret: it is not kept past the check. */
  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public Object getPrincipal() {
    return username;
  }

  /** The token's id, as listed and audited. */
  public String tokenId() {
    return tokenId;
  }

  /** The holder with only those of their current roles that the token carries. */
  Caller narrow(Caller holder) {
    Set<Role> kept = EnumSet.noneOf(Role.class);
    holder.roles().stream().filter(roles::contains).forEach(kept::add);
    return new Caller(
        holder.username(),
        holder.agency(),
        holder.agencyKind(),
        holder.country(),
        kept,
        holder.compartments(),
        holder.custodianOf());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ApiTokenAuthentication token
        && super.equals(other)
        && tokenId.equals(token.tokenId);
  }

  @Override
  public int hashCode() {
    return 31 * super.hashCode() + tokenId.hashCode();
  }
}
