package org.presstrace.reliability;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import org.presstrace.reliability.LoadOptions.Auth;

/**
 * The {@code Authorization} header each demo login presents: HTTP Basic with the password the demo
 * world wrote to its logins file, or a bearer token PressTrace issued.
 */
final class Credentials {

  private final Properties passwords;
  private final Map<String, String> tokens;

  private Credentials(Properties passwords, Map<String, String> tokens) {
    this.passwords = passwords;
    this.tokens = tokens;
  }

  static Credentials of(LoadOptions options) {
    var passwords = new Properties();
    if (options.logins() != null) {
      try (Reader in = Files.newBufferedReader(options.logins(), StandardCharsets.UTF_8)) {
        passwords.load(in);
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "logins: cannot read " + options.logins() + " (" + e.getMessage() + ")");
      }
    }
    return new Credentials(passwords, options.tokens());
  }

  /** The header value {@code username} presents under {@code auth}. */
  String header(String username, Auth auth) {
    return switch (auth) {
      case BASIC -> {
        String password = passwords.getProperty(username);
        if (password == null) {
          throw new IllegalArgumentException(
              "logins: the demo logins file has no password for " + username);
        }
        yield "Basic "
            + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
      }
      case TOKEN -> {
        String token = tokens.get(username);
        if (token == null) {
          throw new IllegalArgumentException("no bearer token for " + username);
        }
        yield "Bearer " + token;
      }
    };
  }
}
