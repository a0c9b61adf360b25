package org.presstrace.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.exchange.stix.StixIds;
import org.presstrace.exchange.stix.StixMarkings;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The TAXII client polls a partner's collection page by page, with the partner's credentials, and
 * imports what it gets with its provenance; a partner that sends an invalid object, refuses the
 * credentials or answers something that is not TAXII gets nothing stored.
 */
@PressTraceIntegrationTest
class TaxiiPollIntegrationTests {

  static final String TAXII = "application/taxii+json;version=2.1";

  @Autowired TaxiiPoll poll;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;

  HttpServer partner;
  final List<String> asked = new CopyOnWriteArrayList<>();
  final List<String> versions = new CopyOnWriteArrayList<>();
  World world;
  AccessContext importer;
  String agency;
  String report;
  String identity;

  @BeforeEach
  void partner() throws IOException {
    world = new World(directory);
    agency = world.agency("CBP", AgencyKind.FEDERAL, "USA");
    importer = world.as(world.user("analyst", agency, Role.ANALYST), Channel.CLI);
    report = "report--" + StixIds.uuid5("polled-report-" + world.suffix());
    identity = "identity--" + StixIds.uuid5("polled-identity-" + world.suffix());
    partner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    partner.createContext(
        "/taxii2/root/collections/good/objects/",
        exchange -> {
          record(exchange);
          boolean second = exchange.getRequestURI().getQuery().contains("next=page-2");
          answer(
              exchange,
              200,
              TAXII,
              second
                  ? "{\"more\": false, \"objects\": [" + identity() + "]}"
                  : "{\"more\": true, \"next\": \"page-2\", \"objects\": ["
                      + StixMarkings.statementDefinition("CUI//LEI")
                      + ","
                      + report()
                      + "]}",
              second ? "2026-05-02T00:00:00.000Z" : "2026-05-01T00:00:00.000Z");
        });
    partner.createContext(
        "/taxii2/root/collections/bad/objects/",
        exchange ->
            answer(
                exchange,
                200,
                TAXII,
                "{\"objects\": ["
                    + report()
                    + ", {\"type\": \"report\", \"spec_version\": \"2.1\", \"id\": \"report--x\"}]}",
                null));
    partner.createContext(
        "/taxii2/root/collections/locked/objects/",
        exchange ->
            answer(
                exchange,
                401,
                "application/problem+json",
                "{\"detail\": \"sign in first\"}",
                null));
    partner.createContext(
        "/taxii2/root/collections/versioned/objects/",
        exchange -> {
          record(exchange);
          // as a TAXII 2.1 server does: the last version unless every one is asked for
          String query = exchange.getRequestURI().getQuery();
          var sent =
              query.contains("match[version]=all")
                  ? versions
                  : versions.subList(versions.size() - 1, versions.size());
          answer(
              exchange,
              200,
              TAXII,
              "{\"more\": false, \"objects\": ["
                  + String.join(",", sent.stream().map(this::amended).toList())
                  + "]}",
              "2026-06-0" + versions.size() + "T00:00:00.000Z");
        });
    partner.createContext(
        "/taxii2/root/collections/html/objects/",
        exchange -> answer(exchange, 200, "text/html", "<html></html>", null));
    partner.start();
  }

  @AfterEach
  void stop() {
    partner.stop(0);
  }

  @Test
  void pollsEveryPageWithTheCredentialsAndImportsWithProvenance() {
    String url = base() + "good/";
    TaxiiPoll.Polled polled =
        poll.poll(
            importer,
            URI.create(url),
            "Basic cGFydG5lcjpzZWNyZXQ=",
            Instant.parse("2026-04-01T00:00:00Z"));

    assertThat(asked).hasSize(2);
    assertThat(asked.get(0))
        .contains("Basic cGFydG5lcjpzZWNyZXQ=")
        .contains("added_after=2026-04-01T00%3A00%3A00Z")
        .contains("Test case " + world.suffix());
    assertThat(asked.get(1)).contains("next=page-2");
    assertThat(polled.received()).isEqualTo(3);
    assertThat(polled.status().get("failure_count").asInt()).isZero();
    assertThat(polled.lastAdded()).isEqualTo(Instant.parse("2026-05-02T00:00:00Z"));

    var row =
        jdbc.sql(
                "SELECT owner_agency, tlp, cui_category, sent_by, source FROM taxii_object"
                    + " WHERE stix_id = :id")
            .param("id", report)
            .query()
            .singleRow();
    assertThat(row)
        .containsEntry("owner_agency", agency)
        .containsEntry("tlp", "GREEN")
        .containsEntry("cui_category", "LEI")
        .containsEntry("sent_by", importer.caller().username())
        .containsEntry("source", url);
    assertThat(
            jdbc.sql("SELECT tlp FROM taxii_object WHERE stix_id = :id")
                .param("id", identity)
                .query(String.class)
                .single())
        .isEqualTo("AMBER");
  }

