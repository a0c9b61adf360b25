package org.presstrace.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.presstrace.access.AccessContext;
import org.presstrace.access.Caller;
import org.presstrace.access.Channel;
import org.presstrace.access.Purpose;
import org.presstrace.registry.CustodyEntry;
import org.presstrace.registry.MachineView;
import org.presstrace.registry.Trace;
import org.presstrace.registry.TracedMachine;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/**
 * Traces a serial from the command line as a named user, with a stated purpose, through the same
 * policy and audit trail as the API (channel CLI).
 */
@Command(
    name = "trace",
    description =
        "Trace a serial (or a pattern with ? and *) and print each match's chain of custody.")
class TraceCommand implements Callable<Integer> {

  @Mixin StorageOptions storage = new StorageOptions();

  @picocli.CommandLine.ParentCommand PressTraceCommand root;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SERIAL", description = "e.g. A123-5501 or A1?3-55*")
  String serial;

  @Option(names = "--user", required = true, paramLabel = "USERNAME", description = "Who traces.")
  String user;

  @Option(
      names = "--purpose",
      required = true,
      paramLabel = "TEXT",
      description = "Why: a case number or a sentence; recorded in the audit trail.")
  String purpose;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Override
  public Integer call() {
    try (ConfigurableApplicationContext context =
        Contexts.boot(root.application(), storage, Map.of())) {
      Caller caller = Contexts.user(context, user);
      var access = new AccessContext(caller, Channel.CLI, new Purpose(purpose));
      boolean pattern = serial.contains("?") || serial.contains("*");
      List<TracedMachine> found =
          context
              .getBean(Trace.class)
              .trace(access, pattern ? Trace.Query.pattern(serial) : Trace.Query.serial(serial));
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(context.getBean(JsonMapper.class).writeValueAsString(found));
      } else {
        print(out, found);
      }
      out.flush();
      return found.isEmpty() ? 3 : 0;
    }
  }

  /** Drive, rated output and imprint, where stated. */
  static String equipment(MachineView machine) {
    var facts = new java.util.ArrayList<String>();
    if (machine.power() != null) {
      facts.add(machine.power().name().toLowerCase(java.util.Locale.ROOT));
    }
    if (machine.ratedOutputPerHour() != null) {
      facts.add("rated " + machine.ratedOutputPerHour() + " per hour");
    }
    if (machine.imprint() != null) {
      facts.add("imprint " + machine.imprint());
    }
    return String.join(", ", facts);
  }

  private static void print(PrintWriter out, List<TracedMachine> found) {
    if (found.isEmpty()) {
      out.println("no registered equipment you may read matches");
      return;
    }
    for (TracedMachine traced : found) {
      var machine = traced.machine();
      out.printf(
          "%s %s %s  serial %s (%s)  %s%n",
          machine.kind(),
          machine.make(),
          machine.model(),
          machine.serial(),
          traced.match(),
          machine.state());
      String equipment = equipment(machine);
      if (!equipment.isEmpty()) {
        out.println("  " + equipment);
      }
      if (traced.lastLawfulHolder() != null) {
        out.println("  last lawful holder: " + traced.lastLawfulHolder().label());
      }
      for (CustodyEntry entry : traced.custody()) {
        out.printf(
            "  %d. %s %s%s%s%s%n",
            entry.seq(),
            entry.occurredOn(),
            entry.type(),
            entry.fromRegistrant() == null ? "" : " from " + entry.fromRegistrant(),
            entry.toRegistrant() == null ? "" : " to " + entry.toRegistrant(),
            entry.agency() == null ? "" : " by " + entry.agency());
      }
      traced
          .openLossOrTheft()
          .forEach(open -> out.println("  OPEN: " + open.type() + " on " + open.occurredOn()));
      traced
          .installedParts()
          .forEach(
              part ->
                  out.println(
                      "  part: "
                          + part.kind()
                          + " serial "
                          + part.serial()
                          + (part.imprint() == null ? "" : " imprint " + part.imprint())));
    }
  }
}
