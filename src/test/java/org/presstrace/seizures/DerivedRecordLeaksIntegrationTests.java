package org.presstrace.seizures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.registry.CustodyEntry;
import org.presstrace.registry.CustodyReport;
import org.presstrace.registry.EquipmentKind;
import org.presstrace.registry.EquipmentOrigin;
import org.presstrace.registry.NewMachine;
import org.presstrace.registry.NewRegistrant;
import org.presstrace.registry.RegistrantCategory;
import org.presstrace.registry.Registry;
import org.presstrace.registry.Trace;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records written from a compartmented seizure (the seized press's custody event, the alert to the
 * regulator) carry the seizure's marking: the holding registrant, other agencies and members of the
 * seizing agency outside the compartment learn only that the press was seized.
 */
@PressTraceIntegrationTest
class DerivedRecordLeaksIntegrationTests {

  static final String PURPOSE = "Case 2026-DR-0001";

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired Registry registry;
  @Autowired Trace trace;
  @Autowired JsonMapper json;

  World world;
  String compartment;
  String member;
  String outsider;
  String otherAgencyUser;
  String holder;
  String serial;
  String machineId;
  LocalDate stolenOn;

  @BeforeEach
  void setUp() {
    world = new World(directory);
    directory.ensureAgency("DEA", "Drug Enforcement Administration", AgencyKind.FEDERAL, "USA");
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    compartment = "OP-" + world.suffix();
    directory.ensureCompartment(compartment, "Operation " + world.suffix(), "DEA");
    member = world.user("member", "DEA", Role.INVESTIGATOR);
    directory.ensureMember(compartment, member);
    outsider = world.user("outsider", "DEA", Role.INVESTIGATOR);
    otherAgencyUser =
        world.user("officer", world.agency("CBP", AgencyKind.FEDERAL, "USA"), Role.INVESTIGATOR);
    AccessContext admin =
        world.as(world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.API);
    var owner =
        registry.register(
            admin,
            new NewRegistrant(
                "Target " + world.suffix(),
                null,
                RegistrantCategory.OWNER,
                null,
                "1 Way",
                null,
                "USA"));
    registry.activate(admin, owner.id(), "inspected");
    holder = world.user("holder", owner.agencyCode(), Role.REGISTRANT);
    stolenOn = LocalDate.now(ZoneOffset.UTC).minusDays(10);
    serial = "IP-" + world.suffix();
    machineId =
        registry
            .registerMachine(
                world.as(holder, Channel.API),
                new NewMachine(
                    serial,
                    false,
                    "Acme",
                    "RT-24",
                    EquipmentKind.TABLETING_ROTARY,
                    null,
                    "Bay 1",
                    EquipmentOrigin.DECLARED,
                    null,
                    stolenOn.minusDays(30),
                    null))
            .id();
    registry.reportStolen(
        world.as(holder, Channel.API), machineId, new CustodyReport(stolenOn, "break-in"));
  }

  /** A DEA seizure TLP:RED in the compartment, seizing the press; returns its reference. */
  String compartmentedSeizure() throws Exception {
    String when =
        LocalDateTime.now(ZoneId.of("America/New_York"))
            .minusDays(1)
            .truncatedTo(ChronoUnit.MINUTES)
            .toString();
    String body =
        """
        {"occurredAt": "%s", "zone": "America/New_York", "context": "INTERIOR",
         "region": "NJ", "place": "Informant's garage, 12 Elm St",
         "marking": {"tlp": "RED", "cuiCategory": "LEI", "compartment": "%s"},
         "items": [{"substance": "fentanyl", "form": "pills", "netWeight": "1.1", "netUnit": "kg",
                    "pillCount": "10000", "mgPerPill": "2.4"}],
         "equipment": [{"serial": "%s", "kind": "press"}],
         "parties": []}
        """
            .formatted(when, compartment, serial);
    MvcResult created =
        mvc.perform(
                post("/api/v1/seizures")
                    .with(httpBasic(member, World.PASSWORD))
                    .header("PressTrace-Purpose", PURPOSE)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andReturn();
    assertThat(created.getResponse().getStatus())
        .as(created.getResponse().getContentAsString())
        .isEqualTo(201);
    JsonNode detail = json.readTree(created.getResponse().getContentAsString());
    assertThat(detail.get("equipment").get(0).get("outcome").asString()).isEqualTo("SEIZED_STOLEN");
    return detail.get("seizure").get("reference").asString();
  }

  CustodyEntry seizureEvent(String user) {
    List<CustodyEntry> custody = trace.custody(world.as(user, Channel.API), machineId);
    return custody.stream().filter(e -> e.type().equals("MachineSeized")).findFirst().orElseThrow();
  }

  String alertsBody(String user) throws Exception {
    MvcResult result =
        mvc.perform(
                get("/api/v1/alerts?size=200")
                    .with(httpBasic(user, World.PASSWORD))
                    .header("PressTrace-Purpose", PURPOSE))
            .andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    return result.getResponse().getContentAsString();
  }

  @Test
  void compartmentedSeizureCustodyEventShowsOnlyTheFactToTheHoldingRegistrant() throws Exception {
    String reference = compartmentedSeizure();
    CustodyEntry seen = seizureEvent(holder);
    assertThat(seen.withheld()).isTrue();
    assertThat(seen.details())
        .isEqualTo("Seized by a law enforcement agency on " + seen.occurredOn())
        .doesNotContain(reference)
        .doesNotContain("DEA");
    assertThat(seen.agency()).isNull();
    assertThat(seen.recordedBy()).isNull();
  }

  @Test
  void compartmentedSeizureCustodyEventIsHiddenFromOtherAgenciesAndNonMembers() throws Exception {
    String reference = compartmentedSeizure();
    for (String reader : List.of(outsider, otherAgencyUser)) {
      CustodyEntry seen = seizureEvent(reader);
      assertThat(seen.withheld()).as(reader).isTrue();
      assertThat(seen.details()).as(reader).doesNotContain(reference);
    }
    CustodyEntry full = seizureEvent(member);
    assertThat(full.withheld()).isFalse();
    assertThat(full.details()).contains(reference);
    assertThat(full.agency()).isEqualTo("DEA");
  }

  @Test
  void alertFromCompartmentedSeizureDoesNotNameItToMembersOutsideTheCompartment() throws Exception {
    String reference = compartmentedSeizure();
    String outsiders = alertsBody(outsider);
    assertThat(outsiders)
        .as("the regulator's members outside the compartment see the fact only")
        .contains("Stolen equipment " + serial + " seized")
        .contains("was seized by a law enforcement agency")
        .doesNotContain(reference)
        .doesNotContain("Informant");
    JsonNode facts = json.readTree(outsiders).get("items");
    assertThat(facts.valueStream().filter(a -> a.get("title").asString().contains(serial)))
        .allSatisfy(a -> assertThat(a.get("subjectKind").asString()).isEqualTo("machine"));
    var membersAlerts =
        json.readTree(alertsBody(member))
            .get("items")
            .valueStream()
            .filter(a -> a.get("title").asString().contains(serial))
            .toList();
    assertThat(membersAlerts)
        .as("a member sees the alert itself, not the fact standing in for it")
        .singleElement()
        .satisfies(a -> assertThat(a.get("message").asString()).contains(reference));
    assertThat(alertsBody(otherAgencyUser)).doesNotContain(serial);
  }
}
