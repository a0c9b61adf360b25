package org.presstrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presstrace.PressTraceApplication;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Directory;
import org.presstrace.access.NewUser;
import org.presstrace.access.Role;
import org.springframework.boot.SpringApplication;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code presstrace exchange identity} prints this instance's pairing text; {@code presstrace
 * exchange pair --file F} adds a partner from one, and refuses a bad one in one line, storing
 * nothing.
 */
class ExchangeCommandTests {

  static final String PASSWORD = "correct-horse-battery";

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void printsTheIdentityAndPairsFromAPairingTextRefusingBadOnes() throws Exception {
    seed();
    assertThat(run("exchange", "identity")).as(err.toString()).isZero();
    String identity = out.toString().strip();
    assertThat(identity)
        .matches(
            "\\{\"id\":\"pt-[0-9a-f]{16}\",\"country\":\"USA\",\"authority\":\"[^\"]+\","
                + "\"baseUrl\":\"http://localhost:8080\",\"publicKey\":\"[A-Za-z0-9+/=]+\"}");
    assertThat(run("exchange", "identity")).isZero();
    assertThat(out.toString().strip()).as("the key is kept").isEqualTo(identity);
    Path keyFile = dir.resolve("data/exchange-ed25519.key");
    assertThat(Files.getPosixFilePermissions(keyFile))
        .containsExactlyInAnyOrder(
            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);

    String key = publicKey();
    assertRefused("{", "the pairing text is not JSON");
    assertRefused("[]", "the pairing text is not a JSON object");
    assertRefused(
        pairing("pt-partner-cn", "CHN", "https://cn.example", "AAAA"),
        "publicKey is not a base64 Ed25519 public key");
    assertRefused(pairing("pt-partner-cn", "XXX", "https://cn.example", key), "XXX");
    assertRefused(
        pairing("pt-partner-cn", "CHN", "ftp://cn.example", key), "is not an http or https URL");
    assertRefused(
        pairing("PT PARTNER", "CHN", "https://cn.example", key), "must be 3-48 lower-case");
    assertRefused(identity, "the pairing text is this instance's own");
    assertThat(partners()).isZero();

    Path good = write(pairing("pt-partner-cn", "CHN", "https://cn.example/", key));
    assertThat(
            run(
                "exchange",
                "pair",
                "--file",
                good.toString(),
                "--user",
                "admin",
                "--types",
                "notice,incident"))
        .as(err.toString())
        .isZero();
    assertThat(out.toString())
        .contains(
            "paired with pt-partner-cn (Ministry of Public Security, CHN) at https://cn.example"
                + " as agency PT-PARTNER-CN; types [incident, notice]");
    assertThat(partners()).isEqualTo(1);

    assertThat(run("exchange", "pair", "--file", good.toString(), "--user", "analyst"))
        .isEqualTo(PressTraceCommand.EXIT_FAILURE);
    assertThat(err.toString().strip())
        .isEqualTo("presstrace: only administrators manage exchange partners");
  }

  private void assertRefused(String text, String problem) throws IOException {
    Path file = write(text);
    assertThat(run("exchange", "pair", "--file", file.toString(), "--user", "admin"))
        .as(out.toString())
        .isEqualTo(PressTraceCommand.EXIT_FAILURE);
    assertThat(err.toString()).startsWith("presstrace: ").contains(problem);
    assertThat(err.toString().strip().lines().count()).isEqualTo(1);
  }

  private static String pairing(String id, String country, String url, String key) {
    return "{\"id\":\""
        + id
        + "\",\"country\":\""
        + country
        + "\",\"authority\":\"Ministry of Public Security\",\"baseUrl\":\""
        + url
        + "\",\"publicKey\":\""
        + key
        + "\"}";
  }

  private static String publicKey() throws NoSuchAlgorithmException {
    return Base64.getEncoder()
        .encodeToString(
            KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded());
  }

  private Path write(String text) throws IOException {
    Path file = Files.createTempFile(dir, "pairing", ".json");
    Files.writeString(file, text);
    return file;
  }

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--data";
    all[args.length + 1] = dir.resolve("data").toString();
    return PressTraceCommand.commandLine(
            PressTraceApplication.class, new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(all);
  }

  private String[] springArguments() {
    Path data = dir.resolve("data");
    DataDirectory.prepare(data, notice -> {});
    return new String[] {
      "--spring.main.web-application-type=none",
      "--logging.level.root=warn",
      "--presstrace.security.argon2.memory-kib=64",
      "--presstrace.security.argon2.iterations=1",
      "--presstrace.data-dir=" + data,
      "--spring.datasource.url=" + StorageOptions.embeddedUrl(data),
      "--spring.datasource.username=presstrace",
      "--spring.datasource.password="
    };
  }

  private void seed() {
    try (var context = new SpringApplication(PressTraceApplication.class).run(springArguments())) {
      Directory directory = context.getBean(Directory.class);
      directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
      directory.ensureUser(
          new NewUser(
              "admin",
              "Administrator",
              directory.operatorAgency(),
              Set.of(Role.ADMINISTRATOR),
              PASSWORD));
      directory.ensureAgency("CBP", "Customs and Border Protection", AgencyKind.FEDERAL, "USA");
      directory.ensureUser(
          new NewUser("analyst", "Analyst", "CBP", Set.of(Role.ANALYST), PASSWORD));
    }
  }

  private long partners() {
    try (var context = new SpringApplication(PressTraceApplication.class).run(springArguments())) {
      return context
          .getBean(JdbcClient.class)
          .sql("SELECT COUNT(*) FROM exchange_partner")
          .query(Long.class)
          .single();
    }
  }
}
