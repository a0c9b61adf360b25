package org.presstrace.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root {@code presstrace} command. Without a subcommand it serves.
 *
 * <p>Every failure ends in one line on standard error and a non-zero exit code, never a stack
 * trace.
 */
@Command(
    name = "presstrace",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = "PressTrace: pill-press registry and counter-fentanyl intelligence sharing.",
    subcommands = {
      ServeCommand.class,
      DemoCommand.class,
      TraceCommand.class,
      VersionCommand.class,
      LedgerCommand.class,
      ScreenCommand.class,
      ImportCommand.class,
      TaxiiCommand.class,
      MatchCommand.class,
      RedFlagsCommand.class,
      ExchangeCommand.class
    })
public class PressTraceCommand implements java.util.concurrent.Callable<Integer> {

  /** Exit code for a failure the user can fix (bad option, unreachable database, ...). */
  public static final int EXIT_FAILURE = 1;

  /**
   * Returned by commands that leave a server running: the process must not exit when the command
   * returns.
   */
  public static final int KEEP_RUNNING = -1;

  /** Exit code for a usage error (unknown option or command). */
  public static final int EXIT_USAGE = 2;

  @CommandLine.Mixin StorageOptions storage = new StorageOptions();

  private final Class<?> application;

  PressTraceCommand(Class<?> application) {
    this.application = application;
  }

  /** The Spring Boot application class that {@code serve} and {@code demo} start. */
  Class<?> application() {
    return application;
  }

  @Override
  public Integer call() {
    return new ServeCommand(storage, application).call();
  }

  /**
   * Parses and runs {@code args}; returns the process exit code, or {@link #KEEP_RUNNING} when a
   * server was started.
   */
  public static int execute(Class<?> application, String... args) {
    return commandLine(
            application, new PrintWriter(System.out, true), new PrintWriter(System.err, true))
        .execute(args);
  }

  static CommandLine commandLine(Class<?> application, PrintWriter out, PrintWriter err) {
    StorageOptions.bindH2ToLoopback();
    var commandLine = new CommandLine(new PressTraceCommand(application));
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(
        (exception, cmd, parseResult) -> {
          cmd.getErr().println("presstrace: " + OneLine.of(exception));
          return EXIT_FAILURE;
        });
    commandLine.setParameterExceptionHandler(
        (exception, args) -> {
          var cmd = exception.getCommandLine();
          cmd.getErr().println("presstrace: " + exception.getMessage());
          cmd.getErr().println("Try 'presstrace --help' for usage.");
          return EXIT_USAGE;
        });
    return commandLine;
  }
}
