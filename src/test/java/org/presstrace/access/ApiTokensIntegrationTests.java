package org.presstrace.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * API tokens as their holders, administrators and attackers use them: shown once, kept as a hash,
 * never wider than what the holder holds, refused once revoked, expired or out of scope.
 */
@PressTraceIntegrationTest
class ApiTokensIntegrationTests {

  @Autowired MockMvcTester mvc;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;

  private World world;
  private String agency;
  private String investigator;
  private String administrator;
  private String analyst;

  @BeforeEach
  void setUp() {
    world = new World(directory);
    agency = world.agency("FED", AgencyKind.FEDERAL, "USA");
    investigator = world.user("investigator", agency, Role.INVESTIGATOR, Role.SUPERVISOR);
    administrator = world.user("admin", agency, Role.ADMINISTRATOR);
    analyst = world.user("analyst", agency, Role.ANALYST);
  }

  @Test
  void creationShowsTheSecretOnceAndStoresOnlyItsHash() {
    MvcTestResult created = create(investigator, body("ci", "[\"investigator\"]", inDays(30)));

    assertThat(created).hasStatus(HttpStatus.CREATED);
    assertThat(created).headers().hasValue(HttpHeaders.CACHE_CONTROL, "no-store");
    String secret = field(created, "$.secret");
    String id = field(created, "$.id");
    assertThat(secret).matches("pt_[A-Za-z0-9_-]{43}");

    Map<String, Object> row =
        jdbc.sql("SELECT * FROM api_token WHERE id = :id").param("id", id).query().singleRow();
    assertThat(row.values())
        .allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(secret.substring(3)));
    assertThat(row.entrySet())
        .anySatisfy(
            column ->
                assertThat(String.valueOf(column.getValue()).toLowerCase())
                    .isEqualTo(sha256(secret)));

