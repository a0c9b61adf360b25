/**
 * The national pill-press registry: registrants, serialised machines, critical parts and moulds,
 * the custody lifecycle as a guarded state machine, reporting deadlines, and trace by serial.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Registry",
    allowedDependencies = {"access", "shared"})
package org.presstrace.registry;
