package org.presstrace.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
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
import org.presstrace.support.TwoNodes;
import org.presstrace.support.World;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two PressTrace nodes on one PostgreSQL schema share one outbox: a partner (a slow one, so that
 * two senders would overlap) receives every message exactly once, because delivering the outbox is
 * one cluster-wide recurring task run by one node at a time, not a timer on each node.
 *
 * <p>Tagged {@code two-nodes}: {@code ./mvnw test -Ptwo-nodes -Dtest=OutboxTwoNodeTests} with
 * {@code PRESSTRACE_TEST_PG_*} set.
 */
@Tag("two-nodes")
@EnabledIfEnvironmentVariable(named = "PRESSTRACE_TEST_PG_URL", matches = ".+")
class OutboxTwoNodeTests {

  static final Pattern MESSAGE_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

  static ConfigurableApplicationContext a;
  static ConfigurableApplicationContext b;
  static HttpServer partner;
  static final List<String> received = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void twoNodesAndAPartner(@TempDir Path dir) throws Exception {
    partner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    partner.createContext(
        "/exchange/v1/messages",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          Matcher id = MESSAGE_ID.matcher(body);
          received.add(id.find() ? id.group(1) : body);
          try {
            // a slow partner: a second sender would start on the same message meanwhile
            Thread.sleep(400);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          byte[] answer = "{\"status\":\"accepted\"}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    partner.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    partner.start();

    Path data = Files.createDirectories(dir.resolve("data"));
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
    String schema = TwoNodes.freshSchema();
    String[] outbox = {
      "--presstrace.exchange.outbox.poll=200ms",
      "--presstrace.exchange.outbox.first-retry=200ms",
      "--presstrace.exchange.outbox.max-retry=1s",
      "--presstrace.cluster.poll=200ms"
    };
    a = TwoNodes.start("node-a", TwoNodes.freePort(), schema, data, outbox);
    b = TwoNodes.start("node-b", TwoNodes.freePort(), schema, data, outbox);
  }

  @AfterAll
  static void stop() {
    if (b != null) {
      b.close();
    }
    if (a != null) {
      a.close();
    }
    if (partner != null) {
      partner.stop(0);
    }
  }

  @Test
  void everyMessageReachesThePartnerOnceWithTwoNodesUp() throws Exception {
    var world = new World(a.getBean(Directory.class));
    Directory directory = a.getBean(Directory.class);
    directory.ensureAgency(directory.operatorAgency(), "Operations", AgencyKind.FEDERAL, "USA");
    AccessContext admin =
        world.as(world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.API);
    String agency = world.agency("DEA", AgencyKind.FEDERAL, "USA");
    AccessContext investigator =
        world.as(world.user("investigator", agency, Role.INVESTIGATOR), Channel.API);
    String partnerId = "pt-two-nodes-" + world.suffix().toLowerCase(Locale.ROOT);
    String key =
        Base64.getEncoder()
            .encodeToString(
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded());
    a.getBean(Partners.class)
        .pair(
            admin,
            "{\"id\":\""
                + partnerId
                + "\",\"country\":\"CHN\",\"authority\":\"MPS\",\"baseUrl\":\"http://127.0.0.1:"
                + partner.getAddress().getPort()
                + "\",\"publicKey\":\""
                + key
                + "\"}",
            null,
            List.of("report"));

    var sent = new ArrayList<String>();
    for (int i = 0; i < 6; i++) {
      // queued on either node: the outbox is the cluster's
      PartnerOutbox outbox = (i % 2 == 0 ? a : b).getBean(PartnerOutbox.class);
      sent.add(
          outbox
              .send(
                  investigator,
                  partnerId,
                  "report",
                  "{\"n\":" + i + "}",
                  Marking.of(agency, Tlp.GREEN))
              .messageId());
    }
    var jdbc = JdbcClient.create(a.getBean(DataSource.class));
    TwoNodes.await(
        Duration.ofSeconds(60),
        "every message delivered",
        () ->
            jdbc.sql(
                        "SELECT COUNT(*) FROM exchange_outbox WHERE partner_id = :p"
                            + " AND delivered_at IS NOT NULL")
                    .param("p", partnerId)
                    .query(Long.class)
                    .single()
                == sent.size());
    // give a second sender every chance to send again
    Thread.sleep(3000);

    assertThat(received).as("each message once, in order").containsExactlyElementsOf(sent);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'exchange-outbox'")
                .query(Long.class)
                .single())
        .as("one delivery schedule for the cluster")
        .isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'taxii-feeds'")
                .query(Long.class)
                .single())
        .as("feed sweeps are off here, so not scheduled at all")
        .isZero();
    List<String> nodes =
        jdbc.sql("SELECT DISTINCT node FROM sweep_run WHERE sweep = 'exchange-outbox'")
            .query(String.class)
            .list();
    assertThat(nodes).as("the delivery runs are logged with the node that ran each").isNotEmpty();
    assertThat(nodes).isSubsetOf("node-a", "node-b");
  }
}
