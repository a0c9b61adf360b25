package org.presstrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * {@code presstrace import ftm}: a file with a bad line stores nothing; a good one imports, and
 * imports nothing again the second time.
 */
class ImportFtmCommandTests {

  static final String PASSWORD = "correct-horse-battery";

  static final String PERSON =
      "{\"id\": \"p1\", \"schema\": \"Person\", \"properties\": {\"name\": [\"Rafael Quintero\"]}}";
  static final String COMPANY =
      "{\"id\": \"c1\", \"schema\": \"Company\", \"properties\": {\"name\": [\"Consorcio Delta\"]}}";
  static final String DIRECTOR =
      "{\"id\": \"d1\", \"schema\": \"Directorship\", \"properties\": {\"director\": [\"p1\"],"
          + " \"organization\": [\"c1\"], \"role\": [\"manager\"]}}";

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void aBadFileIsRefusedWithItsLinesAndAGoodOneImportsOnce() throws IOException {
    seed();
    Path bad =
        Files.writeString(
            dir.resolve("bad.ftm.json"),
            String.join(
                "\n",
                PERSON,
                "{\"id\": \"x\", \"schema\": \"Airplane\", \"properties\": {}}",
                "not json",
                DIRECTOR.replace("\"c1\"", "\"nobody\"")),
            StandardCharsets.UTF_8);

    assertThat(run("--file", bad.toString(), "--source", "Partner", "--tlp", "AMBER"))
        .isEqualTo(RowRefusal.EXIT_REFUSED);
    assertThat(err.toString())
        .contains("line 2, schema: schema 'Airplane' is not one PressTrace imports")
        .contains("line 3: the line is not JSON")
        .contains("line 4, properties.organization: no subject 'nobody' that you may read")
        .contains("problems in 4 lines; nothing stored")
        .doesNotContain("line 1,");
    assertThat(stored()).isZero();

    Path good =
        Files.writeString(
            dir.resolve("good.ftm.json"), String.join("\n", PERSON, COMPANY, DIRECTOR) + "\n");
    reset();
    assertThat(run("--file", good.toString(), "--source", "Partner", "--tlp", "AMBER", "--dry-run"))
        .as(err.toString())
        .isZero();
    assertThat(out.toString()).contains("3 new").contains("nothing stored");
    assertThat(stored()).isZero();

    reset();
    assertThat(run("--file", good.toString(), "--source", "Partner", "--tlp", "AMBER"))
        .as(err.toString())
        .isZero();
    assertThat(out.toString()).contains("3 new, 0 unchanged, 0 updated");
    assertThat(stored()).isEqualTo(3);

    reset();
    assertThat(run("--file", good.toString(), "--source", "Partner", "--tlp", "AMBER")).isZero();
    assertThat(out.toString()).contains("0 new, 3 unchanged, 0 updated");
    assertThat(stored()).isEqualTo(3);

    reset();
    assertThat(run("--file", good.toString(), "--source", "Partner", "--tlp", "PURPLE"))
        .isNotZero();
    assertThat(err.toString()).contains("PURPLE").doesNotContain("\tat ");
  }

  private void reset() {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
  }

  private int run(String... args) {
    String[] all = new String[args.length + 6];
    all[0] = "import";
    all[1] = "ftm";
    System.arraycopy(args, 0, all, 2, args.length);
    all[args.length + 2] = "--user";
    all[args.length + 3] = "cbp.officer";
    all[args.length + 4] = "--data";
    all[args.length + 5] = dir.resolve("data").toString();
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
      directory.ensureAgency("CBP", "Customs and Border Protection", AgencyKind.FEDERAL, "USA");
      directory.ensureUser(
          new NewUser("cbp.officer", "Officer", "CBP", Set.of(Role.INVESTIGATOR), PASSWORD));
    }
  }

  private long stored() {
    try (var context = new SpringApplication(PressTraceApplication.class).run(springArguments())) {
      JdbcClient jdbc = context.getBean(JdbcClient.class);
      return jdbc.sql("SELECT COUNT(*) FROM resolution_entity").query(Long.class).single()
          + jdbc.sql("SELECT COUNT(*) FROM resolution_link").query(Long.class).single();
    }
  }
}
