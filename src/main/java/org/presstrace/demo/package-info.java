/**
 * The synthetic demo world: agencies, one user per role, marked reports and releases, registrants
 * and their equipment.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Demo world",
    allowedDependencies = {
      "access",
      "casework",
      "exchange",
      "intel",
      "redflags",
      "registry",
      "resolution",
      "seizures",
      "shared"
    })
package org.presstrace.demo;
