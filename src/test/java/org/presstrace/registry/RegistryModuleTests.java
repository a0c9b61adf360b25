package org.presstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.support.TestDatabase;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * The registry on its own with access and the shared kernel: a registrant's lifecycle runs and
 * publishes its past-tense events without the ledger, seizures or casework that listen to them.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@TestPropertySource(
    properties = {
      "presstrace.data-dir=${java.io.tmpdir}/presstrace-test",
      "logging.level.root=WARN",
      "presstrace.security.argon2.memory-kib=64",
      "presstrace.security.argon2.iterations=1",
      "presstrace.registry.compliance.sweep-cron=-"
    })
@ContextConfiguration(initializers = TestDatabase.class)
class RegistryModuleTests {

  @Autowired Registry registry;
  @Autowired Directory directory;
  @Autowired ApplicationContext context;

  @Test
  void aRegistrantIsRegisteredAndActivatedWithItsEvents(AssertablePublishedEvents events) {
    assertThat(context.getBeanNamesForType(org.presstrace.ledger.Ledger.class)).isEmpty();
    var world = new World(directory);
    directory.ensureAgency(directory.operatorAgency(), "Operations", AgencyKind.FEDERAL, "USA");
    var admin =
        world.as(
            world.user("opadmin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.API);

    var applied =
        registry.register(
            admin,
            new NewRegistrant(
                "Module Presses " + world.suffix(),
                null,
                RegistrantCategory.MANUFACTURER,
                null,
                "1 Press Way",
                null,
                "USA"));
    registry.activate(admin, applied.id(), "inspection passed");

    assertThat(events)
        .contains(RegistrantApplied.class)
        .matching(RegistrantApplied::registrantId, applied.id());
    assertThat(events)
        .contains(RegistrantActivated.class)
        .matching(RegistrantActivated::registrantId, applied.id());
  }
}
