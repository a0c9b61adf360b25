package org.presstrace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import planted.presstrace.PlantedApplication;
import planted.presstrace.beta.internal.BetaInternals;

/**
 * {@link ModularityTests} only means something if {@code verify()} catches a breach: this plants
 * one (module alpha using a type in beta's internal package) and expects it reported.
 *
 * <p>The planted application is test code outside {@code org.presstrace}: Spring Modulith leaves
 * test classes out by default, so it is imported here with {@link ImportOption.OnlyIncludeTests},
 * and neither {@link ModularityTests} nor the application's component scan ever sees it.
 */
class PlantedViolationTests {

  @Test
  void verifyReportsAModuleReachingIntoAnotherModulesInternals() {
    var modules =
        ApplicationModules.of(PlantedApplication.class, new ImportOption.OnlyIncludeTests());

    assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
        .containsExactlyInAnyOrder("alpha", "beta", "gamma");
    assertThatExceptionOfType(Violations.class)
        .isThrownBy(modules::verify)
        .withMessageContaining(BetaInternals.class.getName())
        .withMessageContaining("alpha");
  }

  @Test
  void verifyReportsADependencyTheModuleDidNotDeclare() {
    var modules =
        ApplicationModules.of(PlantedApplication.class, new ImportOption.OnlyIncludeTests());

    assertThatExceptionOfType(Violations.class)
        .isThrownBy(modules::verify)
        .withMessageContaining("Module 'gamma' depends on module 'beta'");
  }
}
