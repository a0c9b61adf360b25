/**
 * Controlled substances and precursors: reference lists per jurisdiction versioned by effective
 * date, class-wide structure rules (fentanyl-related substances, nitazenes) and screening of names,
 * CAS numbers and structures.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Substances",
    allowedDependencies = {"access", "shared"})
package org.presstrace.substances;
