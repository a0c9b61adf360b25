/**
 * The {@code presstrace} command line: serve, demo, version, screen, and the bulk jobs of later
 * modules.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Command line",
    allowedDependencies = {
      "access",
      "casework",
      "exchange",
      "ledger",
      "redflags",
      "registry",
      "resolution",
      "seizures",
      "substances",
      "shared"
    })
package org.presstrace.cli;
