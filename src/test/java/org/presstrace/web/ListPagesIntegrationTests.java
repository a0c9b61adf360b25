package org.presstrace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Marking;
import org.presstrace.access.Purpose;
import org.presstrace.access.Releases;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.intel.IntelReportDraft;
import org.presstrace.intel.IntelReports;
import org.presstrace.registry.EquipmentKind;
import org.presstrace.registry.EquipmentOrigin;
import org.presstrace.registry.NewMachine;
import org.presstrace.registry.NewRegistrant;
import org.presstrace.registry.RegistrantCategory;
import org.presstrace.registry.RegistrantView;
import org.presstrace.registry.Registry;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The long lists (releases, the audit trail, my equipment): filters and paging in the query string
 * that survive an action, bad filter input said beside its field while the list still shows, and
 * filters that only ever narrow what the reader may see.
 */
@PressTraceIntegrationTest
class ListPagesIntegrationTests {

  @Autowired MockMvcTester mvc;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;
  @Autowired Releases releases;
  @Autowired IntelReports reports;
  @Autowired Registry registry;

  World world;
  String agency;
  String otherAgency;
  String partner;
  String investigator;
  String supervisor;
  String otherRequester;
  String auditor;

  @BeforeEach
  void world() {
    world = new World(directory);
    agency = world.agency("LST", AgencyKind.FEDERAL, "USA");
    otherAgency = world.agency("OTR", AgencyKind.FEDERAL, "USA");
    partner = world.agency("TGT", AgencyKind.STATE, "USA");
    investigator = world.user("inv", agency, Role.INVESTIGATOR);
    supervisor = world.user("sup", agency, Role.SUPERVISOR);
    otherRequester = world.user("otr", otherAgency, Role.INVESTIGATOR);
    auditor = world.user("aud", agency, Role.AUDITOR);
  }

  // ---- releases ------------------------------------------------------------------------------

  @Test
  void releasesArePagedAndFilteredOverTheCallersOwnReleasesOnly() {
    seedReleases(agency, investigator, "PENDING", 30, "MINE");
    seedReleases(agency, investigator, "REJECTED", 5, "MINE-R");
    String hidden = seedReleases(otherAgency, otherRequester, "PENDING", 12, "THEIRS");

    assertThat(page("/releases", supervisor)).contains("id=\"list-total\">35<");
    String pending = page("/releases?status=PENDING&page=1", supervisor);
    assertThat(pending)
        .contains("id=\"list-total\">30<")
        .contains("26–30")
        .contains("aria-current=\"page\"")
        .contains("aria-label=\"Pages of releases\"");
    assertThat(page("/releases?status=REJECTED", supervisor)).contains("id=\"list-total\">5<");

    assertThat(page("/releases?record=" + hidden, supervisor))
        .as("another agency's record id names nothing the supervisor may see")
        .contains("id=\"list-total\">0<")
        .doesNotContain("<td>seeded</td>");
    assertThat(page("/releases?who=" + otherAgency, supervisor))
        .contains("id=\"list-total\">0<")
        .doesNotContain("THEIRS");
    assertThat(page("/releases?who=" + otherAgency.toLowerCase(), otherRequester))
        .as("the requester sees their own 12")
        .contains("id=\"list-total\">12<");
  }

  @Test
  void everyReleaseNamesItsKindAndWholeRecordIdAndLinksToTheRecordsPage() {
    String seizure = seedReleases("seizure", agency, investigator, "PENDING", 1, "SZR");
    String report = seedReleases("intel-report", agency, investigator, "PENDING", 1, "RPT");
    String machine = seedReleases("machine", agency, investigator, "PENDING", 1, "MCH");

    assertThat(page("/releases?kind=seizure&record=" + seizure, supervisor))
        .contains("href=\"/seizures/" + seizure + "\"")
        .contains(">Seizure</a>")
        .contains(">" + seizure + "<");
    assertThat(page("/releases?kind=intel-report&record=" + report, supervisor))
        .contains("href=\"/intel/" + report + "\"")
        .contains(">Intelligence report</a>")
        .contains(">" + report + "<");
    assertThat(page("/releases?kind=machine&record=" + machine, supervisor))
        .as("a machine has no page of its own: its kind and id, with no link")
        .contains(">Machine<")
        .contains(">" + machine + "<")
        .doesNotContain("/" + machine + "\"");
  }

