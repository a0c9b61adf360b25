/**
 * Intelligence: reports on trafficking, seizures and money flows shared between agencies under
 * handling markings; later cases, subjects, deconfliction and alerts.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Intelligence",
    allowedDependencies = {"access", "shared"})
package org.presstrace.intel;
