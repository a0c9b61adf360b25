package org.presstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/**
 * A report's filing day is the day on the filer's clock: a registrant in Pacific time filing at
 * 17:00 on its due day (01:00 UTC the next day) is on time; one on New York time filing at the same
 * instant late in the Pacific evening is a day late.
 */
@PressTraceIntegrationTest
class FilingDayIntegrationTests {

  static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

  /**
   * The recorder of the sales this test writes straight into the table, at instants the clock
   * cannot give; they never reach the ledger, so they are removed after each test to keep the
   * shared database's ledger whole for the tests that verify it.
   */
  static final String RECORDED_BY = "filing-day-test";

  @Autowired Directory directory;
  @Autowired Registry registry;
  @Autowired ComplianceQueue queue;
  @Autowired Trace trace;
  @Autowired Deadlines deadlines;
  @Autowired JdbcClient jdbc;
  @Autowired org.springframework.test.web.servlet.MockMvc mvc;
  @Autowired tools.jackson.databind.json.JsonMapper json;

  World world;
  AccessContext admin;
  AccessContext supervisor;
  AccessContext investigator;
  RegistrantView buyer;
  LocalDate shipped;
  LocalDate due;

  @BeforeEach
  void setUp() {
    world = new World(directory);
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    admin =
        world.as(world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.API);
    String dea = world.agency("DEA", AgencyKind.FEDERAL, "USA");
    supervisor = world.as(world.user("supervisor", dea, Role.SUPERVISOR), Channel.API);
    investigator = world.as(world.user("agent", dea, Role.INVESTIGATOR), Channel.API);
    buyer = active("Buyer " + world.suffix(), null);
    shipped = LocalDate.now(ZoneOffset.UTC).minusDays(40);
    due = deadlines.due(ReportKind.TRANSFER, shipped);
  }

  @AfterEach
  void removeTheSalesWrittenPastTheLedger() {
    jdbc.sql("DELETE FROM custody_event WHERE recorded_by = :by").param("by", RECORDED_BY).update();
  }

  RegistrantView active(String name, String zone) {
    var registrant =
        registry.register(
            admin,
            new NewRegistrant(
                name, null, RegistrantCategory.DEALER, null, "1 Press Way", null, "USA", zone));
    return registry.activate(admin, registrant.id(), "inspection passed");
  }

  /** A machine of {@code seller} whose sale was reported at {@code time} Pacific on its due day. */
  String soldAndReportedAt(RegistrantView seller, LocalTime time) {
    String user =
        world.user(
            "u" + UUID.randomUUID().toString().substring(0, 6),
            seller.agencyCode(),
            Role.REGISTRANT);
    String machine =
        registry
            .registerMachine(
                world.as(user, Channel.API),
                new NewMachine(
                    "FD-" + UUID.randomUUID().toString().substring(0, 8),
                    false,
                    "Acme",
                    "RT",
                    EquipmentKind.TABLETING_ROTARY,
                    null,
                    "Bay 4",
                    EquipmentOrigin.DECLARED,
                    null,
                    shipped.minusDays(1),
                    null))
            .id();
    jdbc.sql(
            """
            INSERT INTO custody_event (id, machine_id, seq, type, occurred_on, reported_at,
                                       from_registrant, to_registrant, recorded_by)
            VALUES (:id, :machine, 2, 'MachineTransferred', :on, :at, :from, :to, :by)
            """)
        .param("id", UUID.randomUUID().toString())
        .param("machine", machine)
        .param("on", shipped)
        .param("at", due.atTime(time).atZone(PACIFIC).toOffsetDateTime())
        .param("from", seller.id())
        .param("to", buyer.id())
        .param("by", RECORDED_BY)
        .update();
    return machine;
  }

  /** The items the sale of {@code machine} raised. */
  List<String> items(String machine) {
    // Only the sale's report: the declaration, 41 days back, is an acquisition reported late.
    return jdbc.sql(
            "SELECT kind FROM compliance_item WHERE machine_id = :m AND summary LIKE 'transfer%'")
        .param("m", machine)
        .query(String.class)
        .list();
  }