  @Test
  void badReleaseFiltersAreSaidBesideTheirFieldAndTheListStillShows() {
    seedReleases(agency, investigator, "PENDING", 3, "BAD");
    assertThat(page("/releases?status=BOGUS", supervisor))
        .contains("status &#39;BOGUS&#39; is not one of")
        .contains("id=\"status-error\"")
        .contains("id=\"list-total\">3<");
    var script = mvc.get().uri("/releases").param("kind", "<script>").with(user(supervisor));
    assertThat(script).hasStatusOk();
    assertThat(body(script.exchange()))
        .contains("record type &#39;&lt;script&gt;&#39; is not one of")
        .doesNotContain("<script>")
        .contains("id=\"list-total\">3<");
    for (String bad : new String[] {"-1", "x", "1.5", "2147483648"}) {
      assertThat(page("/releases?page=" + bad, supervisor))
          .as(bad)
          .contains("page &#39;" + bad + "&#39; is not a page number")
          .contains("id=\"page-error\"")
          .contains("id=\"list-total\">3<");
    }
    assertThat(page("/releases?page=9", supervisor)).contains("past the last page");
  }

  @Test
  void decidingAReleaseComesBackToTheSameFilterAndPage() {
    var context = world.as(investigator, Channel.PAGE);
    String report =
        reports
            .create(
                context,
                new IntelReportDraft(
                    "Press broker " + world.suffix(), "summary", Marking.of(agency, Tlp.AMBER)))
            .id();
    var release = releases.request(context, "intel-report", report, partner, "joint case");

    var decided =
        mvc.post()
            .uri(
                "/releases/"
                    + release.id()
                    + "/reject?status=PENDING&who=inv&kind=intel-report&page=0")
            .param("reason", "not needed now")
            .with(user(supervisor))
            .with(csrf())
            .exchange();
    assertThat(decided)
        .hasStatus3xxRedirection()
        .hasRedirectedUrl("/releases?status=PENDING&kind=intel-report&who=inv&page=0");
    assertThat(releases.visible(world.as(supervisor, Channel.PAGE), release.id()).status().name())
        .isEqualTo("REJECTED");

    var steered =
        mvc.post()
            .uri("/releases/" + release.id() + "/approve?who=//evil.example/&page=0")
            .param("reason", "try again")
            .with(user(supervisor))
            .with(csrf())
            .exchange();
    assertThat(steered)
        .as("the filters only ever follow the fixed path")
        .hasRedirectedUrl("/releases?who=%2F%2Fevil.example%2F&page=0");
    assertThat(steered.getMvcResult().getFlashMap().get("error")).isNotNull();
  }

  // ---- audit trail ---------------------------------------------------------------------------

  @Test
  void theAuditTrailFiltersByUserActionDateRangeAndRecordId() {
    var context = world.as(investigator, Channel.PAGE);
    String first = report(context, "first");
    String second = report(context, "second");
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();

    String byUser =
        page("/audit?username=" + investigator + "&action=CREATE&from=" + today, auditor);
    assertThat(byUser).contains("id=\"list-total\">2<").contains(first).contains(second);
    assertThat(page("/audit?username=" + investigator + "&recordId=" + first, auditor))
        .contains("id=\"list-total\">1<")
        .contains(first)
        .doesNotContain(second);
    assertThat(page("/audit?username=" + investigator + "&from=" + tomorrow, auditor))
        .contains("id=\"list-total\">0<");
    assertThat(page("/audit?username=" + investigator + "&to=" + today, auditor))
        .as("a day as the end of the range includes that whole day")
        .contains("id=\"list-total\">2<");

    assertThat(mvc.get().uri("/audit?recordId=" + first).with(user(investigator)))
        .as("a filter never opens the trail to other roles")
        .hasStatus(403);
    assertThat(mvc.get().uri("/audit?username=" + investigator).with(user(supervisor)))
        .hasStatus(403);
  }

  @Test
  void badAuditFiltersAreSaidBesideTheirFieldAndTheTrailStillShows() {
    var context = world.as(investigator, Channel.PAGE);
    report(context, "bad-input");
    String base = "/audit?username=" + investigator;
    assertThat(page(base + "&from=2026-13-40", auditor))
        .contains("id=\"from-error\"")
        .contains("from &#39;2026-13-40&#39; is not")
        .contains("id=\"list-total\">1<");
    assertThat(page(base + "&to=yesterday", auditor))
        .contains("id=\"to-error\"")
        .contains("id=\"list-total\">1<");
    assertThat(page(base + "&from=2026-12-10&to=2026-12-01", auditor))
        .contains("id=\"to-error\"")
        .contains("is before from");
    for (String bad : new String[] {"-1", "x"}) {
      assertThat(page(base + "&page=" + bad, auditor))
          .as(bad)
          .contains("id=\"page-error\"")
          .contains("page &#39;" + bad + "&#39; is not a page number")
          .contains("id=\"list-total\">1<");
    }
  }

