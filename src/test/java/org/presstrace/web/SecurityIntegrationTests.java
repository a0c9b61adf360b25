package org.presstrace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Sign-in, the two filter chains, sign-in limits, CSRF, headers and navigation by role. */
@PressTraceIntegrationTest
class SecurityIntegrationTests {

  private static final Pattern SITE_NAV =
      Pattern.compile("<nav class=\"site-nav\"[^>]*>(.*?)</nav>", Pattern.DOTALL);
  private static final Pattern HREF = Pattern.compile("<a\\b[^>]*\\bhref=\"([^\"]*)\"");

  @Autowired MockMvcTester mvc;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;

  private World world;
  private String federal;

  @BeforeEach
  void setUp() {
    world = new World(directory);
    federal = world.agency("FED", AgencyKind.FEDERAL, "USA");
  }

  static Stream<Arguments> navigationByRole() {
    return Stream.of(
        Arguments.of(
            Role.REGISTRANT,
            List.of(
                "/",
                "/intel",
                "/registry/registration",
                "/registry/equipment",
                "/registry/transaction-reports",
                "/registry/imports",
                "/registry/certificates/verify",
                "/account/tokens",
                "/swagger-ui.html")),
        Arguments.of(
            Role.INVESTIGATOR,
            List.of(
                "/",
                "/intel",
                "/releases",
                "/exchange/notices",
                "/exchange/incidents",
                "/registry/trace",
                "/registry/compliance",
                "/registry/certificates/verify",
                "/seizures",
                "/alerts",
                "/resolution/subjects",
                "/resolution/review",
                "/resolution/alerts",
                "/resolution/operations",
                "/resolution/graph",
                "/resolution/red-flags",
                "/substances",
                "/substances/screenings",
                "/account/tokens",
                "/swagger-ui.html")),
        Arguments.of(
            Role.ANALYST,
            List.of(
                "/",
                "/intel",
                "/exchange/notices",
                "/exchange/incidents",
                "/registry/trace",
                "/registry/compliance",
                "/registry/certificates/verify",
                "/seizures",
                "/alerts",
                "/resolution/subjects",
                "/resolution/review",
                "/resolution/alerts",
                "/resolution/operations",
                "/resolution/graph",
                "/resolution/red-flags",
                "/substances",
                "/substances/screenings",
                "/account/tokens",
                "/swagger-ui.html")),
        Arguments.of(
            Role.SUPERVISOR,
            List.of(
                "/",
                "/intel",
                "/releases",
                "/exchange/notices",
                "/exchange/incidents",
                "/registry/trace",
                "/registry/compliance",
                "/registry/certificates/verify",
                "/seizures",
                "/alerts",
                "/resolution/subjects",
                "/resolution/review",
                "/resolution/alerts",
                "/resolution/operations",
                "/resolution/graph",
                "/resolution/red-flags",
                "/substances",
                "/substances/screenings",
                "/grants",
                "/account/tokens",
                "/swagger-ui.html")),
        Arguments.of(
            Role.FOREIGN_LIAISON,
            List.of(
                "/",
                "/intel",
                "/releases",
                "/registry/certificates/verify",
                "/seizures",
                "/account/tokens",
                "/swagger-ui.html")),
        Arguments.of(
            Role.AUDITOR,
            List.of(
                "/",
                "/registry/certificates/verify",
                "/audit",
                "/ledger",
                "/account/tokens",
                "/swagger-ui.html")),
        Arguments.of(
            Role.ADMINISTRATOR,
            List.of(
                "/",
                "/registry/imports",
                "/registry/certificates/verify",
                "/substances",
                "/substances/designations",
                "/grants",
                "/admin/agencies",
                "/admin/users",
                "/exchange/partners",
                "/exchange/taxii-feeds",
                "/exchange/quarantine",
                "/account/tokens",
                "/swagger-ui.html")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("navigationByRole")
  void formLoginShowsEachRoleExactlyItsNavigation(Role role, List<String> expected)
      throws Exception {
    String agency =
        switch (role) {
          case REGISTRANT -> world.agency("REG", AgencyKind.REGISTRANT, "USA");
          case FOREIGN_LIAISON -> world.agency("MPS", AgencyKind.FOREIGN_PARTNER, "CHN");
          default -> federal;
        };
    String username = world.user(role.slug(), agency, role);

    MockHttpSession session = signIn(username);
    MvcTestResult home = mvc.get().uri("/").session(session).exchange();

    assertThat(home).hasStatusOk();
    assertThat(home).bodyText().contains(username);
    assertThat(navigationLinks(home)).containsExactlyElementsOf(expected);
  }

  @Test
  void wrongPasswordOnTheFormIsRefused() {
    String username = world.user("analyst", federal, Role.ANALYST);

    MvcTestResult result =
        mvc.perform(formLogin("/login").user(username).password("not-the-password"));

    assertThat(result).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/login?error");
  }

  @Test
  void anonymousApiCallGetsA401Problem() {
    MvcTestResult result = mvc.get().uri("/api/v1/intel-reports").exchange();

    assertThat(result)
        .hasStatus(HttpStatus.UNAUTHORIZED)
        .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(result).bodyJson().extractingPath("$.status").asNumber().isEqualTo(401);
  }

  @Test
  void anonymousPageRequestIsRedirectedToTheLogin() {
    assertThat(mvc.get().uri("/intel"))
        .hasStatus(HttpStatus.FOUND)
        .redirectedUrl()
        .endsWith("/login");
  }

  @Test
  void readinessIsOpenToAnonymousCallers() {
    assertThat(mvc.get().uri("/actuator/health/readiness")).hasStatusOk();
  }

  @Test
  void prometheusIsForAdministratorsOnly() {
    String investigator = world.user("investigator", federal, Role.INVESTIGATOR);
    String administrator = world.user("administrator", federal, Role.ADMINISTRATOR);

    assertThat(mvc.get().uri("/actuator/prometheus")).hasStatus(HttpStatus.UNAUTHORIZED);
    assertThat(mvc.get().uri("/actuator/prometheus").with(httpBasic(investigator, World.PASSWORD)))
        .hasStatus(HttpStatus.FORBIDDEN);
    MvcTestResult scrape =
        mvc.get()
            .uri("/actuator/prometheus")
            .with(httpBasic(administrator, World.PASSWORD))
            .exchange();
    assertThat(scrape).hasStatusOk();
    assertThat(scrape).bodyText().contains("jvm_memory_used_bytes");
  }

  @Test
  void fiveWrongPasswordsDelayTheAccountEvenAgainstTheRightOne() {
    String victim = world.user("victim", federal, Role.INVESTIGATOR);
    String bystander = world.user("bystander", federal, Role.INVESTIGATOR);

    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(
              mvc.get()
                  .uri("/api/v1/agencies")
                  .with(httpBasic(victim, "wrong-password-" + attempt)))
          .hasStatus(HttpStatus.UNAUTHORIZED);
    }
    MvcTestResult sixth =
        mvc.get().uri("/api/v1/agencies").with(httpBasic(victim, World.PASSWORD)).exchange();

    assertThat(sixth)
        .hasStatus(HttpStatus.TOO_MANY_REQUESTS)
        .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(sixth.getResponse().getHeader("Retry-After")).isNotBlank();
    assertThat(sixth).bodyJson().extractingPath("$.detail").asString().doesNotContain("locked");
    assertThat(mvc.get().uri("/api/v1/agencies").with(httpBasic(bystander, World.PASSWORD)))
        .hasStatusOk();
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_event WHERE username = :u"
                        + " AND action IN ('LOGIN', 'LOGIN_FAILURES', 'LOCKOUT')")
                .param("u", victim)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void fourWrongPasswordsDoNotDelayTheAccount() {
    String user = world.user("careless", federal, Role.INVESTIGATOR);

    for (int attempt = 1; attempt <= 4; attempt++) {
      assertThat(mvc.get().uri("/api/v1/agencies").with(httpBasic(user, "wrong-" + attempt)))
          .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    assertThat(mvc.get().uri("/api/v1/agencies").with(httpBasic(user, World.PASSWORD)))
        .hasStatusOk();
  }

  @Test
  void formPostWithoutCsrfTokenIsForbidden() {
    String username = world.user("analyst", federal, Role.ANALYST);
    MockHttpSession session = signIn(username);

    assertThat(
            mvc.post()
                .uri("/purpose")
                .session(session)
                .param("purpose", "Case 2024-0001")
                .param("returnTo", "/intel"))
        .hasStatus(HttpStatus.FORBIDDEN);
    assertThat(
            mvc.post()
                .uri("/purpose")
                .session(session)
                .with(csrf())
                .param("purpose", "Case 2024-0001")
                .param("returnTo", "/intel"))
        .hasStatus(HttpStatus.FOUND)
        .hasRedirectedUrl("/intel");
  }

  @Test
  void pagesCarryStrictSecurityHeaders() {
    MvcTestResult login = mvc.get().uri("/login").exchange();

    assertThat(login).hasStatusOk();
    assertThat(login)
        .headers()
        .hasValue("X-Frame-Options", "DENY")
        .hasValue("X-Content-Type-Options", "nosniff");
    assertThat(login.getResponse().getHeader("Content-Security-Policy"))
        .contains("default-src 'self'")
        .contains("frame-ancestors 'none'");
  }

  @Test
  void givenRequestIdIsEchoed() {
    assertThat(mvc.get().uri("/login").header("X-Request-Id", "trace-0123456789"))
        .headers()
        .hasValue("X-Request-Id", "trace-0123456789");
  }

  @Test
  void malformedRequestIdIsReplacedWithAFreshOne() {
    MvcTestResult result = mvc.get().uri("/login").header("X-Request-Id", "bad id!").exchange();

    assertThat(result.getResponse().getHeader("X-Request-Id")).isNotBlank().isNotEqualTo("bad id!");
  }

  private MockHttpSession signIn(String username) {
    MvcTestResult result = mvc.perform(formLogin("/login").user(username).password(World.PASSWORD));
    assertThat(result).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/");
    var session = (MockHttpSession) result.getRequest().getSession(false);
    assertThat(session).isNotNull();
    return session;
  }

  private static List<String> navigationLinks(MvcTestResult page) throws Exception {
    String html = page.getResponse().getContentAsString();
    Matcher nav = SITE_NAV.matcher(html);
    assertThat(nav.find()).as("page has a nav.site-nav").isTrue();
    var hrefs = new ArrayList<String>();
    Matcher link = HREF.matcher(nav.group(1));
    while (link.find()) {
      hrefs.add(link.group(1));
    }
    return hrefs;
  }
}
