package org.presstrace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module structure holds: each module uses others only through their root-package APIs, and
 * only the modules its {@code package-info.java} declares.
 */
class ModularityTests {

  static final ApplicationModules MODULES = ApplicationModules.of(PressTraceApplication.class);

  /** The intended graph: who may use whom. Widening it is a decision, made here and in the code. */
  static final Map<String, String> INTENDED =
      Map.ofEntries(
          Map.entry("shared", ""),
          Map.entry("access", "shared"),
          Map.entry("registry", "access shared"),
          Map.entry("ledger", "access registry shared"),
          Map.entry("substances", "access shared"),
          Map.entry("seizures", "access registry shared substances"),
          Map.entry("resolution", "shared"),
          Map.entry("casework", "access registry resolution seizures shared"),
          Map.entry("redflags", "access casework resolution shared"),
          Map.entry("intel", "access shared"),
          Map.entry("web", "access shared"),
          Map.entry(
              "exchange",
              "access casework intel ledger redflags registry resolution seizures shared"
                  + " substances"),
          Map.entry(
              "cli",
              "access casework exchange ledger redflags registry resolution seizures shared"
                  + " substances"),
          Map.entry(
              "demo",
              "access casework exchange intel redflags registry resolution seizures shared"));

  @Test
  void modulesRespectTheirBoundaries() {
    MODULES.verify();
  }

  @Test
  void everyModuleDeclaresTheIntendedDependencies() throws ClassNotFoundException {
    var declared = new TreeMap<String, String>();
    for (var module : MODULES) {
      var info = Class.forName(module.getBasePackage().getName() + ".package-info");
      var annotation = info.getAnnotation(ApplicationModule.class);
      assertThat(annotation).as(module.getIdentifier() + " has no @ApplicationModule").isNotNull();
      assertThat(annotation.allowedDependencies())
          .as(module.getIdentifier() + " leaves its dependencies open")
          .doesNotContain(ApplicationModule.OPEN_TOKEN);
      declared.put(
          module.getIdentifier().toString(),
          String.join(" ", new TreeSet<>(java.util.List.of(annotation.allowedDependencies()))));
    }
    assertThat(declared).isEqualTo(new TreeMap<>(INTENDED));
  }

  @Test
  void writesModuleDocumentation() {
    new Documenter(MODULES).writeDocumentation().writeIndividualModulesAsPlantUml();
  }
}
