/**
 * Seizures: reports of fentanyl, other drugs, precursors and pill presses seized, with lab results,
 * screening verdicts and dose estimates by stated method; seized equipment traced in the registry;
 * alerts to agencies; analytics over the records a user may read; bulk import from CSV.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Seizures",
    allowedDependencies = {"access", "registry", "substances", "shared"})
package org.presstrace.seizures;
