package org.presstrace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Failed sign-ins slow down the name and the address they come from, never lock an account for
 * good, answer alike for names that exist and names that do not, and are audited once per burst.
 * Each test signs in from addresses of its own (TEST-NET), so that the budgets of one test do not
 * spend another's.
 */
@PressTraceIntegrationTest
class SignInLimitsIntegrationTests {

  private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);
  private static final String PATH = "/api/v1/agencies";

  @Autowired MockMvcTester mvc;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;
  @Autowired org.presstrace.ledger.Ledger ledger;

  private World world;
  private String federal;

  @BeforeEach
  void setUp() {
    world = new World(directory);
    federal = world.agency("FED", AgencyKind.FEDERAL, "USA");
  }

  @Test
  void afterFiveFailuresTheRightPasswordIsRefusedWith429AndRetryAfter() {
    String victim = world.user("victim", federal, Role.INVESTIGATOR);
    String attacker = freshAddress();

    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(basic(victim, "guess-" + attempt, attacker)).hasStatus(HttpStatus.UNAUTHORIZED);
    }
    MvcTestResult refused = basic(victim, World.PASSWORD, freshAddress());

    assertThat(refused)
        .hasStatus(HttpStatus.TOO_MANY_REQUESTS)
        .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(refused).bodyJson().extractingPath("$.status").asNumber().isEqualTo(429);
    assertThat(refused)
        .bodyJson()
        .extractingPath("$.type")
        .isEqualTo("urn:presstrace:problem:too-many-sign-ins");
    assertThat(Long.parseLong(refused.getResponse().getHeader("Retry-After"))).isBetween(1L, 60L);
  }

  @Test
  void limitedUnknownAndExistingNamesGetByteIdenticalAnswers() throws Exception {
    String existing = world.user("existing", federal, Role.ANALYST);
    String unknown = world.username("nobody");

    MvcTestResult wrongExisting = basic(existing, "guess-0", freshAddress());
    MvcTestResult wrongUnknown = basic(unknown, "guess-0", freshAddress());
    assertThat(wrongExisting.getResponse().getContentAsString())
        .isEqualTo(wrongUnknown.getResponse().getContentAsString());
    for (int attempt = 1; attempt <= 4; attempt++) {
      basic(existing, "guess-" + attempt, freshAddress());
      basic(unknown, "guess-" + attempt, freshAddress());
    }

    MvcTestResult limitedExisting = basic(existing, World.PASSWORD, freshAddress());
    MvcTestResult limitedUnknown = basic(unknown, World.PASSWORD, freshAddress());

    assertThat(limitedExisting).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(limitedUnknown).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(limitedExisting.getResponse().getContentAsString())
        .isEqualTo(limitedUnknown.getResponse().getContentAsString());
    assertThat(Long.parseLong(limitedExisting.getResponse().getHeader("Retry-After")))
        .as("the same wait, give or take the second the requests straddle")
        .isCloseTo(
            Long.parseLong(limitedUnknown.getResponse().getHeader("Retry-After")), within(1L));
    assertThat(limitedExisting.getResponse().getHeader("WWW-Authenticate"))
        .isEqualTo(limitedUnknown.getResponse().getHeader("WWW-Authenticate"));
  }

  @Test
  void aLimitedFormSignInShowsTheSameMessageWhetherTheNameExistsOrNot() throws Exception {
    String existing = world.user("formuser", federal, Role.ANALYST);
    String unknown = world.username("formghost");
    String address = freshAddress();

    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(form(existing, "guess-" + attempt, address)).hasRedirectedUrl("/login?error");
      assertThat(form(unknown, "guess-" + attempt, address)).hasRedirectedUrl("/login?error");
    }
    MvcTestResult existingAnswer = form(existing, World.PASSWORD, address);
    MvcTestResult unknownAnswer = form(unknown, World.PASSWORD, address);

    assertThat(existingAnswer).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login?limited");
    assertThat(unknownAnswer).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login?limited");
    var session = existingAnswer.getRequest().getSession(false);
    assertThat(session == null ? null : session.getAttribute("SPRING_SECURITY_CONTEXT"))
        .as("not signed in")
        .isNull();
    assertThat(mvc.get().uri("/login?limited"))
        .bodyText()
        .contains("Too many failed sign-ins")
        .doesNotContain("locked");
  }

  @Test
  void theRightPasswordWorksAgainOnceAnAdministratorUnlocks() {
    String victim = world.user("unlocked", federal, Role.INVESTIGATOR);
    String administrator = world.user("admin", federal, Role.ADMINISTRATOR);
    for (int attempt = 1; attempt <= 5; attempt++) {
      basic(victim, "guess-" + attempt, freshAddress());
    }
    assertThat(basic(victim, World.PASSWORD, freshAddress()))
        .hasStatus(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(
            mvc.get()
                .uri("/api/v1/agencies/{code}/users", federal)
                .with(httpBasic(administrator, World.PASSWORD))
                .with(from(freshAddress())))
        .bodyJson()
        .extractingPath("$[?(@.username == '" + victim + "')].locked")
        .asArray()
        .containsExactly(true);

    assertThat(
            mvc.post()
                .uri("/api/v1/users/{u}/unlock", victim)
                .with(httpBasic(administrator, World.PASSWORD))
                .with(from(freshAddress())))
        .hasStatus2xxSuccessful();

    assertThat(basic(victim, World.PASSWORD, freshAddress())).hasStatusOk();
  }

  @Test
  void oneAddressSprayingManyNamesIsSlowedForEveryName() {
    String bystander = world.user("sprayed", federal, Role.ANALYST);
    String sprayer = freshAddress();

    for (int name = 1; name <= 50; name++) {
      assertThat(basic(world.username("spray" + name), "guess", sprayer))
          .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    assertThat(basic(bystander, World.PASSWORD, sprayer)).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(basic(bystander, World.PASSWORD, freshAddress())).hasStatusOk();
  }

  @Test
  void twentyWrongPasswordsLeaveAtMostTwoAuditEntriesAndLedgerLeaves() {
    String victim = world.user("audited", federal, Role.INVESTIGATOR);
    String administrator = world.user("auditadmin", federal, Role.ADMINISTRATOR);
    String attacker = freshAddress();
    long leavesBefore = leaves();

    for (int attempt = 1; attempt <= 20; attempt++) {
      assertThat(basic(victim, "guess-" + attempt, attacker).getResponse().getStatus())
          .isIn(401, 429);
    }

    assertThat(signInEntries(victim)).isBetween(1L, 2L);
    assertThat(leaves() - leavesBefore).isBetween(1L, 2L);

    mvc.post()
        .uri("/api/v1/users/{u}/unlock", victim)
        .with(httpBasic(administrator, World.PASSWORD))
        .with(from(freshAddress()))
        .exchange();
    assertThat(basic(victim, World.PASSWORD, freshAddress())).hasStatusOk();

    assertThat(signInEntries(victim)).isEqualTo(2);
    assertThat(
            jdbc.sql(
                    "SELECT detail FROM audit_event WHERE username = :u AND action = 'LOGIN_FAILURES'")
                .param("u", victim)
                .query(String.class)
                .single())
        .contains("5 failed sign-ins")
        .contains("15 more refused")
        .contains(attacker);
  }

  private long signInEntries(String username) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM audit_event WHERE username = :u AND action IN ('LOGIN',"
                + " 'LOGIN_FAILURES', 'LOCKOUT')")
        .param("u", username)
        .query(Long.class)
        .single();
  }

  /** The leaves in the log once everything committed so far is integrated. */
  private long leaves() {
    assertThat(ledger.awaitIntegration()).as("everything committed integrated").isTrue();
    return jdbc.sql("SELECT COUNT(*) FROM ledger_leaf").query(Long.class).single();
  }

  private MvcTestResult basic(String username, String password, String address) {
    return mvc.get().uri(PATH).with(httpBasic(username, password)).with(from(address)).exchange();
  }

  private MvcTestResult form(String username, String password, String address) {
    return mvc.post()
        .uri("/login")
        .param("username", username)
        .param("password", password)
        .with(csrf())
        .with(from(address))
        .exchange();
  }

  private static RequestPostProcessor from(String address) {
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }

  /** A TEST-NET-2 or -3 address no other test has used in this run. */
  private static String freshAddress() {
    int n = NEXT_ADDRESS.getAndIncrement();
    return (n < 250 ? "198.51.100." : "203.0.113.") + (n % 250 + 1);
  }
}