  @Test
  void keepsEveryVersionAPartnerServesWithItsProvenanceAndStoresEachOnce() {
    String url = base() + "versioned/";
    versions.addAll(List.of("2026-06-01T00:00:00.000Z", "2026-06-02T00:00:00.000Z"));
    TaxiiPoll.Polled first = poll.poll(importer, URI.create(url), null, null);
    assertThat(asked.get(0)).contains("match%5Bversion%5D=all");
    assertThat(first.status().get("success_count").asInt()).isEqualTo(2);
    assertThat(storedVersions()).containsExactly(versions.get(0), versions.get(1));

    // amended again: the next poll brings all three, and stores only the one it lacked
    versions.add("2026-06-03T00:00:00.000Z");
    TaxiiPoll.Polled second = poll.poll(importer, URI.create(url), null, null);
    assertThat(second.received()).isEqualTo(3);
    assertThat(storedVersions()).containsExactlyElementsOf(versions);
    assertThat(
            jdbc.sql("SELECT DISTINCT source FROM taxii_object WHERE stix_id = :id")
                .param("id", report)
                .query(String.class)
                .list())
        .containsExactly(url);
    poll.poll(importer, URI.create(url), null, null);
    assertThat(rows(report)).as("a version held is never imported again").isEqualTo(3);
  }

  List<String> storedVersions() {
    return jdbc.sql(
            "SELECT stix_version FROM taxii_object WHERE stix_id = :id ORDER BY stix_version")
        .param("id", report)
        .query(String.class)
        .list();
  }

  /** The partner's report as amended at {@code modified}. */
  String amended(String modified) {
    return """
        {"type": "report", "spec_version": "2.1", "id": "%s",
         "created": "2026-06-01T00:00:00.000Z", "modified": "%s",
         "name": "Precursor broker, as of %s", "published": "2026-06-01T00:00:00.000Z",
         "object_refs": ["%s"], "object_marking_refs": ["%s"]}
        """
        .formatted(report, modified, modified, identity, StixMarkings.tlpId(Tlp.GREEN));
  }

  @Test
  void aPartnerSendingAnInvalidObjectGetsNothingStored() {
    TaxiiPoll.Polled polled = poll.poll(importer, URI.create(base() + "bad/"), null, null);
    assertThat(polled.status().get("success_count").asInt()).isZero();
    assertThat(polled.status().get("failure_count").asInt()).isEqualTo(2);
    assertThat(rows(report)).isZero();
  }

  @Test
  void refusedCredentialsAndAnswersThatAreNotTaxiiStoreNothing() {
    assertThatThrownBy(
            () -> poll.poll(importer, URI.create(base() + "locked/"), "Basic eDp5", null))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("answered 401: sign in first");
    assertThatThrownBy(() -> poll.poll(importer, URI.create(base() + "html/"), null, null))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("not a TAXII 2.1 envelope");
    assertThatThrownBy(() -> poll.poll(importer, URI.create("file:///etc/passwd/"), null, null))
        .isInstanceOf(InvalidRequest.class);
    assertThat(rows(report)).isZero();
  }

  String base() {
    return "http://127.0.0.1:" + partner.getAddress().getPort() + "/taxii2/root/collections/";
  }

  long rows(String stixId) {
    return jdbc.sql("SELECT COUNT(*) FROM taxii_object WHERE stix_id = :id")
        .param("id", stixId)
        .query(Long.class)
        .single();
  }

  String report() {
    return """
        {"type": "report", "spec_version": "2.1", "id": "%s",
         "created": "2026-05-01T00:00:00.000Z", "modified": "2026-05-01T00:00:00.000Z",
         "name": "Precursor broker", "published": "2026-05-01T00:00:00.000Z",
         "object_refs": ["%s"], "object_marking_refs": ["%s", "%s"]}
        """
        .formatted(
            report, identity, StixMarkings.tlpId(Tlp.GREEN), StixMarkings.statementId("CUI//LEI"));
  }

  String identity() {
    return """
        {"type": "identity", "spec_version": "2.1", "id": "%s",
         "created": "2026-05-02T00:00:00.000Z", "modified": "2026-05-02T00:00:00.000Z",
         "name": "Broker Ltd", "identity_class": "organization"}
        """
        .formatted(identity);
  }

  void record(HttpExchange exchange) {
    asked.add(
        exchange.getRequestURI()
            + " "
            + exchange.getRequestHeaders().getFirst("Authorization")
            + " "
            + exchange.getRequestHeaders().getFirst("PressTrace-Purpose")
            + " "
            + exchange.getRequestHeaders().getFirst("Accept"));
  }

  static void answer(HttpExchange exchange, int status, String type, String body, String lastAdded)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    if (lastAdded != null) {
      exchange.getResponseHeaders().add("X-TAXII-Date-Added-Last", lastAdded);
    }
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
