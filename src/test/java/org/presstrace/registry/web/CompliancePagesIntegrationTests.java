package org.presstrace.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.registry.ComplianceQueue;
import org.presstrace.registry.EquipmentKind;
import org.presstrace.registry.EquipmentOrigin;
import org.presstrace.registry.NewMachine;
import org.presstrace.registry.NewRegistrant;
import org.presstrace.registry.RegistrantCategory;
import org.presstrace.registry.RegistrantView;
import org.presstrace.registry.Registry;
import org.presstrace.registry.Transfer;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Investigators work the compliance queue on its page. */
@PressTraceIntegrationTest
class CompliancePagesIntegrationTests {

  @Autowired MockMvcTester mvc;
  @Autowired Directory directory;
  @Autowired Registry registry;
  @Autowired ComplianceQueue queue;
  @Autowired JdbcClient jdbc;

  World world;
  String investigator;
  String analyst;
  String dealerUser;
  String item;

  @BeforeEach
  void setUp() {
    world = new World(directory);
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    AccessContext admin =
        world.as(world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.PAGE);
    RegistrantView dealer =
        active(admin, "Queue Dealer " + world.suffix(), RegistrantCategory.DEALER);
    RegistrantView buyer = active(admin, "Queue Buyer " + world.suffix(), RegistrantCategory.OWNER);
    dealerUser = world.user("dealer", dealer.agencyCode(), Role.REGISTRANT);
    String dea = world.agency("DEA", AgencyKind.FEDERAL, "USA");
    investigator = world.user("investigator", dea, Role.INVESTIGATOR);
    analyst = world.user("analyst", dea, Role.ANALYST);
    AccessContext dealerContext = world.as(dealerUser, Channel.PAGE);
    String machine =
        registry
            .registerMachine(
                dealerContext,
                new NewMachine(
                    "QP-" + world.suffix(),
                    false,
                    "Acme",
                    "RT-9",
                    EquipmentKind.TABLETING_ROTARY,
                    null,
                    "Bay 1",
                    EquipmentOrigin.DECLARED,
                    null,
                    null,
                    null))
            .id();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    registry.transfer(
        dealerContext,
        machine,
        new Transfer(
            buyer.registrationNumber(), Instant.now().minusSeconds(60), today.minusDays(40)));
    queue.sweep(world.as(world.user("supervisor", dea, Role.SUPERVISOR), Channel.PAGE));
    item =
        jdbc.sql(
                "SELECT id FROM compliance_item WHERE machine_id = :m AND subject LIKE 'custody-event:%'")
            .param("m", machine)
            .query(String.class)
            .single();
  }

  RegistrantView active(AccessContext admin, String name, RegistrantCategory category) {
    var registrant =
        registry.register(
            admin, new NewRegistrant(name, null, category, null, "1 Way", null, null));
    return registry.activate(admin, registrant.id(), "inspected");
  }

  @Test
  void anInvestigatorSeesOpenItemsAndErrorsNextToTheField() {
    assertThat(mvc.get().uri("/registry/compliance").with(user(investigator)))
        .hasStatusOk()
        .bodyText()
        .contains("Compliance queue")
        .contains("Late report")
        .contains("id=\"note-" + item + "\"")
        .contains("<label for=\"assignee-" + item + "\">");

    assertThat(
            mvc.post()
                .uri("/registry/compliance/" + item + "/resolve")
                .with(user(investigator))
                .with(csrf())
                .param("note", " "))
        .hasStatusOk()
        .bodyText()
        .contains("id=\"note-" + item + "-error\"")
        .contains("a note saying how the item was resolved is required");

    assertThat(
            mvc.post()
                .uri("/registry/compliance/" + item + "/assign")
                .with(user(investigator))
                .with(csrf())
                .param("assignee", "nobody-here"))
        .hasStatusOk()
        .bodyText()
        .contains("id=\"assignee-" + item + "-error\"")
        .contains("no enabled user is called");

    assertThat(
            mvc.post()
                .uri("/registry/compliance/" + item + "/assign")
                .with(user(investigator))
                .with(csrf())
                .param("assignee", analyst))
        .hasStatus(HttpStatus.FOUND)
        .hasRedirectedUrl("/registry/compliance");
    assertThat(
            mvc.post()
                .uri("/registry/compliance/" + item + "/resolve")
                .with(user(analyst))
                .with(csrf())
                .param("note", "customs held the paperwork"))
        .hasStatus(HttpStatus.FOUND);
    assertThat(mvc.get().uri("/registry/compliance").with(user(investigator)))
        .hasStatusOk()
        .bodyText()
        .doesNotContain(item);
  }

  @Test
  void aRegistrantIsRefused() {
    assertThat(mvc.get().uri("/registry/compliance").with(user(dealerUser)))
        .hasStatus(HttpStatus.FORBIDDEN);
  }
}
