package org.presstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The registry of registrants: auditors and foreign partners read none of it; a registrant reads
 * another's public part only (what a seller checks), never its address, DEA number or history.
 */
@PressTraceIntegrationTest
class RegistrantRecordsAccessIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired Registry registry;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  World world;
  RegistrantView target;
  String otherRegistrant;
  String auditor;
  String liaison;
  String investigator;

  @BeforeEach
  void setUp() {
    world = new World(directory);
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    AccessContext admin =
        world.as(world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.API);
    target =
        registry.register(
            admin,
            new NewRegistrant(
                "Target " + world.suffix(),
                null,
                RegistrantCategory.OWNER,
                null,
                "77 Hidden Lane",
                null,
                "USA"));
    registry.activate(admin, target.id(), "inspected after a tip from a confidential source");
    var other =
        registry.register(
            admin,
            new NewRegistrant(
                "Rival " + world.suffix(),
                null,
                RegistrantCategory.OWNER,
                null,
                "1 Way",
                null,
                "USA"));
    otherRegistrant = world.user("rival", other.agencyCode(), Role.REGISTRANT);
    auditor = world.user("auditor", directory.operatorAgency(), Role.AUDITOR);
    liaison =
        world.user(
            "liaison",
            world.agency("MPS", AgencyKind.FOREIGN_PARTNER, "CHN"),
            Role.FOREIGN_LIAISON);
    investigator =
        world.user("inv", world.agency("DEA", AgencyKind.FEDERAL, "USA"), Role.INVESTIGATOR);
  }

  MvcResult as(String user, String url) throws Exception {
    return mvc.perform(get(url).with(httpBasic(user, World.PASSWORD))).andReturn();
  }

  @Test
  void auditorsAndForeignPartnersReadNoRegistrantRecord() throws Exception {
    for (String user : new String[] {auditor, liaison}) {
      for (String url :
          new String[] {
            "/api/v1/registry/registrants",
            "/api/v1/registry/registrants/" + target.id(),
            "/api/v1/registry/registrants/" + target.id() + "/history"
          }) {
        MvcResult result = as(user, url);
        assertThat(result.getResponse().getStatus()).as(user + " " + url).isEqualTo(403);
        assertThat(result.getResponse().getContentAsString()).doesNotContain("Hidden Lane");
      }
    }
  }

  @Test
  void anotherRegistrantSeesOnlyThePublicPartAndNoHistory() throws Exception {
    MvcResult one = as(otherRegistrant, "/api/v1/registry/registrants/" + target.id());
    assertThat(one.getResponse().getStatus()).isEqualTo(200);
    assertThat(one.getResponse().getContentAsString())
        .contains(target.registrationNumber())
        .doesNotContain("Hidden Lane");
    MvcResult list = as(otherRegistrant, "/api/v1/registry/registrants?q=Target");
    assertThat(list.getResponse().getContentAsString()).doesNotContain("Hidden Lane");
    MvcResult history =
        as(otherRegistrant, "/api/v1/registry/registrants/" + target.id() + "/history");
    assertThat(history.getResponse().getStatus()).isEqualTo(404);
    assertThat(history.getResponse().getContentAsString()).doesNotContain("confidential");
  }

  @Test
  void aRegistrantUserWhoseRoleIsStillPendingReadsNoRegistrant() throws Exception {
    String rivalAgency = directory.caller(otherRegistrant).orElseThrow().agency();
    String pending = world.user("pending", rivalAgency, Role.REGISTRANT);
    // As if the registrant role were still waiting for its approver: the user holds no role.
    jdbc.sql("DELETE FROM user_role WHERE username = :u").param("u", pending).update();
    MvcResult one = as(pending, "/api/v1/registry/registrants/" + target.id());
    assertThat(one.getResponse().getStatus()).isEqualTo(403);
    assertThat(one.getResponse().getContentAsString()).doesNotContain("Hidden Lane");
    assertThat(
            as(pending, "/api/v1/registry/registrants/" + target.id() + "/history")
                .getResponse()
                .getStatus())
        .isEqualTo(403);
  }

  @Test
  void investigatorsStillReadTheWholeRecord() throws Exception {
    MvcResult one = as(investigator, "/api/v1/registry/registrants/" + target.id() + "/history");
    assertThat(one.getResponse().getStatus()).isEqualTo(200);
    assertThat(one.getResponse().getContentAsString()).contains("confidential source");
  }
}
