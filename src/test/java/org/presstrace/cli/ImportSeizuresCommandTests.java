package org.presstrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

/** {@code presstrace import seizures}: the sample file imports; a bad file stores nothing. */
class ImportSeizuresCommandTests {

  static final String PASSWORD = "correct-horse-battery";

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void aBadFileIsRefusedWithItsReportAndTheSampleFileImports() throws IOException {
    seed();
    List<String> sample = Files.readAllLines(Path.of("docs/samples/seizures.csv"));
    String header = sample.get(0);
    // The first sample row, then the same row with a negative weight and a purity above 100%.
    String good = sample.get(1);
    String bad = good.replace(",22,kg,", ",-22,kg,").replace(",,2.4,62,", ",140,2.4,62,");
    assertThat(bad).isNotEqualTo(good);
    Path refusedFile =
        Files.writeString(
            dir.resolve("bad.csv"),
            header + "\n" + good.replace("NOG-2025-0101", "NOG-OK") + "\n" + bad + "\n",
            StandardCharsets.UTF_8);

    int refused = run("import", "seizures", refusedFile.toString(), "--user", "cbp.officer");

    assertThat(refused).isEqualTo(RowRefusal.EXIT_REFUSED);
    assertThat(err.toString())
        .contains("row 2, net_weight: weight -22 must be positive")
        .contains("row 2, purity_pct: purity 140% is not between 0 and 100%")
        .contains("nothing stored")
        .doesNotContain("row 1,");
    assertThat(seizures()).as("a refused file stores nothing").isZero();

    reset();
    int imported = run("import", "seizures", "docs/samples/seizures.csv", "--user", "cbp.officer");
    assertThat(imported).as(err.toString()).isZero();
    assertThat(out.toString()).contains("imported " + (sample.size() - 1) + " seizures");
    assertThat(seizures()).isEqualTo(sample.size() - 1);

    reset();
    assertThat(run("import", "seizures", dir.resolve("none.csv").toString(), "--user", "x"))
        .isNotZero();
    assertThat(err.toString()).startsWith("presstrace: cannot read");
  }

  private void reset() {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
  }

  private int run(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--data";
    all[args.length + 1] = dir.resolve("data").toString();
    return PressTraceCommand.commandLine(
            PressTraceApplication.class, new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(all);
  }

  private String[] springArguments() {
    Path data = dir.resolve("data");
    // made as the command line makes it, private to this account, before the seed opens it
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
      directory.ensureAgency("CBP", "Customs and Border Protection", AgencyKind.FEDERAL, "USA");
      directory.ensureUser(
          new NewUser("cbp.officer", "Officer", "CBP", Set.of(Role.INVESTIGATOR), PASSWORD));
    }
  }

  private long seizures() {
    try (var context = new SpringApplication(PressTraceApplication.class).run(springArguments())) {
      return context
          .getBean(JdbcClient.class)
          .sql("SELECT COUNT(*) FROM seizure")
          .query(Long.class)
          .single();
    }
  }
}
