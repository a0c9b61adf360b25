package org.presstrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presstrace.PressTraceApplication;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Marking;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.intel.IntelReportDraft;
import org.presstrace.intel.IntelReports;
import org.presstrace.ledger.Ledger;
import org.presstrace.support.TestDatabase;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code presstrace ledger witness --once} against a live instance over HTTP: it pins the key,
 * accepts a log that grows, and alerts (exit 3) on a head not consistent with the one it saw, on a
 * log that shrank, and on another key.
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
class LedgerWitnessIntegrationTests {

  @LocalServerPort int port;
  @Autowired Directory directory;
  @Autowired IntelReports reports;
  @Autowired Ledger ledger;

  @TempDir Path dir;

  final JsonMapper json = JsonMapper.builder().build();
  AccessContext investigator;
  String agency;
  String username;
  Path state;
  Path password;

  @BeforeEach
  void anInstanceWithSomeLeaves() throws Exception {
    var world = new World(directory);
    agency = world.agency("WIT", AgencyKind.FEDERAL, "USA");
    username = world.user("inv", agency, Role.INVESTIGATOR);
    investigator = world.as(username, Channel.API);
    state = dir.resolve("witness.json");
    password = Files.writeString(dir.resolve("password"), World.PASSWORD + "\n");
    grow();
  }

  @Test
  void aGrowingLogIsAcceptedRunAfterRun() throws Exception {
    Run first = witness();
    assertThat(first.exit).as(first.err).isZero();
    assertThat(first.out).contains("pinned key id " + ledger.keyId()).contains("first signed head");
    assertThat(json.readTree(Files.readString(state)).path("keyId").asString())
        .isEqualTo(ledger.keyId());

    grow();
    Run second = witness();
    assertThat(second.exit).as(second.err).isZero();
    assertThat(second.out).contains("verified, consistent with size");

    Run unchanged = witness();
    assertThat(unchanged.exit).as(unchanged.err).isZero();
    assertThat(unchanged.out).contains("same size and root as last seen");
  }

  @Test
  void aRewrittenLogIsAForkAndTheStateKeepsTheLastGoodHead() throws Exception {
    assertThat(witness().exit).isZero();
    editState(head -> head.put("rootHash", "ab".repeat(32)));
    String remembered = Files.readString(state);

    grow();
    Run forked = witness();
    assertThat(forked.exit).isEqualTo(LedgerCommand.EXIT_ALERT);
    assertThat(forked.err.strip().lines()).hasSize(1);
    assertThat(forked.err).startsWith("ALERT witness ").contains("fork: the head at size ");
    assertThat(Files.readString(state)).isEqualTo(remembered);

    editState(head -> head.put("treeSize", head.get("treeSize").asLong() + 1000));
    Run shrunk = witness();
    assertThat(shrunk.exit).isEqualTo(LedgerCommand.EXIT_ALERT);
    assertThat(shrunk.err).contains("ALERT").contains("the log shrank");
  }

  @Test
  void twoRootsForOneSizeAreAFork() throws Exception {
    assertThat(witness().exit).isZero();
    editState(head -> head.put("rootHash", "cd".repeat(32)));

    Run forked = witness();
    assertThat(forked.exit).isEqualTo(LedgerCommand.EXIT_ALERT);
    assertThat(forked.err).contains("ALERT").contains("fork: two different roots signed for size");
  }

  @Test
  void anotherKeyIsAnAlertWhetherPinnedBeforeOrGivenOnFirstContact() throws Exception {
    var other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
    Path keyFile =
        Files.writeString(dir.resolve("other.pem"), org.presstrace.ledger.LedgerKeys.pem(other));

    Run given = witness("--public-key", keyFile.toString());
    assertThat(given.exit).isEqualTo(LedgerCommand.EXIT_ALERT);
    assertThat(given.err).contains("ALERT").contains("key changed");
    assertThat(Files.exists(state)).isFalse();

    assertThat(witness().exit).isZero();
    var pinned = (ObjectNode) json.readTree(Files.readString(state));
    pinned.put("publicKey", Base64.getEncoder().encodeToString(other.getEncoded()));
    Files.writeString(state, json.writeValueAsString(pinned));
    Run rekeyed = witness();
    assertThat(rekeyed.exit).isEqualTo(LedgerCommand.EXIT_ALERT);
    assertThat(rekeyed.err)
        .contains("key changed: pinned key id " + org.presstrace.ledger.LedgerKeys.keyId(other));
  }

  @Test
  void withoutCredentialsOrWithABadUrlItSaysSoInOneLine() {
    Run anonymous =
        run(
            "ledger",
            "witness",
            "--once",
            "--url",
            "http://localhost:" + port,
            "--state",
            state.toString());
    assertThat(anonymous.exit).isEqualTo(1);
    assertThat(anonymous.err.strip().lines()).hasSize(1);
    assertThat(anonymous.err).contains("refused the witness (HTTP 401)");

    Run badUrl =
        run("ledger", "witness", "--once", "--url", "ftp://example", "--state", state.toString());
    assertThat(badUrl.exit).isEqualTo(1);
    assertThat(badUrl.err).contains("--url must be an http or https address");
  }

  private void grow() {
    for (int i = 0; i < 3; i++) {
      reports.create(
          investigator,
          new IntelReportDraft("Witnessed " + i, "Seen", Marking.of(agency, Tlp.GREEN)));
    }
  }

  private void editState(java.util.function.Consumer<ObjectNode> change) throws Exception {
    var root = (ObjectNode) json.readTree(Files.readString(state));
    change.accept((ObjectNode) root.get("head"));
    Files.writeString(state, json.writeValueAsString(root));
  }

  record Run(int exit, String out, String err) {}

  private Run witness(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "ledger",
                "witness",
                "--once",
                "--url",
                "http://localhost:" + port + "/",
                "--state",
                state.toString(),
                "--user",
                username,
                "--password-file",
                password.toString()));
    args.addAll(List.of(extra));
    return run(args.toArray(String[]::new));
  }

  private static Run run(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    int exit =
        PressTraceCommand.commandLine(
                PressTraceApplication.class, new PrintWriter(out, true), new PrintWriter(err, true))
            .execute(args);
    return new Run(exit, out.toString(), err.toString());
  }
}
