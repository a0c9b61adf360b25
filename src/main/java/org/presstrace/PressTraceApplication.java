package org.presstrace;

import org.presstrace.cli.PressTraceCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * PressTrace: the national pill-press registry and counter-fentanyl intelligence-sharing service.
 *
 * <p>The process starts in the command line ({@link PressTraceCommand}); {@code serve} and {@code
 * demo} then boot this Spring application.
 */
@Modulithic(sharedModules = "shared")
@SpringBootApplication
public class PressTraceApplication {

  public static void main(String[] args) {
    int exitCode = PressTraceCommand.execute(PressTraceApplication.class, args);
    if (exitCode != PressTraceCommand.KEEP_RUNNING) {
      System.exit(exitCode);
    }
  }
}
