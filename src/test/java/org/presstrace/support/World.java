package org.presstrace.support;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.NewUser;
import org.presstrace.access.Purpose;
import org.presstrace.access.Role;

/**
 * Builds agencies and users with unique names for one test, so tests sharing a database (as on
 * PostgreSQL) never see each other's fixtures by name.
 */
public final class World {

  public static final String PASSWORD = "correct-horse-battery";

  private final Directory directory;
  private final String suffix;

  public World(Directory directory) {
    this.directory = directory;
    this.suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
  }

  /** A unique agency code for {@code name}, e.g. {@code DEA-1A2B3C}. */
  public String agency(String name) {
    return name + "-" + suffix;
  }

  public String agency(String name, AgencyKind kind, String country) {
    String code = agency(name);
    directory.ensureAgency(code, name + " test agency", kind, country);
    return code;
  }

  /** A unique username for {@code name}, lower case. */
  public String username(String name) {
    return (name + "." + suffix).toLowerCase(Locale.ROOT);
  }

  public String user(String name, String agency, Role... roles) {
    String username = username(name);
    directory.ensureUser(new NewUser(username, name, agency, Set.of(roles), PASSWORD));
    return username;
  }

  public AccessContext as(String username, Channel channel) {
    return new AccessContext(
        directory.caller(username).orElseThrow(), channel, new Purpose("Test case " + suffix));
  }

  public String suffix() {
    return suffix;
  }
}
