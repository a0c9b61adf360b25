/**
 * Red flags: the FinCEN-advisory rules over subjects, links and payments, evaluated per agency over
 * what its members may read, with citations and a reviewer's decision on each flag.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Red flags",
    allowedDependencies = {"access", "casework", "resolution", "shared"})
package org.presstrace.redflags;