  @Test
  void aPacificReportAtFivePmOnItsDueDayIsOnTime() {
    var pacific = active("Pacific Dealer " + world.suffix(), "America/Los_Angeles");
    String afternoon = soldAndReportedAt(pacific, LocalTime.of(17, 0));
    String lateEvening = soldAndReportedAt(pacific, LocalTime.of(23, 30));

    queue.sweep(supervisor);

    assertThat(items(afternoon)).isEmpty();
    assertThat(items(lateEvening)).isEmpty();
    assertThat(trace.custody(investigator, afternoon).get(1).timing())
        .isEqualTo(ReportTiming.ON_TIME);
  }

  @Test
  void theSameInstantIsADayLateOnNewYorkTime() {
    var eastern = active("Eastern Dealer " + world.suffix(), "America/New_York");
    var unnamed = active("Default Dealer " + world.suffix(), null);
    String eveningInPacific = soldAndReportedAt(eastern, LocalTime.of(23, 30));
    String defaultZone = soldAndReportedAt(unnamed, LocalTime.of(23, 30));
    String afternoon = soldAndReportedAt(unnamed, LocalTime.of(17, 0));

    queue.sweep(supervisor);

    assertThat(items(eveningInPacific)).containsExactly("LATE_REPORT");
    assertThat(items(defaultZone))
        .as("a registrant naming no zone files on the configured default, New York")
        .containsExactly("LATE_REPORT");
    assertThat(items(afternoon)).as("20:00 in New York").isEmpty();
    assertThat(trace.custody(investigator, eveningInPacific).get(1).timing())
        .isEqualTo(ReportTiming.LATE);
  }

  @Test
  void anUnknownZoneIsRefusedAndNothingIsStored() {
    String name = "Nowhere Dealer " + world.suffix();
    assertThatThrownBy(() -> active(name, "Mars/Olympus_Mons"))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("timeZone 'Mars/Olympus_Mons'");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM registrant WHERE legal_name = :n")
                .param("n", name)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aRegistrantsZoneIsShownWithItsRecord() {
    var pacific = active("Shown Dealer " + world.suffix(), " America/Los_Angeles ");
    assertThat(registry.filingZone(pacific.id())).isEqualTo(PACIFIC);
    assertThat(registry.filingZone(buyer.id())).isEqualTo(ZoneId.of("America/New_York"));
  }

  @Test
  void theZoneIsSetAndShownOverTheApiButNotToOtherRegistrants() throws Exception {
    String adminUser = world.user("zoneadmin", directory.operatorAgency(), Role.ADMINISTRATOR);
    MvcResult bad =
        mvc.perform(
                post("/api/v1/registry/registrants")
                    .with(httpBasic(adminUser, World.PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"legalName\": \"Zoned %s\", \"category\": \"DEALER\","
                                .formatted(world.suffix())
                            + " \"address\": \"1 Way\", \"timeZone\": \"PST8PDT-ish\"}"))
            .andReturn();
    assertThat(bad.getResponse().getStatus()).isEqualTo(400);
    assertThat(bad.getResponse().getContentAsString()).contains("timeZone");

    var pacific = active("Zone Shown " + world.suffix(), "America/Los_Angeles");
    String own = world.user("zoneown", pacific.agencyCode(), Role.REGISTRANT);
    String other = world.user("zoneother", buyer.agencyCode(), Role.REGISTRANT);
    for (String user : List.of(own, other)) {
      JsonNode shown =
          json.readTree(
              mvc.perform(
                      get("/api/v1/registry/registrants/" + pacific.id())
                          .with(httpBasic(user, World.PASSWORD)))
                  .andReturn()
                  .getResponse()
                  .getContentAsString());
      assertThat(shown.get("timeZone").isNull())
          .as("shown to its own users only: %s", user)
          .isEqualTo(user.equals(other));
      if (user.equals(own)) {
        assertThat(shown.get("timeZone").asString()).isEqualTo("America/Los_Angeles");
      }
    }
  }
}
