package org.presstrace.exchange.taxii;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
import org.presstrace.exchange.taxii.TaxiiFeed.FeedOutcome;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A scheduled feed polls a loopback partner as the configured user, imports with provenance, and
 * sends the partner's last added date as the next poll's added_after; a partner that refuses,
 * fails, answers HTML or invalid STIX gets nothing stored, the cursor stays where it was, and the
 * feed backs off.
 */
@PressTraceIntegrationTest
class TaxiiFeedsIntegrationTests {

  static final String TAXII = "application/taxii+json;version=2.1";
  static final String FIRST_ADDED = "2026-05-01T00:00:00.000Z";
  static final String SECOND_ADDED = "2026-05-02T00:00:00.000Z";

  @Autowired TaxiiFeeds feeds;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;

  HttpServer partner;
  final List<String> asked = new CopyOnWriteArrayList<>();
  volatile String mode = "good";
  volatile CountDownLatch hold;
  World world;
  AccessContext admin;
  String agency;
  String analyst;
  String report;
  String identity;
  String laterIdentity;

  @BeforeEach
  void partner() throws IOException {
    world = new World(directory);
    agency = world.agency("CBP", AgencyKind.FEDERAL, "USA");
    analyst = world.user("analyst", agency, Role.ANALYST);
    admin = world.as(world.user("admin", agency, Role.ADMINISTRATOR), Channel.API);
    report = "report--" + StixIds.uuid5("feed-report-" + world.suffix());
    identity = "identity--" + StixIds.uuid5("feed-identity-" + world.suffix());
    laterIdentity = "identity--" + StixIds.uuid5("feed-later-" + world.suffix());
    feeds.environment(
        Map.of(
                "PRESSTRACE_TAXII_PARTNER_TOKEN",
                "s3cret-token",
                "PRESSTRACE_TAXII_BROKEN",
                "Basic s3cret-broken\r\nX-Injected: 1")
            ::get);
    partner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    partner.createContext("/taxii2/root/collections/feed/objects/", this::serve);
    partner.start();
  }

  @AfterEach
  void stop() {
    partner.stop(0);
    feeds.environment(null);
    feeds.list(admin).forEach(feed -> feeds.setEnabled(admin, feed.id(), false));
  }

