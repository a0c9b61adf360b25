package org.presstrace.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Serves on the embedded default with the synthetic demo world loaded and its logins printed; with
 * {@code --with-partner} also China's competent authority as a second instance on the next port,
 * paired with this one, with pre-export notices exchanged.
 */
@Command(
    name = "demo",
    description = "Serve on the embedded database with demo data; prints the URL and demo logins.")
class DemoCommand implements Callable<Integer> {

  /** The port the demo serves on when none is given. */
  static final int DEFAULT_PORT = 8080;

  @Mixin StorageOptions storage = new StorageOptions();

  @Option(
      names = "--with-partner",
      description =
          "Also start a partner instance (China's competent authority) on the next port with its"
              + " data in DIR/partner, paired with this one, with notices exchanged; prints its URL"
              + " and logins.")
  boolean withPartner;

  @picocli.CommandLine.ParentCommand PressTraceCommand root;

  @Override
  public Integer call() {
    if (!withPartner) {
      new ServeCommand(storage, root.application())
          .start(storage.properties(true), new String[] {"demo"});
      return PressTraceCommand.KEEP_RUNNING;
    }
    int port = partnerPorts();
    StorageOptions partnerStorage = partnerStorage(port + 1);
    var properties = storage.properties(true);
    properties.put("server.port", port);
    var home =
        new ServeCommand(storage, root.application()).start(properties, new String[] {"demo"});
    ConfigurableApplicationContext partner;
    try {
      var partnerProperties = partnerStorage.properties(true);
      partnerProperties.putAll(DemoPartner.PARTNER_PROPERTIES);
      partner =
          new ServeCommand(partnerStorage, root.application())
              .start(partnerProperties, new String[] {"demo"});
    } catch (RuntimeException e) {
      home.close();
      throw e;
    }
    new DemoPartner(home, partner).exchange(System.out);
    return PressTraceCommand.KEEP_RUNNING;
  }

  /**
   * This instance's port, checked before anything starts: the partner takes the next one, so the
   * port must be fixed (not 0) and below 65535.
   */
  private int partnerPorts() {
    Integer chosen = storage.httpPort();
    int port = chosen == null ? DEFAULT_PORT : chosen;
    if (port == 0) {
      throw new StartupRefused(
          "--with-partner needs a fixed port (the partner takes the next one), not port 0");
    }
    if (port >= 65535) {
      throw new StartupRefused(
          "--with-partner needs port "
              + port
              + " + 1 for the partner, which is not a port (0 to 65535)");
    }
    return port;
  }

  /** The partner's storage: {@code DIR/partner}, its own embedded database, the given port. */
  private StorageOptions partnerStorage(int port) {
    var partner = new StorageOptions();
    partner.dataDir = storage.dataDir.resolve("partner");
    partner.port = port;
    partner.environment = Map.of();
    return partner;
  }
}
