package org.presstrace.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Spec;

/** Prints the PressTrace version and the Java runtime it runs on. */
@Command(name = "version", description = "Print the version.")
class VersionCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  /** Accepted like every command's, so scripts can pass the same settings everywhere. */
  @picocli.CommandLine.Mixin StorageOptions storage = new StorageOptions();

  @Override
  public Integer call() {
    for (String line : new Provider().getVersion()) {
      spec.commandLine().getOut().println(line);
    }
    return 0;
  }

  static final class Provider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = VersionCommand.class.getPackage().getImplementationVersion();
      return new String[] {
        "presstrace " + (version == null ? "development" : version),
        "java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
      };
    }
  }
}
