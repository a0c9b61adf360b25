/**
 * Casework: case subjects held as statements with provenance and resolved through the matching
 * engine, links between subjects and assets, link analysis and the graph, planned operations,
 * target and event deconfliction, and pointer alerts to the agencies that hold a match.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Casework",
    allowedDependencies = {"access", "registry", "resolution", "seizures", "shared"})
package org.presstrace.casework;
