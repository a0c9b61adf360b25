package org.presstrace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Marking;
import org.presstrace.access.Purpose;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.casework.SubjectDraft;
import org.presstrace.casework.Subjects;
import org.presstrace.registry.ComplianceQueue;
import org.presstrace.registry.EquipmentKind;
import org.presstrace.registry.EquipmentOrigin;
import org.presstrace.registry.NewMachine;
import org.presstrace.registry.NewRegistrant;
import org.presstrace.registry.RegistrantCategory;
import org.presstrace.registry.RegistrantView;
import org.presstrace.registry.Registry;
import org.presstrace.registry.Transfer;
import org.presstrace.resolution.Schema;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * People read names, not ids and codes: the main pages of a seeded world show registrants by name,
 * custody events, kinds and statuses in plain words, and times to the minute in the reader's zone;
 * a name the reader may not read is a neutral phrase; the API and the CSV exports keep the codes.
 */
@PressTraceIntegrationTest
class PlainWordsPagesIntegrationTests {

  static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /** A constant with an underscore (TABLETING_ROTARY, LATE_REPORT), or a custody event type. */
  static final Pattern CODE =
      Pattern.compile(
          "\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b|\\b(?:Machine|Serial)[A-Z][a-z]+[A-Za-z]*\\b");

  /** A moment as Instant.toString() writes it, or any time with seconds and a fraction. */
  static final Pattern RAW_TIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}|\\d{2}:\\d{2}:\\d{2}\\.\\d+");

  static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm z", Locale.ENGLISH);

  @Autowired MockMvcTester mvc;
  @Autowired Directory directory;
  @Autowired Registry registry;
  @Autowired ComplianceQueue queue;
  @Autowired Subjects subjects;
  @Autowired JdbcClient jdbc;
  @Autowired org.presstrace.access.Releases releases;
  @Autowired tools.jackson.databind.json.JsonMapper json;

  World world;
  AccessContext admin;
  String adminUser;
  RegistrantView dealer;
  RegistrantView buyer;
  String dealerUser;
  String investigator;
  String dea;
  String serial;
  String machine;

  @BeforeEach
  void setUp() {
    world = new World(directory);
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    adminUser = world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR);
    admin = world.as(adminUser, Channel.PAGE);
    dealer = active("Plain Dealer " + world.suffix(), RegistrantCategory.DEALER);
    buyer = active("Plain Buyer " + world.suffix(), RegistrantCategory.OWNER);
    dealerUser = world.user("dealer", dealer.agencyCode(), Role.REGISTRANT);
    dea = world.agency("DEA", AgencyKind.FEDERAL, "USA");
    investigator = world.user("investigator", dea, Role.INVESTIGATOR);
    directory.setTimeZone(world.as(investigator, Channel.PAGE), investigator, "Asia/Tokyo");
    serial = "PW-" + world.suffix();
    machine = register(serial, EquipmentKind.TABLETING_ROTARY, null);
    registry.transfer(
        world.as(dealerUser, Channel.PAGE),
        machine,
        new Transfer(
            buyer.registrationNumber(),
            Instant.now().minusSeconds(60),
            LocalDate.now(ZoneOffset.UTC).minusDays(40)));
  }

  RegistrantView active(String name, RegistrantCategory category) {
    var registrant =
        registry.register(
            admin, new NewRegistrant(name, null, category, null, "1 Way", null, null));
    return registry.activate(admin, registrant.id(), "inspected");
  }

  String register(String serial, EquipmentKind kind, String imprint) {
    return registry
        .registerMachine(
            world.as(dealerUser, Channel.PAGE),
            new NewMachine(
                serial,
                false,
                "Acme",
                "RT-9",
                kind,
                imprint,
                "Bay 1",
                EquipmentOrigin.DECLARED,
                null,
                null,
                null))
        .id();
  }

  static MockHttpSession withPurpose() {
    var session = new MockHttpSession();
    session.setAttribute(Purpose.SESSION_ATTRIBUTE, "Case 2026-PW-1");
    return session;
  }

  String page(String uri, String username) {
    Role[] roles = directory.caller(username).orElseThrow().roles().toArray(Role[]::new);
    var result =
        mvc.get()
            .uri(uri)
            .with(
                user(username)
                    .roles(java.util.Arrays.stream(roles).map(Role::name).toArray(String[]::new)))
            .session(withPurpose())
            .exchange();
    assertThat(result.getResponse().getStatus()).as(uri).isEqualTo(200);
    try {
      return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What a reader reads: the text of the page without its markup (ids in links and forms). */
  static String text(String html) {
    return html.replaceAll("(?s)<script.*?</script>", " ")
        .replaceAll("(?s)<datalist.*?</datalist>", " ")
        .replaceAll("(?s)<[^>]+>", " ")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
        .replaceAll("\\s+", " ");
  }

  static void readsAsPlainWords(String text) {
    assertThat(UUID.matcher(text).results().map(m -> m.group()).toList()).as("ids").isEmpty();
    assertThat(CODE.matcher(text).results().map(m -> m.group()).toList()).as("codes").isEmpty();
    assertThat(RAW_TIME.matcher(text).results().map(m -> m.group()).toList())
        .as("raw times")
        .isEmpty();
  }

  @Test
  void theChainOfCustodyNamesRegistrantsAndSaysWhatHappened() {
    String text = text(page("/registry/trace?q=" + serial, investigator));
    readsAsPlainWords(text);
    assertThat(text)
        .contains("Transferred")
        .contains(dealer.label())
        .contains(buyer.label())
        .contains("Rotary tablet press")
        .contains("Exact serial")
        .doesNotContain("TABLETING_ROTARY")
        .doesNotContain("HELD")
        .doesNotContain("EXACT");
  }

  @Test
  void theRegistrantsEquipmentPageUsesLabels() {
    register("PWK-" + world.suffix(), EquipmentKind.TABLETING_ROTARY, null);
    String text = text(page("/registry/equipment", dealerUser));
    assertThat(text).contains("Rotary tablet press").contains("Common carrier").contains("Dealer");
    assertThat(text).doesNotContain("TABLETING_ROTARY").doesNotContain("COMMON_CARRIER");
  }

  @Test
  void theComplianceQueueNamesWhatItsItemsAreAboutInTheReadersZone() {
    String mould = register("PWM-" + world.suffix(), EquipmentKind.MOULD, "M 30");
    String hiddenSerial = "PWH-" + world.suffix();
    String hidden = register(hiddenSerial, EquipmentKind.MOULD, "M 30");
    // Marked TLP:RED for the dealer's own agency: no other agency may read it.
    jdbc.sql("UPDATE machine SET tlp = 'RED' WHERE id = :id").param("id", hidden).update();
    queue.sweep(world.as(world.user("supervisor", dea, Role.SUPERVISOR), Channel.PAGE));

    String late = section(itemOn("custody-event:%", machine));
    readsAsPlainWords(late);
    assertThat(late)
        .contains("Late report")
        .contains(dealer.label())
        .contains("Acme RT-9, serial " + serial)
        .contains("the transfer")
        .contains(raisedIn(itemOn("custody-event:%", machine), "Asia/Tokyo"))
        .contains("JST");

    String counterfeit = section(itemOn("counterfeit-imprint:%", mould));
    readsAsPlainWords(counterfeit);
    assertThat(counterfeit).contains("Acme RT-9, serial PWM-").contains("a dealer");

    String outside = section(itemOn("counterfeit-imprint:%", hidden));
    readsAsPlainWords(outside);
    assertThat(outside).contains("equipment outside your access").doesNotContain(hiddenSerial);
  }

  @Test
  void redFlagExplanationsNameThePartiesWithoutTheirIds() {
    String email = "orders" + world.suffix().toLowerCase(Locale.ROOT) + "@chem-sales.cn";
    var author = world.as(world.user("author", dea, Role.INVESTIGATOR), Channel.API);
    for (String name : List.of("Li Na", "Zhou Min")) {
      subjects.submit(
          author,
          new SubjectDraft(
              Schema.PERSON,
              Map.of("name", List.of(name), "email", List.of(email)),
              "DEA-PW-1",
              "Desk",
              null,
              null,
              Marking.of(dea, Tlp.AMBER)));
    }
    String analyst = world.user("analyst", dea, Role.ANALYST);
    mvc.post()
        .uri("/resolution/red-flags/run")
        .with(user(analyst))
        .with(csrf())
        .session(withPurpose())
        .exchange();
    String html = page("/resolution/red-flags?status=all&size=200", analyst);
    String row = html.substring(html.indexOf(email));
    row = text(row.substring(0, row.indexOf("</tr>")));
    readsAsPlainWords(row);
    assertThat(row).contains("Li Na (person)").contains("Zhou Min (person)");
    assertThat(text(html)).contains("Shared contact details").doesNotContain("SHARED_CONTACT");

    String api =
        body(
            mvc.get()
                .uri("/api/v1/resolution/red-flags?status=open&rule=shared-contact&size=200")
                .with(httpBasic(analyst, World.PASSWORD))
                .header("PressTrace-Purpose", "Case 2026-PW-1")
                .exchange());
    assertThat(api).contains("\"SHARED_CONTACT\"").contains("\"OPEN\"");
    assertThat(UUID.matcher(api.substring(api.indexOf(email))).find())
        .as("the API's explanation keeps the ids")
        .isTrue();
  }

  @Test
  void theHeaderAndTheUsersPageShowRolesByName() {
    String html = page("/admin/users?agency=" + dea, adminUser);
    String text = text(html);
    assertThat(text)
        .containsPattern("Signed in as " + Pattern.quote(adminUser) + " \\( Administrator \\)")
        .contains("Investigator")
        .doesNotContain("[INVESTIGATOR]")
        .doesNotContain("[]")
        .doesNotContain("ADMINISTRATOR");
    assertThat(text).contains("Asia/Tokyo");
  }

  @Test
  void aUserChoosesTheirZoneAndABadOneIsShownBesideTheFieldAndChangesNothing() {
    String analyst = world.user("zoned", dea, Role.ANALYST);
    assertThat(text(page("/", analyst))).contains("Times in America/New_York");
    assertThat(
            mvc.post()
                .uri("/account/time-zone")
                .with(user(analyst))
                .with(csrf())
                .param("timeZone", "Europe/Madrid"))
        .hasStatus(HttpStatus.FOUND);
    assertThat(text(page("/", analyst))).contains("Times in Europe/Madrid");

    for (String bad : List.of("Mars/Olympus", "+05:00", "x".repeat(300), "../../etc")) {
      assertThat(
              mvc.post()
                  .uri("/account/time-zone")
                  .with(user(analyst))
                  .with(csrf())
                  .param("timeZone", bad))
          .hasStatusOk()
          .bodyText()
          .contains("id=\"timeZone-error\"")
          .contains("is not a time zone");
    }
    assertThat(directory.timeZone(analyst)).contains(ZoneId.of("Europe/Madrid"));

    // Another user's zone is an administrator's to set, and only for the agencies they administer.
    assertThat(
            mvc.post()
                .uri("/admin/users/" + analyst + "/time-zone")
                .with(user(investigator))
                .with(csrf())
                .param("timeZone", "UTC"))
        .hasStatus(HttpStatus.FORBIDDEN);
    String otherAdmin =
        world.user(
            "otheradmin", world.agency("CBP", AgencyKind.FEDERAL, "USA"), Role.ADMINISTRATOR);
    assertThat(
            mvc.post()
                .uri("/admin/users/" + analyst + "/time-zone")
                .with(user(otherAdmin))
                .with(csrf())
                .param("timeZone", "UTC"))
        .hasStatus(HttpStatus.FORBIDDEN);
    assertThat(directory.timeZone(analyst)).contains(ZoneId.of("Europe/Madrid"));
    assertThat(
            mvc.post()
                .uri("/admin/users/" + analyst + "/time-zone")
                .with(user(adminUser))
                .with(csrf())
                .param("timeZone", ""))
        .hasStatus(HttpStatus.FOUND);
    assertThat(directory.timeZone(analyst)).isEmpty();
  }

  @Test
  void aReaderWhoMayNotReadTheRegistryOfRegistrantsGetsANeutralPhrase() {
    String liaison =
        world.user(
            "liaison",
            world.agency("PWL", AgencyKind.FOREIGN_PARTNER, "MEX"),
            Role.FOREIGN_LIAISON);
    String auditor = world.user("auditor", directory.operatorAgency(), Role.AUDITOR);
    for (String reader : List.of(liaison, auditor)) {
      assertThat(
              registry.registrantNames(
                  directory.caller(reader).orElseThrow(), List.of(dealer.id(), buyer.id())))
          .as(reader)
          .containsEntry(dealer.id(), Registry.REGISTRANT_OUTSIDE_ACCESS)
          .containsEntry(buyer.id(), Registry.REGISTRANT_OUTSIDE_ACCESS);
    }
    assertThat(
            registry.registrantNames(
                directory.caller(investigator).orElseThrow(), List.of(dealer.id(), "no-such-id")))
        .containsEntry(dealer.id(), dealer.label())
        .containsEntry("no-such-id", Registry.REGISTRANT_OUTSIDE_ACCESS);
  }

  @Test
  void aForeignLiaisonReadingAReleasedSeizureIsNotToldWhoHeldThePress() throws Exception {
    String when =
        java.time.LocalDateTime.now(ZoneId.of("America/New_York"))
            .minusDays(1)
            .truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
            .toString();
    String seized =
        body(
            mvc.post()
                .uri("/api/v1/seizures")
                .with(httpBasic(investigator, World.PASSWORD))
                .header("PressTrace-Purpose", "Case 2026-PW-1")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"occurredAt": "%s", "zone": "America/New_York", "context": "INTERIOR",
                     "region": "NJ", "place": "Warehouse", "marking": {"tlp": "GREEN"},
                     "items": [{"substance": "fentanyl", "form": "pills", "netWeight": "1.1",
                                "netUnit": "kg", "pillCount": "10000", "mgPerPill": "2.4"}],
                     "equipment": [{"serial": "%s", "kind": "press"}], "parties": []}
                    """
                        .formatted(when, serial))
                .exchange(),
            201);
    String id = json.readTree(seized).get("seizure").get("id").asString();
    String partner = world.agency("PWL", AgencyKind.FOREIGN_PARTNER, "MEX");
    String liaison = world.user("liaison", partner, Role.FOREIGN_LIAISON);
    var release =
        releases.request(world.as(investigator, Channel.API), "seizure", id, partner, "joint case");
    releases.approve(
        world.as(world.user("approver", dea, Role.SUPERVISOR), Channel.API),
        release.id(),
        "joint case agreed");

    String theirs = text(page("/seizures/" + id, liaison));
    assertThat(theirs)
        .contains(serial)
        .contains("last lawful holder " + Registry.REGISTRANT_OUTSIDE_ACCESS)
        .doesNotContain(buyer.legalName())
        .doesNotContain(buyer.registrationNumber());
    assertThat(text(page("/seizures/" + id, investigator)))
        .contains("last lawful holder " + buyer.label());
  }

  @Test
  void theApiAndTheCsvExportKeepTheCodes() {
    String api =
        body(
            mvc.get()
                .uri("/api/v1/registry/trace?serial=" + serial)
                .with(httpBasic(investigator, World.PASSWORD))
                .header("PressTrace-Purpose", "Case 2026-PW-1")
                .exchange());
    assertThat(api)
        .contains("\"MachineTransferred\"")
        .contains("\"TABLETING_ROTARY\"")
        .contains("\"HELD\"")
        .contains("\"EXACT\"")
        .contains(buyer.id());

    String csv =
        body(
            mvc.get()
                .uri("/api/v1/audit/export?username=" + investigator)
                .with(
                    httpBasic(
                        world.user("csvauditor", directory.operatorAgency(), Role.AUDITOR),
                        World.PASSWORD))
                .header("PressTrace-Purpose", "Case 2026-PW-1")
                .exchange());
    assertThat(RAW_TIME.matcher(csv).find()).as("ISO times in the CSV").isTrue();
    assertThat(csv).containsAnyOf(",API,", ",PAGE,");
  }

  private String body(org.springframework.test.web.servlet.assertj.MvcTestResult result) {
    return body(result, 200);
  }

  private String body(
      org.springframework.test.web.servlet.assertj.MvcTestResult result, int status) {
    assertThat(result.getResponse().getStatus())
        .as(result.getRequest().getRequestURI() + " " + contentOf(result))
        .isEqualTo(status);
    try {
      return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String contentOf(
      org.springframework.test.web.servlet.assertj.MvcTestResult result) {
    try {
      return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String itemOn(String subject, String machineId) {
    return jdbc.sql(
            "SELECT id FROM compliance_item WHERE machine_id = :m AND subject LIKE :s"
                + " ORDER BY created_at LIMIT 1")
        .param("m", machineId)
        .param("s", subject)
        .query(String.class)
        .single();
  }

  private String raisedIn(String item, String zone) {
    Instant created =
        jdbc.sql("SELECT created_at FROM compliance_item WHERE id = :id")
            .param("id", item)
            .query(java.time.OffsetDateTime.class)
            .single()
            .toInstant();
    return MINUTE.format(created.atZone(ZoneId.of(zone)));
  }

  /** The text of the queue's section of {@code item}, on whichever page of the queue it is. */
  private String section(String item) {
    for (int page = 0; page < 50; page++) {
      String html = page("/registry/compliance?page=" + page, investigator);
      int at = html.indexOf("aria-labelledby=\"item-" + item + "\"");
      if (at >= 0) {
        String rest = html.substring(at);
        return text(rest.substring(rest.indexOf('>') + 1, rest.indexOf("<form")));
      }
      if (!html.contains("<section class=\"card\"")) {
        break;
      }
    }
    throw new AssertionError("item " + item + " is on no page of the queue");
  }
}
