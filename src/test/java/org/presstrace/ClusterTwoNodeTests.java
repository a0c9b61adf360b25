package org.presstrace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Marking;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.casework.PointerAlerts;
import org.presstrace.casework.StoredAlert;
import org.presstrace.casework.SubjectDraft;
import org.presstrace.casework.Subjects;
import org.presstrace.casework.internal.CaseworkState;
import org.presstrace.resolution.Judgement;
import org.presstrace.resolution.Schema;
import org.presstrace.support.TwoNodes;
import org.presstrace.support.World;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two PressTrace nodes (two application contexts on two loopback ports) on one PostgreSQL schema,
 * as behind a load balancer: a subject entered on one node is matched on the other and its pointer
 * alert raised once; a judgement made on one holds on the other; a user signed in on one node goes
 * on on the other with the same session cookie and a sign-out on one ends the session on both; a
 * sweep due every two seconds runs once per tick, not once per node.
 *
 * <p>Tagged {@code two-nodes} and run with {@code ./mvnw test -Ptwo-nodes} against the PostgreSQL
 * of {@code PRESSTRACE_TEST_PG_*} ({@code .ci/run} step 4).
 */
@Tag("two-nodes")
@EnabledIfEnvironmentVariable(named = "PRESSTRACE_TEST_PG_URL", matches = ".+")
class ClusterTwoNodeTests {

  /** The bound within which a record of one node reaches the other's index. */
  static final Duration PROPAGATION = Duration.ofSeconds(10);

