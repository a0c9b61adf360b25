package org.presstrace.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Callable;
import org.presstrace.access.AccessContext;
import org.presstrace.access.Channel;
import org.presstrace.access.Purpose;
import org.presstrace.exchange.TaxiiPoll;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** TAXII 2.1: polling a partner's collection. */
@Command(
    name = "taxii",
    description = "Exchange STIX 2.1 over TAXII 2.1 with partners.",
    subcommands = {TaxiiCommand.Poll.class})
class TaxiiCommand {

  @ParentCommand PressTraceCommand root;

  /**
   * Polls a partner's TAXII collection and imports what it gives as intelligence of the named
   * user's agency, all or nothing. The partner's credentials come from environment variables, never
   * from the command line.
   */
  @Command(
      name = "poll",
      description =
          "Poll a partner's TAXII 2.1 collection and import its objects into partner-intel.")
  static class Poll implements Callable<Integer> {

    @Mixin StorageOptions storage = new StorageOptions();

    @ParentCommand TaxiiCommand parent;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(
        index = "0",
        paramLabel = "COLLECTION_URL",
        description = "The partner's collection URL, ending in /.")
    String url;

    @Option(
        names = "--user",
        required = true,
        paramLabel = "USERNAME",
        description = "Who imports: an investigator, analyst, supervisor or liaison here.")
    String user;

    @Option(
        names = "--partner-user",
        paramLabel = "NAME",
        description =
            "The partner account for HTTP Basic; its password in PRESSTRACE_TAXII_PASSWORD.")
    String partnerUser;

    @Option(
        names = "--added-after",
        paramLabel = "TIMESTAMP",
        description = "Only objects the partner added after this time (the last poll's answer).")
    String addedAfter;

    @Option(
        names = "--purpose",
        paramLabel = "TEXT",
        description = "Why (sent to the partner and recorded here); default: TAXII poll of URL.")
    String purpose;

    @Override
    public Integer call() {
      String authorization = authorization(partnerUser, System.getenv());
      Instant after = null;
      if (addedAfter != null) {
        try {
          after = Instant.parse(addedAfter);
        } catch (DateTimeParseException e) {
          throw new StartupRefused(
              "--added-after '" + addedAfter + "' is not a timestamp such as 2026-01-01T00:00:00Z");
        }
      }
      URI collection;
      try {
        collection = URI.create(url);
      } catch (IllegalArgumentException e) {
        throw new StartupRefused("'" + url + "' is not a URL");
      }
      try (ConfigurableApplicationContext context =
          Contexts.boot(parent.root.application(), storage, Map.of())) {
        AccessContext importer =
            new AccessContext(
                Contexts.user(context, user),
                Channel.CLI,
                new Purpose(purpose == null ? "TAXII poll of " + url : purpose));
        TaxiiPoll.Polled polled =
            context.getBean(TaxiiPoll.class).poll(importer, collection, authorization, after);
        PrintWriter out = spec.commandLine().getOut();
        if (polled.status() == null) {
          out.println("nothing new at " + url);
          out.flush();
          return 0;
        }
        int refused = polled.status().get("failure_count").asInt();
        if (refused > 0) {
          var err = spec.commandLine().getErr();
          err.println(
              "refused "
                  + refused
                  + " of "
                  + polled.received()
                  + " objects from "
                  + url
                  + ", nothing stored: "
                  + polled.status().get("failures").get(0).get("message").asString());
          err.flush();
          return 1;
        }
        out.println(
            "imported "
                + polled.received()
                + " objects from "
                + url
                + (polled.lastAdded() == null
                    ? ""
                    : "; next poll: --added-after " + polled.lastAdded()));
        out.flush();
        return 0;
      }
    }

    /** Basic credentials from the partner user and PRESSTRACE_TAXII_PASSWORD, or a bearer token. */
    static String authorization(String partnerUser, Map<String, String> environment) {
      String token = environment.get("PRESSTRACE_TAXII_TOKEN");
      if (partnerUser != null) {
        String password = environment.get("PRESSTRACE_TAXII_PASSWORD");
        if (password == null) {
          throw new StartupRefused("set PRESSTRACE_TAXII_PASSWORD for --partner-user");
        }
        return "Basic "
            + Base64.getEncoder()
                .encodeToString((partnerUser + ":" + password).getBytes(StandardCharsets.UTF_8));
      }
      return token == null ? null : "Bearer " + token;
    }
  }
}
