package org.presstrace.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Serves on the embedded default with the synthetic demo world loaded and its logins printed. */
@Command(
    name = "demo",
    description = "Serve on the embedded database with demo data; prints the URL and demo logins.")
class DemoCommand implements Callable<Integer> {

  @Mixin StorageOptions storage = new StorageOptions();

  @picocli.CommandLine.ParentCommand PressTraceCommand root;

  @Override
  public Integer call() {
    new ServeCommand(storage, root.application())
        .start(storage.properties(true), new String[] {"demo"});
    return PressTraceCommand.KEEP_RUNNING;
  }
}
