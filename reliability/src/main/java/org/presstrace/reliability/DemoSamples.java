package org.presstrace.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import org.presstrace.reliability.LoadOptions.Auth;

/**
 * What the workload needs from the demo world, looked up over the API before the load starts:
 * serials to trace, the registration numbers of the dealer and the manufacturer, and the machines
 * each holds. A transfer moves one held machine to the other side and back on its next turn, so a
 * run never runs out of machines and leaves the world much as it found it.
 */
final class DemoSamples {

  static final String PURPOSE = "Load test of the PressTrace API";
  static final String DEALER = "tristate.dealer";
  static final String MANUFACTURER = "acme.registrant";

  private static final List<String> SEARCH_TERMS =
      List.of("an", "wang", "li", "chem", "trading", "lopez", "co", "zhang", "global", "sa");
  private static final List<String> SCREEN_NAMES =
      List.of(
          "fentanyl",
          "carfentanil",
          "acetylfentanyl",
          "4-ANPP",
          "norfentanyl",
          "isotonitazene",
          "metonitazene",
          "furanylfentanyl",
          "acetaminophen",
          "caffeine");

  /** A machine and which side holds it now. */
  record Held(String machineId, boolean dealerHolds) {}

  private final List<String> serials;
  private final String dealerRegistration;
  private final String manufacturerRegistration;
  private final ConcurrentLinkedQueue<Held> held;

  private DemoSamples(
      List<String> serials,
      String dealerRegistration,
      String manufacturerRegistration,
      List<Held> held) {
    this.serials = List.copyOf(serials);
    this.dealerRegistration = dealerRegistration;
    this.manufacturerRegistration = manufacturerRegistration;
    this.held = new ConcurrentLinkedQueue<>(held);
  }

  /** Looks the samples up as the demo logins, with the first of the run's credentials. */
  static DemoSamples discover(LoadOptions options, Credentials credentials) {
    var api = new Api(options.baseUrl(), credentials, options.auths().get(0));
    var serials = new ArrayList<String>();
    for (JsonNode machine :
        api.get(LoadOptions.READER, "/api/v1/registry/machines?size=200").path("items")) {
      serials.add(machine.path("serial").asText());
    }
    if (serials.isEmpty()) {
      throw new IllegalStateException(
          LoadOptions.READER + " reads no machines: is this the demo world?");
    }
    JsonNode dealer = api.registrant("Tri-State Pharma", "TRISTATE-EQUIP");
    JsonNode manufacturer = api.registrant("Acme Tablet", "ACME-TABLET");
    var held = new ArrayList<Held>();
    held.addAll(api.held(DEALER, dealer.path("id").asText(), true));
    held.addAll(api.held(MANUFACTURER, manufacturer.path("id").asText(), false));
    if (held.isEmpty()) {
      throw new IllegalStateException("neither the dealer nor the manufacturer holds a machine");
    }
    return new DemoSamples(
        serials,
        dealer.path("registrationNumber").asText(),
        manufacturer.path("registrationNumber").asText(),
        held);
  }

  String serial() {
    return pick(serials);
  }

  String searchTerm() {
    return pick(SEARCH_TERMS);
  }

  int listPage() {
    return ThreadLocalRandom.current().nextInt(5);
  }

  String screenBody() {
    return "{\"name\": \"" + pick(SCREEN_NAMES) + "\"}";
  }

  /** A TLP:AMBER seizure of fentanyl pills two days ago, with a vehicle named. */
  String seizureBody() {
    var random = ThreadLocalRandom.current();
    String when =
        LocalDateTime.now(ZoneId.of("America/Phoenix"))
            .minusDays(2)
            .truncatedTo(ChronoUnit.MINUTES)
            .toString();
    return """
    {"occurredAt": "%s", "zone": "America/Phoenix", "context": "PORT_OF_ENTRY",
     "portOfEntry": "Nogales", "region": "AZ", "latitude": "31.3322", "longitude": "-110.9381",
     "narrative": "Load test seizure",
     "marking": {"tlp": "AMBER", "cuiCategory": "LEI"},
     "items": [{"substance": "fentanyl", "form": "pills", "netWeight": "%d", "netUnit": "g",
                "pillCount": "%d", "imprint": "M 30", "colour": "blue", "mgPerPill": "2.1"}],
     "parties": [{"kind": "vehicle", "name": "AZ plate LT%04d", "role": "conveyance"}]}
    """
        .formatted(
            when, 100 + random.nextInt(900), 1000 + random.nextInt(9000), random.nextInt(10_000));
  }

  /** Takes a machine for one transfer; null when every machine is in a transfer already. */
  Held borrow() {
    return held.poll();
  }

  /** Gives the machine back, with the side that holds it after the transfer was answered. */
  void giveBack(Held machine, boolean transferred) {
    held.add(transferred ? new Held(machine.machineId(), !machine.dealerHolds()) : machine);
  }

  /** The seller of a transfer of {@code machine}. */
  String seller(Held machine) {
    return machine.dealerHolds() ? DEALER : MANUFACTURER;
  }

  /** A transfer to the other side, shipped yesterday, the buyer's registration checked before. */
  String transferBody(Held machine) {
    String buyer = machine.dealerHolds() ? manufacturerRegistration : dealerRegistration;
    return """
    {"buyerRegistration": "%s", "buyerCheckedAt": "%s", "shippedOn": "%s"}\
    """
        .formatted(
            buyer,
            Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.SECONDS),
            LocalDate.now(ZoneOffset.UTC).minusDays(1));
  }

  int machines() {
    return held.size();
  }

  private static <T> T pick(List<T> values) {
    return values.get(ThreadLocalRandom.current().nextInt(values.size()));
  }

  /** A few reads over the API, before the load. */
  private static final class Api {

    private final HttpClient client =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final URI base;
    private final Credentials credentials;
    private final Auth auth;

    Api(URI base, Credentials credentials, Auth auth) {
      this.base = base;
      this.credentials = credentials;
      this.auth = auth;
    }

    JsonNode get(String user, String path) {
      var request =
          HttpRequest.newBuilder(base.resolve(path))
              .timeout(Duration.ofSeconds(60))
              .header("Authorization", credentials.header(user, auth))
              .header("PressTrace-Purpose", PURPOSE)
              .header("Accept", "application/json")
              .build();
      try {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          throw new IllegalStateException(
              "GET " + path + " as " + user + " answered " + response.statusCode());
        }
        return json.readTree(response.body());
      } catch (IOException e) {
        throw new IllegalStateException("GET " + path + " failed: " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }

    JsonNode registrant(String query, String agencyCode) {
      String path =
          "/api/v1/registry/registrants?size=50&q="
              + URLEncoder.encode(query, StandardCharsets.UTF_8);
      for (JsonNode registrant : get(LoadOptions.READER, path)) {
        if (agencyCode.equals(registrant.path("agencyCode").asText())) {
          return registrant;
        }
      }
      throw new IllegalStateException(
          "no registrant of agency " + agencyCode + " in the demo world");
    }

    List<Held> held(String user, String registrantId, boolean dealer) {
      var held = new ArrayList<Held>();
      for (JsonNode machine : get(user, "/api/v1/registry/machines?size=100").path("items")) {
        if ("HELD".equals(machine.path("state").asText())
            && registrantId.equals(machine.path("holder").asText())) {
          held.add(new Held(machine.path("id").asText(), dealer));
        }
      }
      return held;
    }
  }
}
