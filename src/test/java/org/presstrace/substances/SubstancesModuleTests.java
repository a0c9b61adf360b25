package org.presstrace.substances;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.presstrace.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * The substances module on its own with the modules it declares (access, shared): the reference
 * lists load and answer by date without the registry, seizures, casework or the web shell.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@TestPropertySource(
    properties = {
      "presstrace.data-dir=${java.io.tmpdir}/presstrace-test",
      "logging.level.root=WARN",
      "presstrace.security.argon2.memory-kib=64",
      "presstrace.security.argon2.iterations=1"
    })
@ContextConfiguration(initializers = TestDatabase.class)
class SubstancesModuleTests {

  @Autowired Substances substances;
  @Autowired ApplicationContext context;

  @Test
  void bootsWithoutTheModulesItDoesNotDeclare() {
    assertThat(context.getBeanNamesForType(org.presstrace.registry.Registry.class)).isEmpty();
    assertThat(context.getBeanNamesForType(org.presstrace.casework.Subjects.class)).isEmpty();
  }

  @Test
  void chinaControls4apFromItsEffectiveDate() {
    assertThat(substances.controlledOn("CHN", LocalDate.of(2024, 9, 1)).substances())
        .extracting(c -> c.substanceId())
        .contains("4-ap");
    assertThat(substances.controlledOn("CHN", LocalDate.of(2024, 8, 31)).substances())
        .extracting(c -> c.substanceId())
        .doesNotContain("4-ap");
  }
}
