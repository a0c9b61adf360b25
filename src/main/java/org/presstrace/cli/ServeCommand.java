package org.presstrace.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Serves the web application and API until stopped. */
@Command(name = "serve", description = "Serve PressTrace (the default command).")
class ServeCommand implements Callable<Integer> {

  @Mixin StorageOptions storage;

  @picocli.CommandLine.ParentCommand PressTraceCommand root;

  private Class<?> application;

  ServeCommand() {
    this.storage = new StorageOptions();
  }

  ServeCommand(StorageOptions storage, Class<?> application) {
    this.storage = storage;
    this.application = application;
  }

  @Override
  public Integer call() {
    start(storage.properties(false), new String[0]);
    return PressTraceCommand.KEEP_RUNNING;
  }

  /** Starts the application with {@code properties} and {@code profiles}; returns its context. */
  ConfigurableApplicationContext start(Map<String, Object> properties, String[] profiles) {
    boolean embedded = storage.usesEmbeddedDatabase() || profiles.length > 0;
    String user = (String) properties.get("spring.datasource.username");
    String password = (String) properties.get("spring.datasource.password");
    if (embedded) {
      Preflight.dataDirectory(storage.dataDir);
      Preflight.notServedElsewhere(storage.dataDir, user, password);
    }
    Preflight.database(
        (String) properties.get("spring.datasource.url"),
        user,
        password,
        embedded ? storage.dataDir : null);
    var spring = new SpringApplication(application != null ? application : root.application());
    spring.setAdditionalProfiles(profiles);
    if (embedded) {
      spring.addListeners(Contexts.tightenWhenReady(storage.dataDir));
    }
    if (profiles.length == 0) {
      spring.addListeners(ServeCommand::announce);
    }
    ConfigurableApplicationContext context = spring.run(asArguments(quietFailures(properties)));
    if (embedded) {
      // H2 closes the embedded database in a shutdown hook of its own; Spring must close first.
      GracefulStop.install(context::close);
    }
    return context;
  }

  /**
   * Prints where PressTrace listens, with the port the web server took (the demo prints its own).
   */
  private static void announce(ApplicationEvent event) {
    if (event instanceof ApplicationReadyEvent ready) {
      String port = ready.getApplicationContext().getEnvironment().getProperty("local.server.port");
      if (port != null) {
        System.out.println("PressTrace is running at http://localhost:" + port + "/");
      }
    }
  }

  /** Command-line arguments outrank application.properties and the environment. */
  private static String[] asArguments(Map<String, Object> properties) {
    return properties.entrySet().stream()
        .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
        .toArray(String[]::new);
  }

  /** Startup failures are reported by the command in one line, so Spring need not log them. */
  private static Map<String, Object> quietFailures(Map<String, Object> properties) {
    var all = new java.util.LinkedHashMap<>(properties);
    all.put("logging.level.org.springframework.boot.SpringApplication", "off");
    all.put("logging.level.org.springframework.boot.diagnostics", "off");
    return all;
  }
}
