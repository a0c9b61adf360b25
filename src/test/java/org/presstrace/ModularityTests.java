package org.presstrace;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module structure holds: each module uses others only through their root-package APIs. */
class ModularityTests {

  static final ApplicationModules MODULES = ApplicationModules.of(PressTraceApplication.class);

  @Test
  void modulesRespectTheirBoundaries() {
    MODULES.verify();
  }

  @Test
  void writesModuleDocumentation() {
    new Documenter(MODULES).writeDocumentation().writeIndividualModulesAsPlantUml();
  }
}
