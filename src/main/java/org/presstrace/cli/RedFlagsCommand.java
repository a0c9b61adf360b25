package org.presstrace.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.presstrace.access.AccessContext;
import org.presstrace.access.Caller;
import org.presstrace.access.Channel;
import org.presstrace.access.Purpose;
import org.presstrace.redflags.RedFlag;
import org.presstrace.redflags.RedFlagRun;
import org.presstrace.redflags.RedFlags;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/** Runs the red-flag rules for the user's agency and prints its open flags, explained. */
@Command(
    name = "red-flags",
    description = "Evaluate the red-flag rules for your agency and print its open flags.")
class RedFlagsCommand implements Callable<Integer> {

  @Mixin StorageOptions storage = new StorageOptions();

  @picocli.CommandLine.ParentCommand PressTraceCommand root;

  @Spec CommandSpec spec;

  @Option(names = "--user", required = true, paramLabel = "USERNAME", description = "Who runs.")
  String user;

  @Option(
      names = "--purpose",
      defaultValue = "Red-flag review",
      paramLabel = "TEXT",
      description = "Why; recorded in the audit trail (default: ${DEFAULT-VALUE}).")
  String purpose;

  @Option(names = "--json", description = "Print the run and the open flags as JSON.")
  boolean json;

  @Override
  public Integer call() {
    try (ConfigurableApplicationContext context =
        Contexts.boot(root.application(), storage, Map.of())) {
      Caller caller = Contexts.user(context, user);
      var access = new AccessContext(caller, Channel.CLI, new Purpose(purpose));
      RedFlagRun run = context.getBean(RedFlags.class).run(access);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(context.getBean(JsonMapper.class).writeValueAsString(run));
      } else {
        out.printf("# %s (held by %s alone)%n", run.banner(), run.agency());
        out.printf(
            "%s: %d parties, %d payments read; %d fired, %d new, %d cleared; %d open%n",
            run.agency(),
            run.parties(),
            run.payments(),
            run.fired(),
            run.raised(),
            run.cleared(),
            run.open().size());
        for (RedFlag flag : run.open()) {
          out.printf(
              "%s %s %s [%s] %s%n  %s%n",
              run.banner(),
              flag.id(),
              flag.rule(),
              flag.advisory(),
              flag.title(),
              flag.explanation());
        }
      }
      out.flush();
      return 0;
    }
  }
}
