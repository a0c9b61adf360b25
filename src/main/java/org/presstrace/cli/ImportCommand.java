package org.presstrace.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Bulk imports from files into the configured database; one subcommand per kind of file. */
@Command(
    name = "import",
    description = "Import records in bulk from a file, all or nothing.",
    subcommands = {
      ImportRegistryCommand.class,
      ImportSeizuresCommand.class,
      ImportDesignationCommand.class,
      ImportLinksCommand.class,
      ImportFtmCommand.class
    })
class ImportCommand {

  @ParentCommand PressTraceCommand root;
}