  // ---- my equipment --------------------------------------------------------------------------

  @Test
  void myEquipmentIsFilteredByKindStatusAndSerialOverOwnEquipmentOnly() {
    var admin = operatorAdmin();
    var dealer = active(admin, "Lists Dealer " + world.suffix(), RegistrantCategory.DEALER);
    String dealerUser = world.user("dealer", dealer.agencyCode(), Role.REGISTRANT);
    var other = active(admin, "Lists Other " + world.suffix(), RegistrantCategory.DEALER);
    String otherUser = world.user("otherdealer", other.agencyCode(), Role.REGISTRANT);
    var mine = world.as(dealerUser, Channel.PAGE);
    for (int i = 0; i < 53; i++) {
      machine(mine, "LQ" + world.suffix() + "-" + i, EquipmentKind.TABLETING_ROTARY);
    }
    machine(mine, "LD" + world.suffix() + "-DIE", EquipmentKind.DIE);
    String theirSerial = "LT" + world.suffix() + "-9";
    machine(world.as(otherUser, Channel.PAGE), theirSerial, EquipmentKind.TABLETING_ROTARY);

    assertThat(equipment("", dealerUser)).contains("id=\"list-total\">54<");
    assertThat(equipment("?page=1", dealerUser))
        .contains("51–54")
        .contains("aria-label=\"Pages of my equipment\"");
    assertThat(equipment("?type=DIE", dealerUser))
        .contains("id=\"list-total\">1<")
        .contains("LD" + world.suffix() + "-DIE");
    assertThat(equipment("?status=STOLEN", dealerUser)).contains("id=\"list-total\">0<");
    assertThat(equipment("?q=" + "lq" + world.suffix() + "-1", dealerUser))
        .as("serial text matches loosely, as a trace does: -1, -10 to -19")
        .contains("id=\"list-total\">11<");
    assertThat(equipment("?q=" + theirSerial, dealerUser))
        .as("another registrant's serial names nothing")
        .contains("id=\"list-total\">0<")
        .doesNotContain("<td>" + theirSerial + "</td>");
  }

  @Test
  void badEquipmentFiltersAreSaidBesideTheirFieldAndTransfersAndReportsComeBackToTheList() {
    var admin = operatorAdmin();
    var dealer = active(admin, "Lists Seller " + world.suffix(), RegistrantCategory.DEALER);
    String dealerUser = world.user("seller", dealer.agencyCode(), Role.REGISTRANT);
    var mine = world.as(dealerUser, Channel.PAGE);
    String press = machine(mine, "LB" + world.suffix() + "-1", EquipmentKind.TABLETING_ROTARY);
    machine(mine, "LB" + world.suffix() + "-2", EquipmentKind.TABLETING_ROTARY);

    assertThat(equipment("?type=BOGUS", dealerUser))
        .contains("id=\"type-error\"")
        .contains("id=\"list-total\">2<");
    assertThat(equipment("?status=gone", dealerUser))
        .contains("id=\"status-error\"")
        .contains("id=\"list-total\">2<");
    assertThat(equipment("?q=%25%25", dealerUser))
        .contains("id=\"q-error\"")
        .contains("id=\"list-total\">2<");
    assertThat(equipment("?page=x", dealerUser))
        .contains("id=\"page-error\"")
        .contains("id=\"list-total\">2<");

    var refused =
        mvc.post()
            .uri("/registry/equipment/transfer?q=LB" + world.suffix() + "-1&type=TABLETING_ROTARY")
            .session(withPurpose())
            .param("machineId", press)
            .param("buyerRegistration", "PPR-NOBODY")
            .param("checkedAt", "2026-03-04T10:00")
            .param("shippedOn", "2026-03-04")
            .with(user(dealerUser))
            .with(csrf())
            .exchange();
    assertThat(refused).hasStatusOk();
    assertThat(body(refused))
        .as("the refused transfer shows the same filtered list and keeps the filter in its form")
        .contains("id=\"list-total\">1<")
        .contains("value=\"LB" + world.suffix() + "-1\"")
        .contains(
            "/registry/equipment/transfer?type=TABLETING_ROTARY&amp;q=LB" + world.suffix() + "-1");

    var reported =
        mvc.post()
            .uri("/registry/equipment/loss-report?q=LB" + world.suffix() + "&page=0")
            .session(withPurpose())
            .param("machineId", press)
            .param("kind", "STOLEN")
            .param("occurredOn", LocalDate.now(ZoneOffset.UTC).toString())
            .with(user(dealerUser))
            .with(csrf())
            .exchange();
    assertThat(reported)
        .hasStatus3xxRedirection()
        .hasRedirectedUrl("/registry/equipment?q=LB" + world.suffix() + "&page=0");
    assertThat(equipment("?status=STOLEN", dealerUser)).contains("id=\"list-total\">1<");
  }

