package org.presstrace.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.presstrace.access.AccessContext;
import org.presstrace.access.Channel;
import org.presstrace.access.Purpose;
import org.presstrace.exchange.InstanceIdentity;
import org.presstrace.exchange.Pairing;
import org.presstrace.exchange.Partner;
import org.presstrace.exchange.Partners;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Pairing with partner instances: print this instance's pairing text, add a partner from one. */
@Command(
    name = "exchange",
    description = "Exchange with partner instances (docs/exchange.md).",
    subcommands = {ExchangeCommand.Identity.class, ExchangeCommand.Pair.class})
class ExchangeCommand {

  @ParentCommand PressTraceCommand root;

  /** Prints this instance's pairing text, one JSON object, for the partner's administrator. */
  @Command(
      name = "identity",
      description =
          "Print this instance's pairing text (JSON: id, country, authority, baseUrl, publicKey).")
  static class Identity implements Callable<Integer> {

    @ParentCommand ExchangeCommand exchange;

    @Mixin StorageOptions storage = new StorageOptions();

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      try (var context = Contexts.boot(exchange.root.application(), storage, Map.of())) {
        spec.commandLine()
            .getOut()
            .println(context.getBean(InstanceIdentity.class).pairing().toJson());
        return 0;
      }
    }
  }

  /** Adds a partner from the pairing text its administrator gave, out of band. */
  @Command(name = "pair", description = "Add a partner from its pairing text.")
  static class Pair implements Callable<Integer> {

    @ParentCommand ExchangeCommand exchange;

    @Mixin StorageOptions storage = new StorageOptions();

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--file",
        required = true,
        paramLabel = "FILE",
        description = "The partner's pairing text, as 'presstrace exchange identity' printed it.")
    Path file;

    @Option(
        names = "--user",
        required = true,
        paramLabel = "USERNAME",
        description = "Who pairs: an administrator of the operator agency.")
    String user;

    @Option(
        names = "--agency",
        paramLabel = "CODE",
        description =
            "The local foreign-partner agency the partner reads as (default: its id in capitals,"
                + " made when missing).")
    String agency;

    @Option(
        names = "--custodian",
        paramLabel = "CODE",
        description =
            "The domestic agency whose members read what the partner sends (optional; settable"
                + " later on the Partners page).")
    String custodian;

    @Option(
        names = "--types",
        split = ",",
        paramLabel = "TYPE",
        description = "The message types agreed with the partner, comma-separated.")
    List<String> types = List.of();

    @Override
    public Integer call() throws IOException {
      if (!Files.isReadable(file) || Files.isDirectory(file)) {
        throw new StartupRefused("cannot read " + file);
      }
      String text = ImportSeizuresCommand.text(file);
      // checked before the database is opened: a bad text changes nothing
      Pairing.parse(text);
      try (var context = Contexts.boot(exchange.root.application(), storage, Map.of())) {
        var access =
            new AccessContext(
                Contexts.user(context, user),
                Channel.CLI,
                new Purpose("Pairing with the partner in " + file.getFileName()));
        Partner partner =
            context.getBean(Partners.class).pair(access, text, agency, custodian, types);
        spec.commandLine()
            .getOut()
            .println(
                "paired with "
                    + partner.id()
                    + " ("
                    + partner.authority()
                    + ", "
                    + partner.country()
                    + ") at "
                    + partner.baseUrl()
                    + " as agency "
                    + partner.agency()
                    + (partner.custodian() == null ? "" : ", custodian " + partner.custodian())
                    + "; types "
                    + partner.messageTypes());
        return 0;
      }
    }
  }
}
