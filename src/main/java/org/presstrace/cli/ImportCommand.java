package org.presstrace.cli;

import picocli.CommandLine.Command;

/** Bulk imports from files; each kind of record is a subcommand. */
@Command(
    name = "import",
    description = "Import records from a file, all or nothing, with a validation report.",
    subcommands = {ImportSeizuresCommand.class})
class ImportCommand {

  @picocli.CommandLine.ParentCommand PressTraceCommand root;
}