  // ---- the dashboard chart -------------------------------------------------------------------

  @Test
  void theDosesChartStateComesFromTheUrlAndBadChoicesAreSaidBesideTheControls() {
    String analyst = world.user("ana", agency, Role.ANALYST);
    String plain = dashboard("", analyst);
    assertThat(plain)
        .as("the best available estimate by default")
        .containsPattern("id=\"series-best\"[^>]*checked")
        .doesNotContainPattern("id=\"series-LAB_PURITY\"[^>]*checked")
        .doesNotContainPattern("id=\"scale-log\"[^>]*checked")
        .contains("id=\"doses-table\"");
    assertThat(dashboard("?series=LAB_PURITY&series=best&scale=log", analyst))
        .containsPattern("id=\"series-LAB_PURITY\"[^>]*checked")
        .containsPattern("id=\"scale-log\"[^>]*checked");
    assertThat(dashboard("?series=", analyst))
        .as("an empty series= shows none")
        .doesNotContainPattern("id=\"series-best\"[^>]*checked");
    assertThat(dashboard("?series=BOGUS&scale=sideways", analyst))
        .contains("id=\"series-error\"")
        .contains("series &#39;BOGUS&#39; is not one of")
        .contains("id=\"scale-error\"")
        .contains("id=\"doses-table\"");
  }

  private String dashboard(String query, String username) {
    var result =
        mvc.get()
            .uri("/seizures/dashboard" + query)
            .session(withPurpose())
            .with(user(username))
            .exchange();
    assertThat(result).as(query).hasStatusOk();
    return body(result);
  }

  // ---- fixtures ------------------------------------------------------------------------------

  private String page(String uri, String username) {
    var result = mvc.get().uri(uri).with(user(username)).exchange();
    assertThat(result).as(uri).hasStatusOk();
    return body(result);
  }

  private String equipment(String query, String username) {
    var result =
        mvc.get()
            .uri("/registry/equipment" + query)
            .session(withPurpose())
            .with(user(username))
            .exchange();
    assertThat(result).as(query).hasStatusOk();
    return body(result);
  }

  private static String body(org.springframework.test.web.servlet.assertj.MvcTestResult result) {
    try {
      return result.getResponse().getContentAsString();
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private MockHttpSession withPurpose() {
    var session = new MockHttpSession();
    session.setAttribute(Purpose.SESSION_ATTRIBUTE, "Own records " + world.suffix());
    return session;
  }

  private String report(AccessContext context, String title) {
    return reports
        .create(
            context,
            new IntelReportDraft(
                title + " " + world.suffix(), "summary", Marking.of(agency, Tlp.AMBER)))
        .id();
  }

  /**
   * Inserts {@code count} releases of intelligence reports directly; returns the last record id.
   */
  private String seedReleases(
      String owner, String requester, String status, int count, String label) {
    return seedReleases("intel-report", owner, requester, status, count, label);
  }

  /** Inserts {@code count} releases of {@code kind} directly; returns the record id of the last. */
  private String seedReleases(
      String kind, String owner, String requester, String status, int count, String label) {
    String recordId = null;
    for (int i = 0; i < count; i++) {
      recordId = label + "-" + world.suffix() + "-" + i;
      jdbc.sql(
              """
              INSERT INTO record_release (id, kind, record_id, owner_agency, target_agency,
                                          justification, status, requested_by, requested_at)
              VALUES (:id, :kind, :record, :owner, :target, 'seeded', :status,
                      :requester, :at)
              """)
          .param("id", UUID.randomUUID().toString())
          .param("kind", kind)
          .param("record", recordId)
          .param("owner", owner)
          .param("target", partner)
          .param("status", status)
          .param("requester", requester)
          .param("at", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(count - i))
          .update();
    }
    return recordId;
  }

  private AccessContext operatorAdmin() {
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    return world.as(
        world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.PAGE);
  }

  private RegistrantView active(AccessContext admin, String name, RegistrantCategory category) {
    var registrant =
        registry.register(
            admin, new NewRegistrant(name, null, category, null, "1 Way", null, null));
    return registry.activate(admin, registrant.id(), "inspected");
  }

  private String machine(AccessContext holder, String serial, EquipmentKind kind) {
    return registry
        .registerMachine(
            holder,
            new NewMachine(
                serial,
                false,
                "Acme",
                "RT-9",
                kind,
                null,
                "Bay 1",
                EquipmentOrigin.DECLARED,
                null,
                null,
                null))
        .id();
  }
}
