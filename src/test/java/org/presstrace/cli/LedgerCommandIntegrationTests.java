package org.presstrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presstrace.PressTraceApplication;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Marking;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.intel.IntelReportDraft;
import org.presstrace.intel.IntelReports;
import org.presstrace.support.World;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * {@code presstrace ledger verify} on the embedded database: exit 0 on an untouched log, exit 1
 * with one line naming the entry and field after one audit field is changed by SQL.
 */
class LedgerCommandIntegrationTests {

  @TempDir Path dataDir;

  @Test
  void verifyPassesOnAnUntouchedLogAndNamesATamperedField() throws Exception {
    String url =
        "jdbc:h2:file:"
            + dataDir.toAbsolutePath().resolve("presstrace")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE";
    try (var app =
        new SpringApplicationBuilder(PressTraceApplication.class)
            .run(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=presstrace",
                "--spring.datasource.password=",
                "--presstrace.data-dir=" + dataDir,
                "--presstrace.security.argon2.memory-kib=64",
                "--presstrace.security.argon2.iterations=1",
                "--logging.level.root=WARN")) {
      var world = new World(app.getBean(Directory.class));
      String agency = world.agency("CLI", AgencyKind.FEDERAL, "USA");
      String investigator = world.user("inv", agency, Role.INVESTIGATOR);
      var reports = app.getBean(IntelReports.class);
      for (int i = 0; i < 5; i++) {
        reports.create(
            world.as(investigator, Channel.CLI),
            new IntelReportDraft("Report " + i, "Seen at the port", Marking.of(agency, Tlp.GREEN)));
      }
    }

    var out = new StringWriter();
    var err = new StringWriter();
    int exit = run(out, err, "ledger", "verify", "--data", dataDir.toString());
    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).contains("ledger holds: 5 leaves");

    Path export = dataDir.resolve("ledger.jsonl");
    assertThat(
            run(
                new StringWriter(),
                err,
                "ledger",
                "export",
                "--data",
                dataDir.toString(),
                export.toString()))
        .as(err.toString())
        .isZero();
    String publicKey =
        java.util.Arrays.stream(
                java.nio.file.Files.readString(dataDir.resolve("ledger-ed25519.key")).split("\n"))
            .filter(line -> line.startsWith("public="))
            .findFirst()
            .orElseThrow()
            .substring("public=".length());
    Path key =
        java.nio.file.Files.writeString(
            dataDir.resolve("key.json"),
            "{\"keyId\": \"x\", \"algorithm\": \"Ed25519\", \"publicKey\": \"" + publicKey + "\"}");
    var checked = new StringWriter();
    assertThat(
            run(checked, err, "ledger", "check", export.toString(), "--public-key", key.toString()))
        .as(err.toString())
        .isZero();
    var lines = java.nio.file.Files.readAllLines(export);
    // The integrator signs a head when its first batch lands and the export one at the size
    // reached: how many batches five entries took depends on timing, so count the export's heads.
    long heads = lines.stream().filter(line -> line.startsWith("{\"type\":\"head\"")).count();
    assertThat(heads).isPositive();
    assertThat(checked.toString())
        .contains("export holds: 5 leaves, " + heads + " signed heads verified");

    Path truncated = dataDir.resolve("truncated.jsonl");
    java.nio.file.Files.write(truncated, lines.subList(0, lines.size() - 1));
    var truncatedErr = new StringWriter();
    assertThat(
            run(
                new StringWriter(),
                truncatedErr,
                "ledger",
                "check",
                truncated.toString(),
                "--public-key",
                key.toString()))
        .isEqualTo(1);
    assertThat(truncatedErr.toString().strip())
        .isEqualTo(
            "presstrace: export diverges: the export ends after line "
                + (lines.size() - 1)
                + " without its end line: the file is truncated");
    var missingErr = new StringWriter();
    assertThat(
            run(
                new StringWriter(),
                missingErr,
                "ledger",
                "check",
                dataDir.resolve("nothing.jsonl").toString(),
                "--public-key",
                key.toString()))
        .isEqualTo(1);
    assertThat(missingErr.toString().strip().lines()).hasSize(1);
    assertThat(missingErr.toString()).contains("does not exist");

    long entry;
    try (var connection = DriverManager.getConnection(url, "presstrace", "")) {
      try (var result =
          connection.createStatement().executeQuery("SELECT MAX(id) FROM audit_event")) {
        result.next();
        entry = result.getLong(1);
      }
      connection
          .createStatement()
          .executeUpdate("UPDATE audit_event SET purpose = 'nothing to see' WHERE id = " + entry);
    }
    var tamperedOut = new StringWriter();
    var tamperedErr = new StringWriter();
    exit = run(tamperedOut, tamperedErr, "ledger", "verify", "--data", dataDir.toString());
    assertThat(exit).isEqualTo(1);
    assertThat(tamperedErr.toString().strip().lines()).hasSize(1);
    assertThat(tamperedErr.toString())
        .contains("audit entry " + entry)
        .contains("field purpose")
        .doesNotContain("\tat ");
  }

  private static int run(StringWriter out, StringWriter err, String... args) {
    return PressTraceCommand.commandLine(
            PressTraceApplication.class, new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(args);
  }
}