  @Test
  void pollsImportsWithProvenanceAndAsksOnlyForWhatIsNewNext() {
    TaxiiFeed feed = add("PT15M", "BEARER", "PRESSTRACE_TAXII_PARTNER_TOKEN");

    assertThat(feeds.sweep(Instant.now().plusSeconds(1))).isPositive();

    assertThat(asked).hasSize(1);
    assertThat(asked.get(0))
        .doesNotContain("added_after")
        .contains("Bearer s3cret-token")
        .contains("Scheduled TAXII poll of " + feed.name());
    TaxiiFeed first = feeds.get(admin, feed.id());
    assertThat(first.lastOutcome()).isEqualTo(FeedOutcome.IMPORTED);
    assertThat(first.addedAfter()).isEqualTo(Instant.parse(FIRST_ADDED));
    assertThat(first.totalReceived()).isEqualTo(3);
    assertThat(first.consecutiveFailures()).isZero();
    assertThat(first.nextPollAt()).isEqualTo(first.lastPollAt().plus(Duration.ofMinutes(15)));
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
        .containsEntry("sent_by", analyst)
        .containsEntry("source", feed.collectionUrl());

    // Not due again before its interval.
    assertThat(feeds.pollOnce(feed.id(), Instant.now())).isFalse();
    assertThat(feeds.pollOnce(feed.id(), Instant.now().plus(Duration.ofMinutes(16)))).isTrue();

    assertThat(asked).hasSize(2);
    assertThat(asked.get(1)).contains("added_after=2026-05-01T00%3A00%3A00Z");
    TaxiiFeed second = feeds.get(admin, feed.id());
    assertThat(second.addedAfter()).isEqualTo(Instant.parse(SECOND_ADDED));
    assertThat(second.totalReceived()).isEqualTo(4);
    assertThat(rows(laterIdentity)).isEqualTo(1);
    assertThat(rows(report)).isEqualTo(1);

    assertThat(feeds.pollOnce(feed.id(), Instant.now().plus(Duration.ofMinutes(16)))).isTrue();
    assertThat(asked.get(2)).contains("added_after=2026-05-02T00%3A00%3A00Z");
    TaxiiFeed third = feeds.get(admin, feed.id());
    assertThat(third.lastOutcome()).isEqualTo(FeedOutcome.NOTHING_NEW);
    assertThat(third.addedAfter()).isEqualTo(Instant.parse(SECOND_ADDED));

    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_event WHERE action = 'POLL' AND record_id = :id"
                        + " AND username = :user AND purpose = :purpose")
                .param("id", feed.id())
                .param("user", analyst)
                .param("purpose", "Scheduled TAXII poll of " + feed.name())
                .query(Long.class)
                .single())
        .isEqualTo(3);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE detail LIKE '%s3cret-token%'")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aFailingPartnerKeepsTheCursorStoresNothingAndBacksOff() {
    TaxiiFeed feed = add("PT10M", "NONE", null);
    assertThat(feeds.pollOnce(feed.id(), far())).isTrue();
    Instant cursor = feeds.get(admin, feed.id()).addedAfter();
    assertThat(cursor).isEqualTo(Instant.parse(FIRST_ADDED));

    int failures = 0;
    for (String failing : List.of("401", "500", "html", "invalid")) {
      mode = failing;
      assertThat(feeds.pollOnce(feed.id(), far())).isTrue();
      failures++;
      TaxiiFeed failed = feeds.get(admin, feed.id());
      assertThat(failed.lastOutcome()).as(failing).isEqualTo(FeedOutcome.REFUSED);
      assertThat(failed.addedAfter()).as(failing).isEqualTo(cursor);
      assertThat(failed.consecutiveFailures()).as(failing).isEqualTo(failures);
      assertThat(failed.backingOff()).isTrue();
      assertThat(failed.lastDetail()).as(failing).contains("backing off");
      assertThat(failed.nextPollAt())
          .as(failing)
          .isEqualTo(failed.lastPollAt().plus(Duration.ofMinutes(10).multipliedBy(1L << failures)));
      assertThat(failed.totalReceived()).isEqualTo(3);
    }
    assertThat(rows(laterIdentity)).isZero();
    assertThat(feeds.get(admin, feed.id()).lastDetail()).contains("refused 2 of 2 objects");

    // Backing off: not due one interval later.
    int before = asked.size();
    assertThat(feeds.pollOnce(feed.id(), Instant.now().plus(Duration.ofMinutes(11)))).isFalse();
    assertThat(asked).hasSize(before);

    // Back again: the poll resumes from the kept cursor, so nothing was skipped.
    mode = "good";
    assertThat(feeds.pollOnce(feed.id(), far())).isTrue();
    assertThat(asked.get(asked.size() - 1)).contains("added_after=2026-05-01T00%3A00%3A00Z");
    TaxiiFeed recovered = feeds.get(admin, feed.id());
    assertThat(recovered.lastOutcome()).isEqualTo(FeedOutcome.IMPORTED);
    assertThat(recovered.consecutiveFailures()).isZero();
    assertThat(rows(laterIdentity)).isEqualTo(1);
  }

  @Test
  void anUnreachablePartnerOrAMissingCredentialIsRecordedAndBacksOff() throws IOException {
    int closed;
    try (var socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    TaxiiFeed down =
        feeds.add(
            admin,
            new TaxiiFeeds.NewFeed(
                "down " + world.suffix(),
                "http://127.0.0.1:" + closed + "/taxii2/root/collections/feed/",
                analyst,
                null,
                null,
                "PT1M"));
    assertThat(feeds.pollOnce(down.id(), far())).isTrue();
    TaxiiFeed unreachable = feeds.get(admin, down.id());
    assertThat(unreachable.lastOutcome()).isEqualTo(FeedOutcome.UNREACHABLE);
    assertThat(unreachable.nextPollAt()).isEqualTo(unreachable.lastPollAt().plusSeconds(120));

    TaxiiFeed unset = add("PT1M", "HEADER", "PRESSTRACE_TAXII_NOT_SET");
    assertThat(feeds.pollOnce(unset.id(), far())).isTrue();
    TaxiiFeed refused = feeds.get(admin, unset.id());
    assertThat(refused.lastOutcome()).isEqualTo(FeedOutcome.REFUSED);
    assertThat(refused.lastDetail()).contains("PRESSTRACE_TAXII_NOT_SET is not set");

    TaxiiFeed broken = add("PT2M", "HEADER", "PRESSTRACE_TAXII_BROKEN");
    assertThat(feeds.pollOnce(broken.id(), far())).isTrue();
    TaxiiFeed injected = feeds.get(admin, broken.id());
    assertThat(injected.lastOutcome()).isEqualTo(FeedOutcome.REFUSED);
    assertThat(injected.lastDetail()).doesNotContain("s3cret");
    assertThat(asked).isEmpty();
  }

  @Test
  void aDisabledFeedIsNotPolledAndADisabledImporterImportsNothing() {
    TaxiiFeed feed = add("PT1M", "NONE", null);
    feeds.setEnabled(admin, feed.id(), false);
    assertThat(feeds.pollOnce(feed.id(), far())).isFalse();
    feeds.setEnabled(admin, feed.id(), true);
    directory.setEnabled(admin, analyst, false);
    assertThat(feeds.pollOnce(feed.id(), far())).isTrue();
    assertThat(feeds.get(admin, feed.id()).lastDetail()).contains("disabled or gone");
    assertThat(asked).isEmpty();
    assertThat(rows(report)).isZero();
  }

  @Test
  void onlyOneSweepRunsAtATime() throws Exception {
    TaxiiFeed feed = add("PT1M", "NONE", null);
    hold = new CountDownLatch(1);
    var entered = new CountDownLatch(1);
    mode = "hold";
    var first =
        new Thread(
            () -> {
              entered.countDown();
              feeds.sweep(far());
            });
    first.start();
    entered.await();
    for (int i = 0; i < 200 && asked.isEmpty(); i++) {
      Thread.sleep(25);
    }
    assertThat(asked).hasSize(1);
    assertThat(feeds.sweep(far())).isEqualTo(-1);
    hold.countDown();
    first.join(TimeUnit.SECONDS.toMillis(30));
    assertThat(asked).hasSize(1);
    assertThat(feeds.get(admin, feed.id()).lastOutcome()).isEqualTo(FeedOutcome.IMPORTED);
  }

  @Test
  void backOffDoublesUpToADay() {
    assertThat(TaxiiFeeds.backOff(Duration.ofMinutes(1), 1)).isEqualTo(Duration.ofMinutes(2));
    assertThat(TaxiiFeeds.backOff(Duration.ofMinutes(1), 3)).isEqualTo(Duration.ofMinutes(8));
    assertThat(TaxiiFeeds.backOff(Duration.ofHours(9), 2)).isEqualTo(Duration.ofDays(1));
    assertThat(TaxiiFeeds.backOff(Duration.ofMinutes(1), 10_000)).isEqualTo(Duration.ofDays(1));
  }

  TaxiiFeed add(String interval, String auth, String env) {
    return feeds.add(
        admin,
        new TaxiiFeeds.NewFeed(
            "partner " + world.suffix() + " " + interval + " " + auth,
            base() + "feed/",
            analyst,
            auth,
            env,
            interval));
  }

  static Instant far() {
    return Instant.now().plus(Duration.ofDays(3));
  }

  void serve(HttpExchange exchange) throws IOException {
    asked.add(
        exchange.getRequestURI()
            + " "
            + exchange.getRequestHeaders().getFirst("Authorization")
            + " "
            + exchange.getRequestHeaders().getFirst("PressTrace-Purpose"));
    String query = exchange.getRequestURI().getRawQuery();
    switch (mode) {
      case "401" ->
          answer(exchange, 401, "application/problem+json", "{\"detail\": \"who?\"}", null);
      case "500" -> answer(exchange, 500, TAXII, "{\"title\": \"down\"}", null);
      case "html" -> answer(exchange, 200, "text/html", "<html>login</html>", null);
      case "invalid" ->
          answer(
              exchange,
              200,
              TAXII,
              "{\"objects\": ["
                  + identity(laterIdentity, SECOND_ADDED)
                  + ", {\"type\": \"report\", \"spec_version\": \"2.1\", \"id\": \"report--x\"}]}",
              SECOND_ADDED);
      default -> {
        if ("hold".equals(mode)) {
          try {
            hold.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        if (query.contains("added_after=2026-05-02")) {
          answer(exchange, 200, TAXII, "{\"more\": false}", null);
        } else if (query.contains("added_after=2026-05-01")) {
          answer(
              exchange,
              200,
              TAXII,
              "{\"objects\": [" + identity(laterIdentity, SECOND_ADDED) + "]}",
              SECOND_ADDED);
        } else {
          answer(
              exchange,
              200,
              TAXII,
              "{\"objects\": ["
                  + StixMarkings.statementDefinition("CUI//LEI")
                  + ","
                  + report()
                  + ","
                  + identity(identity, FIRST_ADDED)
                  + "]}",
              FIRST_ADDED);
        }
      }
    }
  }

  String base() {
    return "http://127.0.0.1:" + partner.getAddress().getPort() + "/taxii2/root/collections/";
  }

  long rows(String stixId) {
    return jdbc.sql("SELECT COUNT(*) FROM taxii_object WHERE stix_id = :id AND owner_agency = :a")
        .param("id", stixId)
        .param("a", agency)
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

  static String identity(String id, String at) {
    return """
        {"type": "identity", "spec_version": "2.1", "id": "%s",
         "created": "%s", "modified": "%s",
         "name": "Broker Ltd", "identity_class": "organization"}
        """
        .formatted(id, at, at);
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
