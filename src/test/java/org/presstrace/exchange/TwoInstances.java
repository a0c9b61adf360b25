package org.presstrace.exchange;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.UUID;
import org.presstrace.PressTraceApplication;
import org.presstrace.exchange.internal.OutboxSender;
import org.presstrace.exchange.internal.SignatureProfile;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the two-instance tests share: a PressTrace instance on loopback with its own file database
 * and data directory, and requests signed as a paired instance would sign them.
 */
final class TwoInstances {

  private TwoInstances() {}

  /**
   * Starts an instance of {@code country} on {@code port} with its data under {@code dir/name}
   * (kept across a restart on the same name), its outbox polling and retrying within a second.
   */
  @SafeVarargs
  static ConfigurableApplicationContext start(
      Path dir,
      String name,
      int port,
      String country,
      String authority,
      ApplicationContextInitializer<ConfigurableApplicationContext>... initializers) {
    Path data = dir.resolve(name);
    return new SpringApplicationBuilder(PressTraceApplication.class)
        .initializers(initializers)
        .run(
            "--server.port=" + port,
            "--server.address=127.0.0.1",
            "--presstrace.data-dir=" + data,
            "--spring.datasource.url=jdbc:h2:file:"
                + data.resolve("presstrace")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "--spring.datasource.username=presstrace",
            "--spring.datasource.password=",
            "--logging.level.root=warn",
            "--presstrace.security.argon2.memory-kib=64",
            "--presstrace.security.argon2.iterations=1",
            "--presstrace.registry.compliance.sweep-cron=-",
            "--presstrace.home-country=" + country,
            "--presstrace.exchange.country=" + country,
            "--presstrace.exchange.authority=" + authority,
            "--presstrace.exchange.base-url=http://127.0.0.1:" + port,
            "--presstrace.exchange.outbox.poll=100ms",
            // the outbox is a cluster-wide recurring task: look for it as often as it is due
            "--presstrace.cluster.poll=100ms",
            "--presstrace.exchange.outbox.first-retry=100ms",
            "--presstrace.exchange.outbox.max-retry=500ms",
            "--presstrace.exchange.outbox.timeout=5s");
  }

  /**
   * A message request to the instance on {@code port}, signed with {@code key} as {@code keyId} at
   * {@code created} over {@code signedBody}, carrying {@code sentBody} (the signed body when null;
   * another one to tamper).
   */
  static HttpRequest signed(
      int port, KeyPair key, String keyId, Instant created, byte[] signedBody, byte[] sentBody) {
    String target = "http://127.0.0.1:" + port + OutboxSender.PATH;
    var parameters =
        new SignatureProfile.Parameters(
            created.getEpochSecond(), keyId, UUID.randomUUID().toString(), "ed25519");
    var headers =
        SignatureProfile.sign(
            key.getPrivate(), "POST", target, "application/json", signedBody, parameters);
    return HttpRequest.newBuilder(URI.create(target))
        .header("Content-Type", "application/json")
        .header("Content-Digest", headers.contentDigest())
        .header("Signature-Input", headers.signatureInput())
        .header("Signature", headers.signature())
        .POST(HttpRequest.BodyPublishers.ofByteArray(sentBody == null ? signedBody : sentBody))
        .build();
  }

  /** The answer as "200 status" or "status code", the code being the problem's refusal code. */
  static String post(HttpClient http, HttpRequest request)
      throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    String body = response.body();
    if (response.statusCode() == 200) {
      return "200 " + body.replaceAll(".*\"status\":\"([^\"]*)\".*", "$1");
    }
    return response.statusCode() + " " + body.replaceAll(".*\"code\":\"([^\"]*)\".*", "$1");
  }

  /** Waits up to 30 s for {@code condition}, failing the test when it does not come true. */
  static void await(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 30 s");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** A port free on this machine now. */
  static int freePort() throws IOException {
    try (var socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static final String PASSWORD = "correct-horse-battery";

  /** The operator's administrator and, in {@code agency}, an investigator and an analyst. */
  static void seed(ConfigurableApplicationContext context, String country, String agency) {
    var directory = context.getBean(org.presstrace.access.Directory.class);
    directory.ensureAgency(
        directory.operatorAgency(), "Operator", org.presstrace.access.AgencyKind.FEDERAL, country);
    directory.ensureUser(
        new org.presstrace.access.NewUser(
            "admin",
            "Administrator",
            directory.operatorAgency(),
            java.util.Set.of(org.presstrace.access.Role.ADMINISTRATOR),
            PASSWORD));
    directory.ensureAgency(agency, agency, org.presstrace.access.AgencyKind.FEDERAL, country);
    directory.ensureUser(
        new org.presstrace.access.NewUser(
            "investigator",
            "Investigator",
            agency,
            java.util.Set.of(org.presstrace.access.Role.INVESTIGATOR),
            PASSWORD));
    directory.ensureUser(
        new org.presstrace.access.NewUser(
            "analyst",
            "Analyst",
            agency,
            java.util.Set.of(org.presstrace.access.Role.ANALYST),
            PASSWORD));
  }

  /** {@code username} of the instance, on the API with a stated purpose. */
  static org.presstrace.access.AccessContext as(
      ConfigurableApplicationContext context, String username) {
    return new org.presstrace.access.AccessContext(
        context.getBean(org.presstrace.access.Directory.class).caller(username).orElseThrow(),
        org.presstrace.access.Channel.API,
        new org.presstrace.access.Purpose("Two-instance exchange test"));
  }

  static org.springframework.jdbc.core.simple.JdbcClient jdbc(
      ConfigurableApplicationContext context) {
    return context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
  }

  /** A notice to partner {@code partnerId} of 250.5 kg of {@code substance} by sea. */
  static org.presstrace.exchange.NoticeDraft noticeDraft(String partnerId, String substance) {
    return new org.presstrace.exchange.NoticeDraft(
        partnerId,
        "Acme Fine Chemicals Inc., Newark NJ",
        "Guangzhou Pharma Trading Co.",
        "Guangzhou Pharma Trading Co.",
        substance,
        "250.50",
        "kg",
        10,
        "INV-2026-0042",
        "Newark - Los Angeles - Guangzhou",
        "Port of Los Angeles",
        "Port of Nansha",
        java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(30),
        "sea",
        null);
  }

  /** How many audit entries of {@code action} with {@code outcome} name {@code recordId}. */
  static long audited(
      ConfigurableApplicationContext context, String action, String outcome, String recordId) {
    return jdbc(context)
        .sql(
            "SELECT COUNT(*) FROM audit_event WHERE action = :action AND outcome = :outcome"
                + " AND record_id = :id")
        .param("action", action)
        .param("outcome", outcome)
        .param("id", recordId)
        .query(Long.class)
        .single();
  }
}
