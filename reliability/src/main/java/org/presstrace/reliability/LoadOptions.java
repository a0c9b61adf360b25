package org.presstrace.reliability;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What one load run does: where PressTrace answers, how many concurrent users for how long, and
 * which credentials the users present. Read from {@code presstrace.load.*} system properties (set
 * by {@code reliability/load.sh}) and the {@code PRESSTRACE_LOAD_TOKEN} environment variable; an
 * option that makes no sense is refused with one message naming it.
 *
 * @param baseUrl PressTrace's address, on this machine only
 * @param users concurrent users of the mixed workload, one phase each (e.g. 1, 8, 32)
 * @param readUsers concurrent users of the authenticated-read phase (e.g. 1, 16); may be empty
 * @param seconds how long each phase lasts
 * @param warmupSeconds a first, unreported phase that warms both JVMs; 0 for none
 * @param auths the credentials each authenticated phase is run with, in order
 * @param logins the demo world's logins file (username=password), for HTTP Basic
 * @param tokens bearer tokens by username, for {@link Auth#TOKEN}
 */
public record LoadOptions(
    URI baseUrl,
    List<Integer> users,
    List<Integer> readUsers,
    int seconds,
    int warmupSeconds,
    List<Auth> auths,
    Path logins,
    Map<String, String> tokens) {

  /** How the simulated users authenticate. */
  public enum Auth {
    /** HTTP Basic with the demo password. */
    BASIC,
    /** A bearer token issued by PressTrace. */
    TOKEN;

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The property prefix load.sh sets. */
  static final String PREFIX = "presstrace.load.";

  /** The environment variable that carries bearer tokens. */
  public static final String TOKEN_VARIABLE = "PRESSTRACE_LOAD_TOKEN";

  /** The user a bare token (one with no {@code username=}) belongs to. */
  static final String READER = "dea.investigator";

  /** The demo logins the mixed workload acts as: an investigator, a dealer, a manufacturer. */
  static final List<String> ACTORS = List.of(READER, "tristate.dealer", "acme.registrant");

  static final int MAX_USERS = 512;
  static final int MAX_SECONDS = 3600;

  public LoadOptions {
    users = List.copyOf(users);
    readUsers = List.copyOf(readUsers);
    auths = List.copyOf(auths);
    tokens = Map.copyOf(tokens);
  }

  /** The options from system properties and the environment. */
  public static LoadOptions fromSystem() {
    var properties = new LinkedHashMap<String, String>();
    System.getProperties()
        .forEach(
            (key, value) -> {
              if (key.toString().startsWith(PREFIX)) {
                properties.put(key.toString().substring(PREFIX.length()), value.toString());
              }
            });
    return parse(properties, System.getenv(TOKEN_VARIABLE));
  }

  /**
   * The options from {@code properties} (keys without the prefix: {@code baseUrl}, {@code users},
   * {@code readUsers}, {@code seconds}, {@code warmupSeconds}, {@code auth}, {@code logins}) and
   * the token variable's value.
   *
   * @throws IllegalArgumentException naming the option and the rule it breaks
   */
  static LoadOptions parse(Map<String, String> properties, String tokenVariable) {
    URI baseUrl = loopback(properties.getOrDefault("baseUrl", "http://127.0.0.1:8080"));
    List<Integer> users = counts("users", properties.getOrDefault("users", "1,8,32"));
    List<Integer> readUsers = counts("readUsers", properties.getOrDefault("readUsers", "1,16"));
    if (users.isEmpty() && readUsers.isEmpty()) {
      throw new IllegalArgumentException(
          "users: give the users of the mixed workload (e.g. 1,8,32), of the reads, or both");
    }
    int seconds = number("seconds", properties.getOrDefault("seconds", "30"), 1, MAX_SECONDS);
    int warmup = number("warmupSeconds", properties.getOrDefault("warmupSeconds", "5"), 0, 600);
    List<Auth> auths = auths(properties.getOrDefault("auth", "basic"));
    String logins = properties.get("logins");
    if (auths.contains(Auth.BASIC) && (logins == null || logins.isBlank())) {
      throw new IllegalArgumentException(
          "logins: HTTP Basic needs the demo logins file (demo-logins.properties)");
    }
    Map<String, String> tokens = Map.of();
    if (auths.contains(Auth.TOKEN)) {
      tokens = tokens(tokenVariable);
      List<String> needed = new ArrayList<>(List.of(READER));
      if (!users.isEmpty()) {
        needed = ACTORS;
      }
      var missing = new TreeSet<String>(needed);
      missing.removeAll(tokens.keySet());
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException(
            TOKEN_VARIABLE
                + ": no token for "
                + String.join(", ", missing)
                + " (give username=token pairs separated by commas, e.g."
                + " dea.investigator=T1,tristate.dealer=T2,acme.registrant=T3)");
      }
    }
    return new LoadOptions(
        baseUrl,
        users,
        readUsers,
        seconds,
        warmup,
        auths,
        logins == null || logins.isBlank() ? null : Path.of(logins),
        tokens);
  }

  /** Every concurrency level, ascending, each once: the health baseline runs at each. */
  public List<Integer> levels() {
    var all = new TreeSet<Integer>(users);
    all.addAll(readUsers);
    return List.copyOf(all);
  }

  private static URI loopback(String text) {
    URI uri;
    try {
      uri = URI.create(text.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("baseUrl: '" + text + "' is not a URL");
    }
    if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException("baseUrl: '" + text + "' is not an http:// URL");
    }
    String host = uri.getHost();
    boolean loopback =
        host.equals("localhost")
            || host.equals("[::1]")
            || host.matches("127\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}");
    if (!loopback) {
      throw new IllegalArgumentException(
          "baseUrl: '" + host + "' is not this machine; load is only sent to loopback addresses");
    }
    return uri;
  }

  /** Numbers of users separated by commas, or "none". */
  private static List<Integer> counts(String name, String text) {
    String trimmed = text.strip();
    if (trimmed.equals("none")) {
      return List.of();
    }
    var counts = new ArrayList<Integer>();
    for (String part : trimmed.split(",", -1)) {
      int count = number(name, part, 1, MAX_USERS);
      if (counts.contains(count)) {
        throw new IllegalArgumentException(name + ": " + count + " is given twice");
      }
      counts.add(count);
    }
    return counts;
  }

  private static int number(String name, String text, int min, int max) {
    String trimmed = text.strip();
    if (!trimmed.matches("[0-9]{1,9}")) {
      throw new IllegalArgumentException(name + ": '" + text + "' is not a whole number");
    }
    int value = Integer.parseInt(trimmed);
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + ": " + value + " is not between " + min + " and " + max);
    }
    return value;
  }

  private static List<Auth> auths(String text) {
    return switch (text.strip()) {
      case "basic" -> List.of(Auth.BASIC);
      case "token" -> List.of(Auth.TOKEN);
      case "both" -> List.of(Auth.BASIC, Auth.TOKEN);
      default ->
          throw new IllegalArgumentException(
              "auth: '" + text + "' is not one of basic, token, both");
    };
  }

  /** A bare token is {@value #READER}'s; otherwise {@code username=token} pairs. */
  private static Map<String, String> tokens(String variable) {
    if (variable == null || variable.isBlank()) {
      throw new IllegalArgumentException(
          TOKEN_VARIABLE + " is not set: the token run needs a bearer token issued by PressTrace");
    }
    var tokens = new LinkedHashMap<String, String>();
    String trimmed = variable.strip();
    if (!trimmed.contains("=")) {
      tokens.put(READER, token(READER, trimmed));
      return tokens;
    }
    for (String pair : trimmed.split(",", -1)) {
      int equals = pair.indexOf('=');
      String user = equals < 0 ? "" : pair.substring(0, equals).strip();
      if (user.isEmpty()) {
        throw new IllegalArgumentException(
            TOKEN_VARIABLE + ": each entry must be username=token (one is not)");
      }
      if (tokens.put(user, token(user, pair.substring(equals + 1).strip())) != null) {
        throw new IllegalArgumentException(TOKEN_VARIABLE + ": " + user + " is given twice");
      }
    }
    return tokens;
  }

  /** A token goes into a header as it is, so it must be printable ASCII without spaces. */
  private static String token(String user, String token) {
    if (!token.matches("[\\x21-\\x7e]{8,4096}")) {
      throw new IllegalArgumentException(
          TOKEN_VARIABLE
              + ": the token for "
              + user
              + " must be 8 to 4096 printable characters without spaces");
    }
    return token;
  }
}
