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
import java.util.Random;
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
import org.presstrace.shared.NotFound;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seizures with random markings, by random seizing users, each seizing a stolen press: for every
 * reader, the custody event and the alerts written from the seizure show its content only to a
 * reader who may read the seizure itself; everyone else sees the documented fact or nothing.
 * Seeded, so a failure repeats.
 */
@PressTraceIntegrationTest
class DerivedRecordPropertyIntegrationTests {

  static final String PURPOSE = "Case 2026-DR-0002";
  static final String[] TLPS = {"CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"};

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired Registry registry;
  @Autowired Trace trace;
  @Autowired JsonMapper json;

  @Test
  void noReaderSeesContentWrittenFromASeizureItMayNotRead() throws Exception {
    var world = new World(directory);
    directory.ensureAgency("DEA", "Drug Enforcement Administration", AgencyKind.FEDERAL, "USA");
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    String opA = "PA-" + world.suffix();
    String opB = "PB-" + world.suffix();
    directory.ensureCompartment(opA, "Case team A", "DEA");
    directory.ensureCompartment(opB, "Case team B", "DEA");
    String inA = world.user("ina", "DEA", Role.INVESTIGATOR);
    String inAb = world.user("inab", "DEA", Role.INVESTIGATOR);
    String inNone = world.user("innone", "DEA", Role.ANALYST);
    directory.ensureMember(opA, inA);
    directory.ensureMember(opA, inAb);
    directory.ensureMember(opB, inAb);
    String cbp =
        world.user("cbp", world.agency("CBP", AgencyKind.FEDERAL, "USA"), Role.INVESTIGATOR);
    String liaison =
        world.user(
            "mps", world.agency("MPS", AgencyKind.FOREIGN_PARTNER, "CHN"), Role.FOREIGN_LIAISON);
    AccessContext admin =
        world.as(world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.API);
    var owner =
        registry.register(
            admin,
            new NewRegistrant(
                "Holder " + world.suffix(),
                null,
                RegistrantCategory.OWNER,
                null,
                "1 Way",
                null,
                "USA"));
    registry.activate(admin, owner.id(), "inspected");
    String holder = world.user("holder", owner.agencyCode(), Role.REGISTRANT);

    var seizers = List.of(inA, inAb, cbp);
    var readers = List.of(inA, inAb, inNone, cbp, liaison, holder);
    long seed = 61206L;
    var random = new Random(seed);
    int contentShown = 0;
    int factShown = 0;
    for (int round = 0; round < 10; round++) {
      String seizer = seizers.get(random.nextInt(seizers.size()));
      String tlp = TLPS[random.nextInt(TLPS.length)];
      String compartment =
          seizer.equals(cbp)
              ? null
              : List.of("", opA, seizer.equals(inAb) ? opB : opA).get(random.nextInt(3));
      boolean cui = random.nextBoolean();
      boolean noforn = cui && random.nextBoolean();
      String serial = "PR" + round + "-" + world.suffix();
      String machineId = stolenPress(world, holder, serial);
      String marking =
          "{\"tlp\": \"%s\"%s%s%s}"
              .formatted(
                  tlp,
                  cui ? ", \"cuiCategory\": \"LEI\"" : "",
                  noforn ? ", \"noforn\": true" : "",
                  compartment == null || compartment.isEmpty()
                      ? ""
                      : ", \"compartment\": \"" + compartment + "\"");
      JsonNode created = seize(seizer, serial, marking);
      String seizureId = created.get("seizure").get("id").asString();
      String reference = created.get("seizure").get("reference").asString();
      String label = "seed " + seed + " round " + round + " " + marking + " by " + seizer;
      for (String reader : readers) {
        boolean readsSeizure = status(reader, "/api/v1/seizures/" + seizureId) == 200;
        CustodyEntry event = seizureEvent(world, reader, machineId);
        if (event != null) {
          if (!event.withheld()) {
            contentShown++;
            assertThat(readsSeizure)
                .as(label + ": " + reader + " reads the custody event")
                .isTrue();
          } else {
            factShown++;
            assertThat(event.details()).as(label).doesNotContain(reference);
          }
        }
        String alerts = body(reader, "/api/v1/alerts?size=200");
        if (alerts.contains(reference)) {
          assertThat(readsSeizure).as(label + ": " + reader + " reads an alert naming it").isTrue();
        }
      }
    }
    assertThat(contentShown).as("custody events read in full").isPositive();
    assertThat(factShown).as("custody events read as a fact only").isPositive();
  }

  private CustodyEntry seizureEvent(World world, String reader, String machineId) {
    try {
      return trace.custody(world.as(reader, Channel.API), machineId).stream()
          .filter(e -> e.type().equals("MachineSeized"))
          .findFirst()
          .orElse(null);
    } catch (NotFound hidden) {
      return null;
    }
  }

  private String stolenPress(World world, String holder, String serial) {
    LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(20);
    AccessContext context = world.as(holder, Channel.API);
    String id =
        registry
            .registerMachine(
                context,
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
                    day,
                    null))
            .id();
    registry.reportStolen(context, id, new CustodyReport(day.plusDays(1), "break-in"));
    return id;
  }

  private JsonNode seize(String user, String serial, String marking) throws Exception {
    String when =
        LocalDateTime.now(ZoneId.of("America/Chicago"))
            .minusDays(1)
            .truncatedTo(ChronoUnit.MINUTES)
            .toString();
    String body =
        """
        {"occurredAt": "%s", "zone": "America/Chicago", "context": "INTERIOR", "region": "IL",
         "marking": %s,
         "items": [{"substance": "fentanyl", "form": "pills", "netWeight": "0.5", "netUnit": "kg",
                    "pillCount": "5000", "mgPerPill": "2.0"}],
         "equipment": [{"serial": "%s", "kind": "press"}], "parties": []}
        """
            .formatted(when, marking, serial);
    MvcResult result =
        mvc.perform(
                post("/api/v1/seizures")
                    .with(httpBasic(user, World.PASSWORD))
                    .header("PressTrace-Purpose", PURPOSE)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andReturn();
    assertThat(result.getResponse().getStatus())
        .as(marking + ": " + result.getResponse().getContentAsString())
        .isEqualTo(201);
    return json.readTree(result.getResponse().getContentAsString());
  }

  private int status(String user, String url) throws Exception {
    return mvc.perform(
            get(url).with(httpBasic(user, World.PASSWORD)).header("PressTrace-Purpose", PURPOSE))
        .andReturn()
        .getResponse()
        .getStatus();
  }

  private String body(String user, String url) throws Exception {
    return mvc.perform(
            get(url).with(httpBasic(user, World.PASSWORD)).header("PressTrace-Purpose", PURPOSE))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