  static ConfigurableApplicationContext a;
  static ConfigurableApplicationContext b;
  static int portA;
  static int portB;
  static World world;
  static String dea;
  static String cbp;
  static AccessContext deaAgent;
  static AccessContext cbpAgent;

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void twoNodes(@TempDir Path dir) throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
    String schema = TwoNodes.freshSchema();
    String sweep = "--presstrace.registry.compliance.sweep-cron=*/2 * * * * *";
    portA = TwoNodes.freePort();
    String deadlines = "--presstrace.exchange.notice-deadline-sweep=PT2S";
    a = TwoNodes.start("node-a", portA, schema, data, sweep, deadlines);
    portB = TwoNodes.freePort();
    b = TwoNodes.start("node-b", portB, schema, data, sweep, deadlines);
    world = new World(a.getBean(Directory.class));
    dea = world.agency("DEA", AgencyKind.FEDERAL, "USA");
    cbp = world.agency("CBP", AgencyKind.FEDERAL, "USA");
    deaAgent = world.as(world.user("dea-agent", dea, Role.INVESTIGATOR), Channel.API);
    cbpAgent = world.as(world.user("cbp-agent", cbp, Role.INVESTIGATOR), Channel.API);
  }

  @AfterAll
  static void stop() {
    if (b != null) {
      b.close();
    }
    if (a != null) {
      a.close();
    }
  }

  @Test
  void aSubjectEnteredOnOneNodeRaisesThePointerAlertForOneEnteredOnTheOtherOnce() {
    String phone = "+1 213 555 " + (1000 + Math.floorMod(world.suffix().hashCode(), 9000));
    var onB = b.getBean(Subjects.class).submit(cbpAgent, wang("CBP-2026-7", phone, cbp));
    String held = onB.subject().id();
    long sent = System.nanoTime();
    TwoNodes.await(
        PROPAGATION,
        "node A's index holds the subject entered on node B",
        () -> a.getBean(CaseworkState.class).holder(held) != null);
    System.out.printf(
        "two-nodes: subject of node B in node A's index after %d ms%n",
        (System.nanoTime() - sent) / 1_000_000);

    var onA = a.getBean(Subjects.class).submit(deaAgent, wang("DEA-2026-9", phone, dea));
    String entered = onA.subject().id();

    assertThat(onA.alerts())
        .as("node A raises DEA's pointer alert on CBP's subject entered on node B")
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.ownRecordId()).isEqualTo(entered);
              assertThat(alert.otherAgency()).isEqualTo(cbp);
              assertThat(alert.otherCaseReference()).isEqualTo("CBP-2026-7");
            });
    // Give node B every chance to raise the same alerts again.
    TwoNodes.await(
        PROPAGATION,
        "node B's index holds the subject entered on node A",
        () -> b.getBean(CaseworkState.class).holder(entered) != null);
    for (var node : List.of(a, b)) {
      PointerAlerts alerts = node.getBean(PointerAlerts.class);
      assertThat(about(alerts.mine(deaAgent, false), entered)).as("DEA's alert once").hasSize(1);
      assertThat(about(alerts.mine(cbpAgent, false), held)).as("CBP's alert once").hasSize(1);
    }
    long stored =
        JdbcClient.create(a.getBean(javax.sql.DataSource.class))
            .sql("SELECT COUNT(*) FROM pointer_alert WHERE own_record_id IN (?, ?)")
            .params(entered, held)
            .query(Long.class)
            .single();
    assertThat(stored).as("one alert to each agency, stored once").isEqualTo(2);
  }

  @Test
  void aJudgementMadeOnOneNodeHoldsOnTheOther() {
    var subjectsB = b.getBean(Subjects.class);
    String left = subjectsB.submit(deaAgent, person("Ana Ruiz", "DEA-J-1")).subject().id();
    String right = subjectsB.submit(deaAgent, person("Ana Ruis", "DEA-J-2")).subject().id();
    TwoNodes.await(
        PROPAGATION,
        "node A's index holds both subjects",
        () ->
            a.getBean(CaseworkState.class).holder(left) != null
                && a.getBean(CaseworkState.class).holder(right) != null);

    a.getBean(Subjects.class).judge(deaAgent, left, right, Judgement.NOT_SAME, "two cousins");

    TwoNodes.await(
        PROPAGATION,
        "node B's index holds DEA's judgement",
        () ->
            b.getBean(CaseworkState.class).index().judgement(dea, left, right)
                == Judgement.NOT_SAME);
    assertThat(b.getBean(CaseworkState.class).index().judgement(cbp, left, right))
        .as("for DEA only")
        .isNull();
  }

  @Test
  void aUserSignedInOnOneNodeGoesOnOnTheOtherAndASignOutEndsTheSessionOnBoth() throws Exception {
    String user = world.user("mover", dea, Role.ANALYST);

    var loginPage = get(portA, "/login", null);
    String anonymous = cookie(loginPage);
    String csrf = csrf(loginPage.body());
    var signIn =
        post(
            portA,
            "/login",
            anonymous,
            Map.of("username", user, "password", World.PASSWORD, "_csrf", csrf));
    assertThat(signIn.statusCode()).isEqualTo(302);
    assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
    String session = cookie(signIn);
    assertThat(session).as("a new session id at sign-in (fixation)").isNotEqualTo(anonymous);
    String setCookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax");

    var onB = get(portB, "/", session);
    assertThat(onB.statusCode()).as("node B knows the session of node A").isEqualTo(200);
    assertThat(onB.body()).contains(user);
    assertThat(get(portB, "/", anonymous).statusCode())
        .as("the session from before the sign-in is not signed in")
        .isEqualTo(302);

    var signOut = post(portB, "/logout", session, Map.of("_csrf", csrf(onB.body())));
    assertThat(signOut.statusCode()).isEqualTo(302);
    var afterOnA = get(portA, "/", session);
    assertThat(afterOnA.statusCode()).as("signed out on node B, out on node A too").isEqualTo(302);
    assertThat(afterOnA.headers().firstValue("Location").orElse("")).contains("/login");
  }

  @Test
  void aSweepDueEveryTwoSecondsRunsOncePerTickWithTwoNodesUp() {
    var jdbc = JdbcClient.create(a.getBean(javax.sql.DataSource.class));
    TwoNodes.await(
        Duration.ofSeconds(60),
        "twelve seconds of compliance sweeps",
        () ->
            jdbc.sql("SELECT COUNT(*) FROM sweep_run WHERE sweep = 'compliance-sweep'")
                    .query(Long.class)
                    .single()
                >= 6);
    List<Long> ticks =
        jdbc.sql(
                "SELECT started_at FROM sweep_run WHERE sweep = 'compliance-sweep' ORDER BY"
                    + " started_at")
            .query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toEpochSecond() / 2)
            .list();
    assertThat(ticks).as("each two-second tick swept once, by one node").doesNotHaveDuplicates();
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'compliance-sweep'")
                .query(Long.class)
                .single())
        .as("one schedule for the cluster")
        .isEqualTo(1);
  }

  @Test
  void theNoticeDeadlineSweepRunsOnceForTheClusterNotOncePerNode() {
    var jdbc = JdbcClient.create(a.getBean(javax.sql.DataSource.class));
    TwoNodes.await(
        Duration.ofSeconds(60),
        "four notice deadline sweeps",
        () ->
            jdbc.sql("SELECT COUNT(*) FROM sweep_run WHERE sweep = 'notice-deadlines'")
                    .query(Long.class)
                    .single()
                >= 4);
    List<java.time.OffsetDateTime> starts =
        jdbc.sql(
                "SELECT started_at FROM sweep_run WHERE sweep = 'notice-deadlines' ORDER BY"
                    + " started_at")
            .query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class))
            .list();
    for (int i = 1; i < starts.size(); i++) {
      assertThat(Duration.between(starts.get(i - 1), starts.get(i)))
          .as("a sweep two seconds after the last ended, not one per node at once")
          .isGreaterThanOrEqualTo(Duration.ofMillis(1500));
    }
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'notice-deadlines'")
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  private static List<StoredAlert> about(List<StoredAlert> alerts, String ownRecordId) {
    return alerts.stream().filter(alert -> alert.ownRecordId().equals(ownRecordId)).toList();
  }

  private static SubjectDraft wang(String caseReference, String phone, String agency) {
    return new SubjectDraft(
        Schema.PERSON,
        Map.of(
            "name", List.of("WANG Wei " + world.suffix()),
            "phone", List.of(phone),
            "birthDate", List.of("1979-03-14")),
        caseReference,
        "Duty desk " + agency,
        null,
        LocalDate.now().minusDays(1),
        Marking.of(agency, Tlp.AMBER));
  }

  private static SubjectDraft person(String name, String caseReference) {
    return new SubjectDraft(
        Schema.PERSON,
        Map.of("name", List.of(name + " " + world.suffix()), "birthDate", List.of("1990-01-02")),
        caseReference,
        "Duty desk",
        null,
        LocalDate.now().minusDays(1),
        Marking.of(dea, Tlp.AMBER));
  }

  private HttpResponse<String> get(int port, String path, String cookie) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(90));
    if (cookie != null) {
      request.header("Cookie", "JSESSIONID=" + cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(int port, String path, String cookie, Map<String, String> form)
      throws Exception {
    var body = new StringBuilder();
    form.forEach(
        (name, value) ->
            body.append(body.isEmpty() ? "" : "&")
                .append(name)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(90))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", "JSESSIONID=" + cookie)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String cookie(HttpResponse<String> response) {
    for (String header : response.headers().allValues("Set-Cookie")) {
      Matcher matcher = Pattern.compile("JSESSIONID=([^;]+)").matcher(header);
      if (matcher.find()) {
        return matcher.group(1);
      }
    }
    throw new AssertionError("no session cookie in " + response.headers().map());
  }

  private static String csrf(String html) {
    Matcher matcher =
        Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"").matcher(html);
    if (!matcher.find()) {
      throw new AssertionError("no CSRF token in the page");
    }
    return matcher.group(1);
  }
}
