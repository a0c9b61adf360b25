package org.presstrace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.support.TestDatabase;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * A form sent after its session ended, and a browser without cookies, on a real server: the user is
 * asked to sign in again and brought back to the form's page, nothing is stored, and no link ever
 * carries the session in its address.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "presstrace.data-dir=${java.io.tmpdir}/presstrace-test",
      "logging.level.root=WARN",
      "presstrace.security.argon2.memory-kib=64",
      "presstrace.security.argon2.iterations=1",
      "presstrace.registry.compliance.sweep-cron=-"
    })
@ContextConfiguration(initializers = TestDatabase.class)
class SessionEndedIntegrationTests {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;

  private final HttpClient http = HttpClient.newHttpClient();
  private World world;
  private String investigator;

  @BeforeEach
  void anInvestigator() {
    world = new World(directory);
    investigator =
        world.user("inv", world.agency("END", AgencyKind.FEDERAL, "USA"), Role.INVESTIGATOR);
  }

  @Test
  void aPageOpenedWithoutACookieCarriesNoSessionInItsLinks() throws Exception {
    HttpResponse<String> login = send(get("/login"));

    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body())
        .contains("/css/presstrace.css\"")
        .doesNotContainIgnoringCase("jsessionid");
    assertThat(send(get("/css/presstrace.css")).statusCode()).isEqualTo(200);
  }

  @Test
  void aFormSentAfterTheSessionEndedAsksToSignInAndReturnsToItsPage() throws Exception {
    String formPage = "/resolution/subjects/new?schema=Vessel";
    long before = subjects();

    HttpResponse<String> sent =
        send(
            post(
                    "/resolution/subjects/new",
                    Map.of("schema", "Vessel", "name", "Ocean " + world.suffix(), "_csrf", "old"))
                .header("Referer", "http://localhost:" + port + formPage));

    assertThat(sent.statusCode()).isEqualTo(302);
    assertThat(sent.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).endsWith("/login?expired"));
    String cookie = sessionCookie(sent);
    HttpResponse<String> login = send(get("/login?expired").header("Cookie", cookie));
    assertThat(login.body()).contains("Your session ended before the form was sent");
    assertThat(login.body()).doesNotContain("roles do not allow");

    HttpResponse<String> signedIn = signIn(login, cookie);

    assertThat(signedIn.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).endsWith(formPage));
    assertThat(subjects()).isEqualTo(before);
  }

  @Test
  void anotherSitesRefererIsNeverWhereSigningInLeads() throws Exception {
    HttpResponse<String> sent =
        send(
            post("/resolution/subjects/new", Map.of("name", "x"))
                .header("Referer", "https://elsewhere.example/resolution/subjects/new"));
    String cookie = sessionCookie(sent);
    HttpResponse<String> login = send(get("/login?expired").header("Cookie", cookie));

    HttpResponse<String> signedIn = signIn(login, cookie);

    assertThat(signedIn.headers().firstValue("Location"))
        .hasValueSatisfying(
            location -> assertThat(location).doesNotContain("elsewhere").endsWith("/"));
  }

  @Test
  void aRefererWhosePathNamesAnotherHostIsNeverWhereSigningInLeads() throws Exception {
    for (String path : new String[] {"//evil.example/x", "/%5C%5Cevil.example/x"}) {
      HttpResponse<String> sent =
          send(
              post("/resolution/subjects/new", Map.of("name", "x"))
                  .header("Referer", "http://localhost:" + port + path));
      String cookie = sessionCookie(sent);
      HttpResponse<String> login = send(get("/login?expired").header("Cookie", cookie));

      HttpResponse<String> signedIn = signIn(login, cookie);

      assertThat(signedIn.headers().firstValue("Location"))
          .as(path)
          .hasValueSatisfying(
              location -> {
                assertThat(URI.create(location).getHost()).isEqualTo("localhost");
                assertThat(URI.create(location).getRawPath()).doesNotStartWith("//");
              });
    }
  }

  @Test
  void aSignedInUserWithAStaleFormIsRefusedAndNotSignedOut() throws Exception {
    HttpResponse<String> login = send(get("/login"));
    String cookie = sessionCookie(login);
    HttpResponse<String> signedIn = signIn(login, cookie);
    String session = sessionCookie(signedIn);

    HttpResponse<String> stale =
        send(
            post("/resolution/subjects/new", Map.of("name", "x", "_csrf", "stale"))
                .header("Cookie", session));

    assertThat(stale.statusCode()).isEqualTo(403);
    assertThat(send(get("/").header("Cookie", session)).statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> signIn(HttpResponse<String> loginPage, String cookie)
      throws Exception {
    var token = CSRF.matcher(loginPage.body());
    assertThat(token.find()).as(loginPage.body()).isTrue();
    HttpResponse<String> signedIn =
        send(
            post(
                    "/login",
                    Map.of(
                        "username",
                        investigator,
                        "password",
                        World.PASSWORD,
                        "_csrf",
                        token.group(1)))
                .header("Cookie", cookie));
    assertThat(signedIn.statusCode()).isEqualTo(302);
    return signedIn;
  }

  private static String sessionCookie(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(cookie -> cookie.startsWith("JSESSIONID=") || cookie.startsWith("SESSION="))
        .map(cookie -> cookie.substring(0, cookie.indexOf(';')))
        .reduce((first, last) -> last)
        .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
  }

  private long subjects() {
    return jdbc.sql("SELECT COUNT(*) FROM resolution_entity").query(Long.class).single();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
  }

  private HttpRequest.Builder post(String path, Map<String, String> form) {
    String body =
        new LinkedHashMap<>(form)
            .entrySet().stream()
                .map(
                    field ->
                        URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                            + "="
                            + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }
}
