package org.presstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
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
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports as background jobs through the page and the API: the upload redirects to the job, which
 * shows its progress and then the result; one job per user, a bounded queue (one worker and one
 * queued job here), and a job seen only by its owner. A {@link Gate} holds an import at a chosen
 * custody event, so that a job in flight is observed without relying on timing.
 */
@PressTraceIntegrationTest
@TestPropertySource(
    properties = {
      "presstrace.registry.import-jobs.threads=1",
      "presstrace.registry.import-jobs.queue=1"
    })
class RegistryImportJobsIntegrationTests {

  static final String JOB_PAGE = "/registry/imports/[0-9a-f-]{36}";

  /** How long a job may take on a busy machine before the test gives up on it. */
  static final long PATIENCE = TimeUnit.MINUTES.toNanos(3);

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired Registry registry;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired Gate gate;

  World world;
  String adminUser;
  RegistrantView dealer;
  RegistrantView buyer;
  String dealerUser;
  String colleague;
  String buyerUser;
  String investigator;
  ImportRows rows;

  @BeforeEach
  void setUp() {
    world = new World(directory);
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    adminUser = world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR);
    AccessContext admin = world.as(adminUser, Channel.API);
    dealer = active(admin, "Job Dealers " + world.suffix(), RegistrantCategory.DEALER);
    buyer = active(admin, "Job Owner " + world.suffix(), RegistrantCategory.OWNER);
    dealerUser = world.user("dealer", dealer.agencyCode(), Role.REGISTRANT);
    colleague = world.user("colleague", dealer.agencyCode(), Role.REGISTRANT);
    buyerUser = world.user("buyer", buyer.agencyCode(), Role.REGISTRANT);
    investigator =
        world.user("inv", world.agency("DEA", AgencyKind.FEDERAL, "USA"), Role.INVESTIGATOR);
    String make = "Job" + world.suffix().replaceAll("[^A-Za-z0-9]", "");
    rows = new ImportRows(dealer, make, LocalDate.now(ZoneOffset.UTC).minusDays(2));
  }

  @AfterEach
  void openTheGate() {
    gate.release.countDown();
  }

  RegistrantView active(AccessContext admin, String name, RegistrantCategory category) {
    var registrant =
        registry.register(
            admin, new NewRegistrant(name, null, category, null, "1 Press Way", null, "USA"));
    return registry.activate(admin, registrant.id(), "inspection passed");
  }

  String good(String prefix, int count) {
    var csv = new StringBuilder(ImportRows.HEADER);
    for (int i = 0; i < count; i++) {
      csv.append(rows.inventory(prefix + "-" + i, "DIE", "", "", "Bay 1"));
    }
    return csv.toString();
  }

  MvcResult upload(String username, String fileName, byte[] content) throws Exception {
    return mvc.perform(
            multipart("/registry/imports")
                .file(new MockMultipartFile("file", fileName, "text/csv", content))
                .with(user(username))
                .with(csrf()))
        .andReturn();
  }

  /** Uploads through the page and returns the job page it redirects to. */
  String started(String username, String fileName, String csv) throws Exception {
    MvcResult result = upload(username, fileName, csv.getBytes(StandardCharsets.UTF_8));
    assertThat(result.getResponse().getStatus())
        .as(result.getResponse().getContentAsString())
        .isEqualTo(302);
    String location = result.getResponse().getRedirectedUrl();
    assertThat(location).matches(JOB_PAGE);
    return location;
  }

  MvcResult page(String username, String path) throws Exception {
    return mvc.perform(get(path).with(user(username))).andReturn();
  }

  /** Follows the job page as a browser without JavaScript would, until the job has ended. */
  String ended(String username, String path) throws Exception {
    for (long until = System.nanoTime() + PATIENCE; System.nanoTime() < until; ) {
      MvcResult result = page(username, path);
      assertThat(result.getResponse().getStatus()).isEqualTo(200);
      String html = result.getResponse().getContentAsString();
      if (!html.contains("id=\"import-progress\"")) {
        assertThat(html).doesNotContain("http-equiv=\"refresh\"").doesNotContain("hx-trigger");
        return html;
      }
      assertThat(html).contains("<meta http-equiv=\"refresh\" content=\"2\">");
      Thread.sleep(50);
    }
    throw new AssertionError(path + " did not end within three minutes");
  }

  /** Polls the API's job resource until the job has ended. */
  JsonNode endedJob(String username, String location) throws Exception {
    for (long until = System.nanoTime() + PATIENCE; System.nanoTime() < until; ) {
      JsonNode job =
          body(mvc.perform(get(location).with(httpBasic(username, World.PASSWORD))), 200);
      if (!job.get("state").asString().matches("QUEUED|RUNNING")) {
        return job;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(location + " did not end within three minutes");
  }

  JsonNode body(org.springframework.test.web.servlet.ResultActions actions, int status)
      throws Exception {
    var response = actions.andReturn().getResponse();
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
    return json.readTree(response.getContentAsString());
  }

  MvcResult postAsync(String username, String query, byte[] csv) throws Exception {
    return mvc.perform(
            post("/api/v1/registry/imports?async=true" + query)
                .with(httpBasic(username, World.PASSWORD))
                .contentType("text/csv")
                .content(csv))
        .andReturn();
  }

  long machinesOfMake() {
    return jdbc.sql("SELECT COUNT(*) FROM machine WHERE make = :make")
        .param("make", rows.make())
        .query(Long.class)
        .single();
  }

  @Test
  void aGoodFileEndsInTheSummaryAndIsAuditedAsItsUploader() throws Exception {
    MvcResult upload =
        upload(dealerUser, "good.csv", good("OK", 3).getBytes(StandardCharsets.UTF_8));
    assertThat(upload.getResponse().getRedirectedUrl()).matches(JOB_PAGE);
    String requestId = upload.getResponse().getHeader("X-Request-Id");
    assertThat(requestId).isNotBlank();

    String done = ended(dealerUser, upload.getResponse().getRedirectedUrl());

    assertThat(done).contains("Imported").contains("good.csv").contains("aria-live=\"polite\"");
    assertThat(done).containsPattern("<span>3</span> rows, <span>3</span> inventory");
    assertThat(done).as("the upload form follows the result").contains("id=\"file\"");
    assertThat(machinesOfMake()).isEqualTo(3);
    Map<String, Object> audited =
        jdbc.sql(
                "SELECT agency_code, channel, request_id, outcome FROM audit_event"
                    + " WHERE action = 'IMPORT' AND username = :u")
            .param("u", dealerUser)
            .query()
            .singleRow();
    assertThat(audited)
        .containsEntry("agency_code", dealer.agencyCode())
        .containsEntry("channel", "PAGE")
        .containsEntry("request_id", requestId)
        .containsEntry("outcome", "WRITTEN");
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_event WHERE action = 'CUSTODY' AND username = :u"
                        + " AND agency_code = :a AND request_id = :r")
                .param("u", dealerUser)
                .param("a", dealer.agencyCode())
                .param("r", requestId)
                .query(Long.class)
                .single())
        .isEqualTo(3);

    String list = page(dealerUser, "/registry/imports").getResponse().getContentAsString();
    assertThat(list).contains("Your recent imports").contains("good.csv").contains("stored");
  }

  @Test
  void aFileWithGoodAndBadRowsEndsInEveryProblemAndStoresNothing() throws Exception {
    String csv =
        ImportRows.HEADER
            + rows.inventory("MIX-1", "TABLETING_ROTARY", "POWERED", "1000", "Bay 1")
            + rows.inventory("MIX-2", "PRESS", "", "", "Bay 1")
            + rows.transfer("NOWHERE-1", buyer.registrationNumber());

    String done = ended(dealerUser, started(dealerUser, "mixed.csv", csv));

    assertThat(done).contains("Nothing was stored").contains("mixed.csv").contains("PRESS");
    assertThat(done).containsPattern("<td>3</td>\\s*<td>kind</td>");
    assertThat(done).containsPattern("<td>4</td>\\s*<td>serial</td>");
    assertThat(machinesOfMake()).isZero();
    assertThat(
            jdbc.sql("SELECT outcome FROM audit_event WHERE action = 'IMPORT' AND username = :u")
                .param("u", dealerUser)
                .query(String.class)
                .single())
        .isEqualTo("REFUSED");
  }

  @Test
  void noFileAnEmptyFileOrANonCsvFileIsNamedBesideTheFieldAndStartsNothing() throws Exception {
    String missing =
        mvc.perform(multipart("/registry/imports").with(user(dealerUser)).with(csrf()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(missing).containsPattern("id=\"file-error\"><span>Choose a CSV file to import.");

    record Case(String name, byte[] content, String message) {}
    for (Case bad :
        new Case[] {
          new Case("empty.csv", new byte[0], "The file is empty"),
          new Case("blank.csv", "\n \n".getBytes(StandardCharsets.UTF_8), "The file is empty"),
          new Case(
              "stock.xlsx",
              new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0},
              "This is not a CSV file (it looks like a ZIP archive or an Excel"),
          new Case(
              "scan.pdf",
              "%PDF-1.7\n%\u00e2\u00e3".getBytes(StandardCharsets.ISO_8859_1),
              "This is not a CSV file (it looks like a PDF document)")
        }) {
      MvcResult result = upload(dealerUser, bad.name(), bad.content());
      assertThat(result.getResponse().getStatus()).as(bad.name()).isEqualTo(200);
      String html = result.getResponse().getContentAsString();
      assertThat(html)
          .as(bad.name())
          .contains("form-group--error")
          .containsPattern(
              "id=\"file-error\"><span>" + java.util.regex.Pattern.quote(bad.message()))
          .contains("aria-describedby=\"file-error\"");
    }
    assertThat(page(dealerUser, "/registry/imports").getResponse().getContentAsString())
        .as("no job was started")
        .doesNotContain("Your recent imports");
    assertThat(page(investigator, "/registry/imports").getResponse().getStatus()).isEqualTo(403);
  }

  @Test
  void aJobInFlightShowsItsProgressAndHoldsOffASecondUploadAndAFullQueue() throws Exception {
    gate.hold(dealer.id(), 1100);
    String running = started(dealerUser, "big.csv", good("BIG", 1200));
    assertThat(gate.reached.await(120, TimeUnit.SECONDS))
        .as("the import reached row 1,100")
        .isTrue();
    String id = running.substring(running.lastIndexOf('/') + 1);
    assertThat(java.util.UUID.fromString(id).version()).as("a random job id").isEqualTo(4);
    Map<String, Object> stored =
        jdbc.sql(
                "SELECT state, phase, done, total, content, username FROM registry_import_job"
                    + " WHERE id = ?")
            .param(id)
            .query()
            .singleRow();
    assertThat(stored)
        .as("the job, its progress and its file are in the database, for any node")
        .containsEntry("state", "RUNNING")
        .containsEntry("phase", "STORING")
        .containsEntry("done", 1000L)
        .containsEntry("total", 1200L)
        .containsEntry("username", dealerUser);
    assertThat((byte[]) stored.get("content")).hasSizeGreaterThan(1200 * 20);

    String html = page(dealerUser, running).getResponse().getContentAsString();
    assertThat(html)
        .contains("Storing: 1,000 of 1,200 rows")
        .containsPattern("<label for=\"import-progress\">Rows stored</label>")
        .containsPattern("<progress id=\"import-progress\" max=\"1200\"\\s+value=\"1000\">")
        .contains("aria-live=\"polite\"")
        .contains("hx-trigger=\"every 2s\"")
        .contains("<noscript><meta http-equiv=\"refresh\" content=\"2\"></noscript>")
        .doesNotContain("id=\"file\"");
    MvcResult poll =
        mvc.perform(get(running).header("HX-Request", "true").with(user(dealerUser))).andReturn();
    assertThat(poll.getResponse().getStatus()).isEqualTo(200);
    assertThat(poll.getResponse().getContentAsString())
        .contains("Storing: 1,000 of 1,200 rows")
        .doesNotContain("<html")
        .doesNotContain("id=\"import-job\"");
    JsonNode viaApi =
        body(
            mvc.perform(
                get("/api/v1/registry/imports/jobs/" + id)
                    .with(httpBasic(dealerUser, World.PASSWORD))),
            200);
    assertThat(viaApi.get("state").asString()).isEqualTo("RUNNING");
    assertThat(viaApi.get("phase").asString()).isEqualTo("STORING");
    assertThat(viaApi.get("done").asLong()).isEqualTo(1000);
    assertThat(viaApi.get("total").asLong()).isEqualTo(1200);
    assertThat(viaApi.get("result").isNull()).isTrue();

    String again =
        upload(dealerUser, "again.csv", good("AGAIN", 1).getBytes(StandardCharsets.UTF_8))
            .getResponse()
            .getContentAsString();
    assertThat(again)
        .contains("Your import of big.csv is still running")
        .contains("href=\"" + running + "\"");
    JsonNode conflict =
        body(
            mvc.perform(
                post("/api/v1/registry/imports?async=true")
                    .with(httpBasic(dealerUser, World.PASSWORD))
                    .contentType("text/csv")
                    .content(good("AGAIN", 1))),
            409);
    assertThat(conflict.get("detail").asString()).contains("still running");

    for (String other : new String[] {colleague, buyerUser}) {
      assertThat(page(other, running).getResponse().getStatus()).as(other).isEqualTo(404);
      body(
          mvc.perform(
              get("/api/v1/registry/imports/jobs/" + id).with(httpBasic(other, World.PASSWORD))),
          404);
    }

    var adminRows = new ImportRows(buyer, rows.make(), rows.day());
    String queued =
        started(
            adminUser,
            "queued.csv",
            ImportRows.HEADER + adminRows.inventory("QUEUED-1", "DIE", "", "", "Bay 9"));
    assertThat(page(adminUser, queued).getResponse().getContentAsString())
        .contains("Waiting for a free worker");

    String busy =
        upload(buyerUser, "busy.csv", good("BUSY", 1).getBytes(StandardCharsets.UTF_8))
            .getResponse()
            .getContentAsString();
    assertThat(busy).containsPattern("id=\"file-error\"><span>The registry is busy");
    MvcResult refused = postAsync(buyerUser, "", good("BUSY", 1).getBytes(StandardCharsets.UTF_8));
    assertThat(refused.getResponse().getStatus()).isEqualTo(503);
    assertThat(refused.getResponse().getHeader("Retry-After")).isEqualTo("60");
    assertThat(json.readTree(refused.getResponse().getContentAsString()).get("type").asString())
        .isEqualTo("urn:presstrace:problem:imports-busy");

    gate.release.countDown();
    assertThat(ended(dealerUser, running)).contains("Imported").contains("<span>1200</span> rows");
    assertThat(
            mvc.perform(get(running).header("HX-Request", "true").with(user(dealerUser)))
                .andReturn()
                .getResponse()
                .getStatus())
        .as("htmx is told to stop polling")
        .isEqualTo(286);
    assertThat(ended(adminUser, queued)).contains("Imported");
    assertThat(machinesOfMake()).isEqualTo(1201);
    assertThat(
            jdbc.sql("SELECT state FROM registry_import_job WHERE id = ? AND content IS NULL")
                .param(id)
                .query(String.class)
                .single())
        .as("an ended job keeps its outcome, not its file")
        .isEqualTo("FINISHED");
  }

  @Test
  void theApiAnswers202WithTheJobWhoseResultIsTheSynchronousAnswer() throws Exception {
    MvcResult accepted =
        postAsync(dealerUser, "&fileName=api.csv", good("API", 2).getBytes(StandardCharsets.UTF_8));
    assertThat(accepted.getResponse().getStatus()).isEqualTo(202);
    String location = accepted.getResponse().getHeader("Location");
    assertThat(location).matches("/api/v1/registry/imports/jobs/[0-9a-f-]{36}");
    JsonNode first = json.readTree(accepted.getResponse().getContentAsString());
    assertThat(location).endsWith(first.get("id").asString());
    assertThat(first.get("fileName").asString()).isEqualTo("api.csv");

    JsonNode stored = endedJob(dealerUser, location);
    assertThat(stored.get("state").asString()).isEqualTo("FINISHED");
    assertThat(stored.get("phase").asString()).isEqualTo("DONE");
    assertThat(stored.get("status").asInt()).isEqualTo(201);
    assertThat(stored.get("result").get("rows").asInt()).isEqualTo(2);
    assertThat(stored.get("result").get("stored").asBoolean()).isTrue();
    assertThat(stored.get("result").get("importId").asString()).isNotBlank();
    assertThat(machinesOfMake()).isEqualTo(2);

    String bad = ImportRows.HEADER + rows.inventory("API-BAD", "PRESS", "", "", "Bay 1");
    var file =
        new MockMultipartFile("file", "bad.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8));
    MvcResult badAccepted =
        mvc.perform(
                multipart("/api/v1/registry/imports")
                    .file(file)
                    .param("async", "true")
                    .with(httpBasic(dealerUser, World.PASSWORD)))
            .andReturn();
    assertThat(badAccepted.getResponse().getStatus()).isEqualTo(202);
    JsonNode refused = endedJob(dealerUser, badAccepted.getResponse().getHeader("Location"));
    assertThat(refused.get("status").asInt()).isEqualTo(422);
    JsonNode problem = refused.get("result");
    assertThat(problem.get("type").asString()).isEqualTo("urn:presstrace:problem:invalid-import");
    assertThat(problem.get("errors").get(0).get("row").asInt()).isEqualTo(2);
    assertThat(problem.get("errors").get(0).get("column").asString()).isEqualTo("kind");
    assertThat(problem.get("problemCount").asInt()).isEqualTo(1);
    assertThat(machinesOfMake()).isEqualTo(2);

    JsonNode dry =
        endedJob(
            dealerUser,
            postAsync(dealerUser, "&dryRun=true", good("DRY", 1).getBytes(StandardCharsets.UTF_8))
                .getResponse()
                .getHeader("Location"));
    assertThat(dry.get("status").asInt()).isEqualTo(200);
    assertThat(dry.get("dryRun").asBoolean()).isTrue();

    JsonNode empty =
        json.readTree(postAsync(dealerUser, "", new byte[0]).getResponse().getContentAsString());
    assertThat(empty.get("status").asInt()).isEqualTo(400);
    assertThat(empty.get("errors").get(0).get("field").asString()).isEqualTo("file");
    assertThat(
            postAsync(investigator, "", good("X", 1).getBytes(StandardCharsets.UTF_8))
                .getResponse()
                .getStatus())
        .isEqualTo(403);

    body(mvc.perform(get(location).with(httpBasic(colleague, World.PASSWORD))), 404);
    body(
        mvc.perform(
            get("/api/v1/registry/imports/jobs/" + java.util.UUID.randomUUID())
                .with(httpBasic(dealerUser, World.PASSWORD))),
        404);
  }

  /** Holds the import at the {@code at}-th equipment declared to {@code holder} until released. */
  static final class Gate {

    final CountDownLatch reached = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger seen = new AtomicInteger();
    private volatile String holder;
    private volatile int at;

    void hold(String holder, int at) {
      this.at = at;
      this.holder = holder;
    }

    @EventListener
    void on(MachineDeclared declared) throws InterruptedException {
      if (declared.holder().equals(holder) && seen.incrementAndGet() == at) {
        reached.countDown();
        release.await(120, TimeUnit.SECONDS);
      }
    }
  }

  @TestConfiguration
  static class Gated {

    @Bean
    Gate importGate() {
      return new Gate();
    }
  }
}
