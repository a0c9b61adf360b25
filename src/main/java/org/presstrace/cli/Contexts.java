package org.presstrace.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.presstrace.access.AccessContext;
import org.presstrace.access.Caller;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Purpose;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/** What the commands that work on the database share: a quiet start and the named user. */
final class Contexts {

  private Contexts() {}

  /**
   * The application without a web server on the database {@code storage} names, after the preflight
   * checks; {@code extra} adds properties, e.g. switching a schedule off.
   */
  static ConfigurableApplicationContext boot(
      Class<?> application, StorageOptions storage, Map<String, String> extra) {
    var properties = new LinkedHashMap<String, Object>(storage.properties(false));
    boolean embedded = storage.usesEmbeddedDatabase();
    if (embedded) {
      Preflight.dataDirectory(storage.dataDir);
    }
    Preflight.database(
        (String) properties.get("spring.datasource.url"),
        (String) properties.get("spring.datasource.username"),
        (String) properties.get("spring.datasource.password"),
        embedded ? storage.dataDir : null);
    // One-shot commands never poll the scheduled TAXII feeds; the server does.
    properties.put("presstrace.exchange.taxii.feed-sweep", "-");
    properties.putAll(extra);
    var spring = new SpringApplication(application);
    spring.setWebApplicationType(WebApplicationType.NONE);
    if (embedded) {
      spring.addListeners(tightenWhenReady(storage.dataDir));
    }
    spring.setDefaultProperties(
        Map.of(
            "logging.level.root", "warn",
            "logging.level.org.flywaydb", "error",
            "logging.level.org.springframework.boot.SpringApplication", "off"));
    String[] arguments =
        properties.entrySet().stream()
            .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
            .toArray(String[]::new);
    return spring.run(arguments);
  }

  /**
   * Makes the files the database made at start (its lock file holds the key of its loopback server)
   * owner-only once the application is ready; they were made under the process's umask.
   */
  static ApplicationListener<ApplicationEvent> tightenWhenReady(Path dataDir) {
    return event -> {
      if (event instanceof ApplicationReadyEvent) {
        DataDirectory.tighten(dataDir);
      }
    };
  }

  /** The active user named {@code username}, or a one-line refusal. */
  static Caller user(ConfigurableApplicationContext context, String username) {
    return context
        .getBean(Directory.class)
        .caller(username)
        .orElseThrow(() -> new StartupRefused("no active user '" + username + "'"));
  }

  /**
   * The access of {@code username} importing {@code file} from the command line: the purpose stated
   * with {@code --purpose}, else "Bulk import of FILE".
   */
  static AccessContext importing(
      ConfigurableApplicationContext context, String username, String purpose, Path file) {
    return new AccessContext(
        user(context, username),
        Channel.CLI,
        new Purpose(purpose == null ? "Bulk import of " + file.getFileName() : purpose));
  }
}
