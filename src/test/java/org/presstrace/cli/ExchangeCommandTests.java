package org.presstrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code presstrace exchange identity} prints this instance's pairing text; {@code presstrace
 * exchange pair --file F} adds a partner from one, and refuses a bad one in one line, storing
 * nothing.
 */
class ExchangeCommandTests {

  @TempDir Path dir;

  private CommandLineData cli;

  @BeforeEach
  void data() {
    cli = new CommandLineData(dir);
  }

  @Test
  void printsTheIdentityAndPairsFromAPairingTextRefusingBadOnes() throws Exception {
    cli.seedAdministratorAndAnalyst();
    assertThat(cli.run("exchange", "identity")).as(cli.err()).isZero();
    String identity = cli.out().strip();
    assertThat(identity)
        .matches(
            "\\{\"id\":\"pt-[0-9a-f]{16}\",\"country\":\"USA\",\"authority\":\"[^\"]+\","
                + "\"baseUrl\":\"http://localhost:8080\",\"publicKey\":\"[A-Za-z0-9+/=]+\"}");
    assertThat(cli.run("exchange", "identity")).isZero();
    assertThat(cli.out().strip()).as("the key is kept").isEqualTo(identity);
    Path keyFile = cli.path().resolve("exchange-ed25519.key");
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
    assertThat(cli.count("SELECT COUNT(*) FROM exchange_partner")).isZero();

    Path good = write(pairing("pt-partner-cn", "CHN", "https://cn.example/", key));
    assertThat(
            cli.run(
                "exchange",
                "pair",
                "--file",
                good.toString(),
                "--user",
                "admin",
                "--types",
                "notice,incident"))
        .as(cli.err())
        .isZero();
    assertThat(cli.out())
        .contains(
            "paired with pt-partner-cn (Ministry of Public Security, CHN) at https://cn.example"
                + " as agency PT-PARTNER-CN; types [incident, notice]");
    assertThat(cli.count("SELECT COUNT(*) FROM exchange_partner")).isEqualTo(1);

    assertThat(cli.run("exchange", "pair", "--file", good.toString(), "--user", "analyst"))
        .isEqualTo(PressTraceCommand.EXIT_FAILURE);
    assertThat(cli.err().strip())
        .isEqualTo("presstrace: only administrators manage exchange partners");
  }

  private void assertRefused(String text, String problem) throws IOException {
    Path file = write(text);
    assertThat(cli.run("exchange", "pair", "--file", file.toString(), "--user", "admin"))
        .as(cli.out())
        .isEqualTo(PressTraceCommand.EXIT_FAILURE);
    assertThat(cli.err()).startsWith("presstrace: ").contains(problem);
    assertThat(cli.err().strip().lines().count()).isEqualTo(1);
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
}
