package org.presstrace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
import org.springframework.test.context.ContextConfiguration;

/**
 * Every error the running server can produce, from the servlet container up, is an RFC 9457 problem
 * for an API client and the error page for a browser, with the security headers, no stack trace and
 * no framework's own error shape. Runs a real server: MockMvc never reaches the error dispatch or
 * the container's own refusals.
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
class ErrorAnswersIntegrationTests {

  @LocalServerPort int port;
  @Autowired Directory directory;

  private final HttpClient http = HttpClient.newHttpClient();
  private String basic;

  @BeforeEach
  void anInvestigator() {
    var world = new World(directory);
    String user =
        world.user("inv", world.agency("ERR", AgencyKind.FEDERAL, "USA"), Role.INVESTIGATOR);
    basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + World.PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder api(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", basic)
        .header("Accept", "application/json");
  }

  private static void assertProblem(HttpResponse<String> response, int status, String slug) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body())
        .contains("\"type\":\"urn:presstrace:problem:" + slug + "\"")
        .contains("\"status\":" + status)
        .doesNotContain("\"timestamp\"")
        .doesNotContain("\"error\"")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void anUnknownApiPathIsANotFoundProblem() throws Exception {
    assertProblem(send(api("/api/v1/no-such-thing").GET()), 404, "not-found");
  }

  @Test
  void aWrongMethodIsAMethodNotAllowedProblem() throws Exception {
    var response = send(api("/api/v1/intel-reports").DELETE());
    assertProblem(response, 405, "method-not-allowed");
    assertThat(response.headers().firstValue("Allow")).isPresent();
  }

  @Test
  void aBodyOfTheWrongMediaTypeIsAnUnsupportedMediaTypeProblem() throws Exception {
    var response =
        send(
            api("/api/v1/intel-reports")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("title=x")));
    assertProblem(response, 415, "unsupported-media-type");
  }

  @Test
  void anAnonymousRequestForTheErrorPathIsNotAServerError() throws Exception {
    var response =
        send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/error"))
                .header("Accept", "application/json")
                .GET());
    assertProblem(response, 404, "not-found");
  }

  @Test
  void aBrowserGetsTheErrorPageNotAServerError() throws Exception {
    var response =
        send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/error"))
                .header("Accept", "text/html")
                .GET());
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body())
        .contains("There is nothing here that you may see")
        .doesNotContain("Whitelabel");
  }

  /** Raw HTTP, since no client library sends these. */
  private String raw(String requestLine) throws Exception {
    try (Socket socket = new Socket("localhost", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          (requestLine
                  + "\r\nHost: localhost\r\nAccept: application/json\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void assertRawProblem(String response, int status) {
    assertThat(response).startsWith("HTTP/1.1 " + status);
    assertThat(response.toLowerCase(java.util.Locale.ROOT))
        .contains("content-type: application/problem+json")
        .contains("x-content-type-options: nosniff")
        .doesNotContain("<html")
        .doesNotContain("apache tomcat");
    assertThat(response).contains("\"status\":" + status).contains("urn:presstrace:problem:");
  }

  @Test
  void anEncodedSlashIsABadRequestProblemWithTheSecurityHeaders() throws Exception {
    assertRawProblem(raw("GET /api/v1/intel-reports/a%2fb HTTP/1.1"), 400);
  }

  @Test
  void anEncodedNulIsABadRequestProblemWithTheSecurityHeaders() throws Exception {
    assertRawProblem(raw("GET /api/v1/intel-reports/a%00b HTTP/1.1"), 400);
  }

  @Test
  void anOverlongRequestLineIsAProblemWithTheSecurityHeaders() throws Exception {
    String response = raw("GET /api/v1/" + "a".repeat(20_000) + " HTTP/1.1");
    assertThat(response).matches("(?s)HTTP/1.1 (400|414).*");
    assertThat(response.toLowerCase(java.util.Locale.ROOT))
        .contains("application/problem+json")
        .doesNotContain("<html");
  }
}