    MvcTestResult listed =
        mvc.get().uri("/api/v1/tokens").with(httpBasic(investigator, World.PASSWORD)).exchange();
    assertThat(listed).hasStatusOk();
    assertThat(listed).bodyText().contains(id).doesNotContain(secret).doesNotContain("secret");
  }

  @Test
  void tokenSignsInAsItsHolderAndRecordsItsLastUse() {
    String secret = secretOf(create(investigator, body("ci", "[\"investigator\"]", inDays(30))));

    assertThat(agencies(secret)).hasStatusOk();

    Instant lastUsed =
        jdbc.sql("SELECT last_used_at FROM api_token WHERE username = :u")
            .param("u", investigator)
            .query(OffsetDateTime.class)
            .single()
            .toInstant();
    assertThat(lastUsed).isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
    assertThat(
            mvc.get()
                .uri("/api/v1/tokens")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + secret)
                .exchange())
        .bodyJson()
        .extractingPath("$[0].lastUsedAt")
        .isNotNull();
  }

  @Test
  void tokenActsWithItsRolesOnlyNotAllItsHolderHas() {
    String secret = secretOf(create(investigator, body("ci", "[\"investigator\"]", inDays(30))));
    String compartment = "{\"code\":\"OP-" + world.suffix() + "\",\"name\":\"Op\"}";

    assertThat(
            mvc.post()
                .uri("/api/v1/compartments")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + secret)
                .contentType(MediaType.APPLICATION_JSON)
                .content(compartment))
        .hasStatus(HttpStatus.FORBIDDEN);
    assertThat(
            mvc.post()
                .uri("/api/v1/compartments")
                .with(httpBasic(investigator, World.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(compartment))
        .hasStatus(HttpStatus.CREATED);
  }

  @Test
  void revokedTokenIsRefused() {
    MvcTestResult created = create(investigator, body("ci", "[\"investigator\"]", inDays(30)));
    String secret = secretOf(created);
    String id = field(created, "$.id");
    assertThat(agencies(secret)).hasStatusOk();

    assertThat(
            mvc.delete()
                .uri("/api/v1/tokens/{id}", id)
                .with(httpBasic(investigator, World.PASSWORD)))
        .hasStatus(HttpStatus.NO_CONTENT);

    assertRefused(agencies(secret));
    assertThat(audited(id)).containsExactlyInAnyOrder("CREATE", "REVOKE");
  }

  @Test
  void anotherUserCannotRevokeOrSeeSomeoneElsesToken() {
    MvcTestResult created = create(investigator, body("ci", "[\"investigator\"]", inDays(30)));
    String id = field(created, "$.id");

    assertThat(mvc.delete().uri("/api/v1/tokens/{id}", id).with(httpBasic(analyst, World.PASSWORD)))
        .hasStatus(HttpStatus.NOT_FOUND);
    assertThat(mvc.get().uri("/api/v1/tokens").with(httpBasic(analyst, World.PASSWORD)))
        .bodyText()
        .doesNotContain(id);
    assertThat(agencies(secretOf(created))).hasStatusOk();
  }

  @Test
  void expiredTokenIsRefused() {
    String secret = secretOf(create(investigator, body("ci", "[\"investigator\"]", inDays(1))));
    jdbc.sql("UPDATE api_token SET expires_at = :past WHERE username = :u")
        .param("past", OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1))
        .param("u", investigator)
        .update();

    assertRefused(agencies(secret));
  }

  @Test
  void tokenWhoseHolderLostARoleOfItsScopeIsRefused() {
    String secret =
        secretOf(create(investigator, body("ci", "[\"investigator\",\"supervisor\"]", inDays(9))));
    jdbc.sql("DELETE FROM user_role WHERE username = :u AND role = 'SUPERVISOR'")
        .param("u", investigator)
        .update();

    assertRefused(agencies(secret));
  }

  @Test
  void tokenOfADisabledHolderIsRefused() {
    String disabled = secretOf(create(analyst, body("a", "[\"analyst\"]", inDays(9))));
    directory.setEnabled(world.as(administrator, Channel.API), analyst, false);

    assertRefused(agencies(disabled));
  }

  /**
   * Failed password guesses delay password sign-ins only: a stranger guessing the holder's password
   * must not be able to switch off a service's token.
   */
  @Test
  void passwordGuessesDoNotSwitchOffTheHoldersToken() throws Exception {
    String token = secretOf(create(investigator, body("i", "[\"investigator\"]", inDays(9))));
    for (int i = 0; i < 6; i++) {
      mvc.get().uri("/api/v1/agencies").with(httpBasic(investigator, "guess " + i)).exchange();
    }

    assertThat(agencies(token)).hasStatusOk();
  }

  @Test
  void administratorCannotMintATokenWithARoleItLacks() {
    MvcTestResult own = create(administrator, body("x", "[\"analyst\"]", inDays(9)));
    MvcTestResult forAnalyst =
        create(
            administrator,
            "{\"name\":\"svc\",\"username\":\""
                + analyst
                + "\",\"roles\":[\"analyst\"],\"expiresAt\":\""
                + inDays(9)
                + "\"}");

    assertThat(own).hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("roles");
    assertThat(forAnalyst).hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("roles");
    assertThat(tokensOf(administrator) + tokensOf(analyst)).isZero();
  }

  @Test
  void administratorMintsAServiceTokenWithRolesBothHold() {
    String service = world.user("svc", agency, Role.ADMINISTRATOR);
    MvcTestResult created =
        create(
            administrator,
            "{\"name\":\"sync\",\"username\":\""
                + service
                + "\",\"roles\":[\"administrator\"],\"expiresAt\":\""
                + inDays(9)
                + "\"}");

    assertThat(created).hasStatus(HttpStatus.CREATED);
    assertThat(created).bodyJson().extractingPath("$.kind").isEqualTo("SERVICE");
    assertThat(created).bodyJson().extractingPath("$.username").isEqualTo(service);
    assertThat(agencies(secretOf(created))).hasStatusOk();
  }

  @Test
  void aUserWhoIsNotAnAdministratorCannotMintForSomeoneElse() {
    MvcTestResult created =
        create(
            investigator,
            "{\"name\":\"x\",\"username\":\""
                + analyst
                + "\",\"roles\":[\"analyst\"],\"expiresAt\":\""
                + inDays(9)
                + "\"}");

    assertThat(created).hasStatus(HttpStatus.FORBIDDEN);
    assertThat(tokensOf(analyst)).isZero();
  }

  @Test
  void expiryIsRequiredInTheFutureAndBounded() {
    assertThat(create(investigator, "{\"name\":\"x\",\"roles\":[\"investigator\"]}"))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .bodyText()
        .contains("expiresAt");
    assertThat(create(investigator, body("x", "[\"investigator\"]", inDays(400))))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .bodyText()
        .contains("expiresAt");
    assertThat(create(investigator, body("x", "[\"investigator\"]", inDays(-1))))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .bodyText()
        .contains("expiresAt");
    assertThat(create(investigator, body("x", "[]", inDays(3))))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .bodyText()
        .contains("roles");
    assertThat(create(investigator, body("", "[\"investigator\"]", inDays(3))))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .bodyText()
        .contains("name");
    assertThat(tokensOf(investigator)).isZero();
  }

  @Test
  void malformedOrUnknownTokensAreRefused() {
    assertRefused(agencies("pt_"));
    assertRefused(agencies("pt_not-a-token"));
    assertRefused(agencies("pt_" + "A".repeat(43)));
  }

  private MvcTestResult create(String username, String json) {
    return mvc.post()
        .uri("/api/v1/tokens")
        .with(httpBasic(username, World.PASSWORD))
        .contentType(MediaType.APPLICATION_JSON)
        .content(json)
        .exchange();
  }

  private MvcTestResult agencies(String secret) {
    return mvc.get()
        .uri("/api/v1/agencies")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + secret)
        .exchange();
  }

  private static void assertRefused(MvcTestResult result) {
    assertThat(result)
        .hasStatus(HttpStatus.UNAUTHORIZED)
        .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }

  private static String body(String name, String roles, Instant expiresAt) {
    return "{\"name\":\""
        + name
        + "\",\"roles\":"
        + roles
        + ",\"expiresAt\":\""
        + expiresAt
        + "\"}";
  }

  private static Instant inDays(int days) {
    return Instant.now().plus(Duration.ofDays(days));
  }

  private static String secretOf(MvcTestResult created) {
    assertThat(created).hasStatus(HttpStatus.CREATED);
    return field(created, "$.secret");
  }

  private static String field(MvcTestResult result, String path) {
    try {
      return JsonPath.read(result.getResponse().getContentAsString(), path);
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private long tokensOf(String username) {
    return jdbc.sql("SELECT COUNT(*) FROM api_token WHERE username = :u")
        .param("u", username)
        .query(Long.class)
        .single();
  }

  private List<String> audited(String id) {
    return jdbc.sql("SELECT action FROM audit_event WHERE kind = 'api_token' AND record_id = :id")
        .param("id", id)
        .query(String.class)
        .list();
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static org.assertj.core.data.TemporalUnitOffset within(Duration duration) {
    return new org.assertj.core.data.TemporalUnitWithinOffset(
        duration.toSeconds(), java.time.temporal.ChronoUnit.SECONDS);
  }
}
