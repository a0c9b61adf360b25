package org.presstrace.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry API as the seeded logins use it ({@code maker}, a manufacturer; {@code dealer}; and
 * {@code admin}), answering every request with its status rather than throwing, so a scenario can
 * count what was acknowledged.
 */
final class RegistryClient {

  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String password;
  private final Properties seeded;

  /** One answer: its status, its body (a JSON node, or missing) and how long it took. */
  record Answer(int status, JsonNode body, String text, long millis) {
    boolean acknowledged() {
      return status / 100 == 2;
    }
  }

  /** One custody event the API acknowledged with 2xx: which machine, what, to whom. */
  record Acknowledged(String machineId, String type, String holder) {}

  RegistryClient(int port, String password, Properties seeded) {
    this.base = "http://localhost:" + port;
    this.password = password;
    this.seeded = seeded;
  }

  String registrantId(String login) {
    return seeded.getProperty(login + ".id");
  }

  /** The maker registers a new rotary press it manufactured. */
  Answer registerMachine(String serial) throws IOException, InterruptedException {
    var body =
        Map.of(
            "serial", serial,
            "make", "Acme",
            "model", "RT-24",
            "kind", "TABLETING_ROTARY",
            "location", "Plant 1, Dayton",
            "origin", "MANUFACTURED",
            "occurredOn", yesterday().toString());
    return post("/api/v1/registry/machines", "maker", body);
  }

  static Acknowledged registered(Answer answer) {
    return new Acknowledged(
        answer.body().path("id").asString(),
        "MachineManufactured",
        answer.body().path("holder").asString());
  }

  /** The holder sells the machine to the other registrant. */
  Answer transfer(String machineId, String holderId) throws IOException, InterruptedException {
    String seller = holderId.equals(registrantId("maker")) ? "maker" : "dealer";
    String buyer = seller.equals("maker") ? "dealer" : "maker";
    var body =
        Map.of(
            "buyerRegistration", seeded.getProperty(buyer + ".registration"),
            "buyerCheckedAt", Instant.now().minusSeconds(60).toString(),
            "shippedOn", yesterday().toString());
    return post("/api/v1/registry/machines/" + machineId + "/transfers", seller, body);
  }

  static Acknowledged transferred(String machineId, Answer answer) {
    return new Acknowledged(
        machineId, "MachineTransferred", answer.body().path("holder").asString());
  }

  /** Starts a background import of {@code csv} as {@code login}. */
  Answer startImport(String login, byte[] csv, String fileName)
      throws IOException, InterruptedException {
    return send(
        request("/api/v1/registry/imports?async=true&fileName=" + fileName, login)
            .header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofByteArray(csv))
            .build());
  }

  /** Imports {@code csv} as {@code login} and waits for the answer. */
  Answer importNow(String login, Path csv, String fileName)
      throws IOException, InterruptedException {
    return send(
        request("/api/v1/registry/imports?fileName=" + fileName, login)
            .timeout(Duration.ofMinutes(10))
            .header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofFile(csv))
            .build());
  }

  Answer get(String path, String login) throws IOException, InterruptedException {
    return send(request(path, login).GET().build());
  }

  private Answer post(String path, String login, Object body)
      throws IOException, InterruptedException {
    return send(
        request(path, login)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build());
  }

  private HttpRequest.Builder request(String path, String login) {
    String basic =
        Base64.getEncoder()
            .encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(REQUEST_TIMEOUT)
        .header("Authorization", "Basic " + basic)
        .header("Accept", "application/json");
  }

  private Answer send(HttpRequest request) throws IOException, InterruptedException {
    long started = System.nanoTime();
    var response = http.send(request, HttpResponse.BodyHandlers.ofString());
    long millis = (System.nanoTime() - started) / 1_000_000;
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (RuntimeException notJson) {
      body = JSON.missingNode();
    }
    return new Answer(response.statusCode(), body, response.body(), millis);
  }

  static LocalDate yesterday() {
    return LocalDate.now(ZoneOffset.UTC).minusDays(1);
  }
}
