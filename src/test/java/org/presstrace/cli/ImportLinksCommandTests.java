package org.presstrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presstrace.access.AccessContext;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Marking;
import org.presstrace.access.Purpose;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.casework.SubjectDraft;
import org.presstrace.casework.Subjects;
import org.presstrace.resolution.Schema;

/** {@code presstrace import links}: a file with a bad row stores nothing; a good one imports. */
class ImportLinksCommandTests {

  @TempDir Path dir;

  private CommandLineData cli;

  @BeforeEach
  void data() {
    cli = new CommandLineData(dir);
  }

  @Test
  void aBadFileIsRefusedWithItsReportADryRunStoresNothingAndAGoodFileImports() throws IOException {
    List<String> ids = seed();
    String header = "schema,subject,object,amount,currency,date,purpose,source,tlp";
    String good1 = "Payment," + ids.get(0) + "," + ids.get(1) + ",950,USD,2026-09-14,,SAR 1,GREEN";
    String good2 =
        "Payment," + ids.get(0) + "," + ids.get(1) + ",480.5,usd,2026-09-20,,SAR 2,AMBER";
    Path bad =
        Files.writeString(
            dir.resolve("bad.csv"),
            String.join(
                "\n",
                header,
                good1,
                "Payment," + ids.get(0) + "," + ids.get(1) + ",-5,USD,2026-09-14,,SAR 3,GREEN",
                "Payment," + ids.get(0) + ",nobody,5,USD,2026-09-14,,SAR 4,GREEN",
                "Payment," + ids.get(0) + "," + ids.get(1) + ",5,USD,14/09/2026,,SAR 5,GREEN",
                "Bribe," + ids.get(0) + "," + ids.get(1) + ",5,USD,2026-09-14,,SAR 6,GREEN"),
            StandardCharsets.UTF_8);

    assertThat(cli.run("import", "links", bad.toString(), "--user", "cbp.officer"))
        .isEqualTo(RowRefusal.EXIT_REFUSED);
    assertThat(cli.err())
        .contains("row 2, amount: amount must be more than zero")
        .contains("row 3, ends.beneficiary: no subject 'nobody' that you may read")
        .contains("row 4, date: '14/09/2026' is not a date")
        .contains("row 5, schema:")
        .contains("nothing stored")
        .doesNotContain("row 1,");
    assertThat(cli.count("SELECT COUNT(*) FROM resolution_link")).isZero();

    Path good =
        Files.writeString(dir.resolve("good.csv"), header + "\n" + good1 + "\n" + good2 + "\n");
    assertThat(cli.run("import", "links", good.toString(), "--user", "cbp.officer", "--dry-run"))
        .as(cli.err())
        .isZero();
    assertThat(cli.out()).contains("nothing stored");
    assertThat(cli.count("SELECT COUNT(*) FROM resolution_link")).isZero();

    assertThat(cli.run("import", "links", good.toString(), "--user", "cbp.officer"))
        .as(cli.err())
        .isZero();
    assertThat(cli.out()).contains("imported 2 links");
    assertThat(cli.count("SELECT COUNT(*) FROM resolution_link")).isEqualTo(2);

    Path noHeader = Files.writeString(dir.resolve("noheader.csv"), "schema,subject\nPayment,x\n");
    assertThat(cli.run("import", "links", noHeader.toString(), "--user", "cbp.officer"))
        .isNotZero();
    assertThat(cli.err()).contains("header, object: the header has no column 'object'");
  }

  @Test
  void aFileThatIsNotUtf8IsRefusedWithItsLineAndColumnBeforeAnythingStarts() throws IOException {
    var bytes = new java.io.ByteArrayOutputStream();
    bytes.writeBytes(
        "schema,subject,object,amount\nPayment,a,b,1".getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
    bytes.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
    Path file = Files.write(dir.resolve("surrogate.csv"), bytes.toByteArray());

    assertThat(cli.run("import", "links", file.toString(), "--user", "cbp.officer")).isNotZero();
    assertThat(cli.err().strip())
        .contains("line 2, column 4 (amount): the text is not valid UTF-8 (byte 0xED)")
        .doesNotContain("\n\tat ");
    assertThat(cli.path()).doesNotExist();
  }

  /** The CBP officer and two subjects: a US sender and a Chinese beneficiary. */
  private List<String> seed() {
    return cli.open(
        context -> {
          Directory directory = context.getBean(Directory.class);
          CommandLineData.ensureUser(
              directory,
              "CBP",
              "Customs and Border Protection",
              "cbp.officer",
              "Officer",
              Role.INVESTIGATOR);
          var officer =
              new AccessContext(
                  directory.caller("cbp.officer").orElseThrow(),
                  Channel.CLI,
                  new Purpose("Seeding"));
          Subjects subjects = context.getBean(Subjects.class);
          return List.of(
              subject(subjects, officer, Schema.PERSON, "John Carter"),
              subject(subjects, officer, Schema.COMPANY, "Wuhan Yuancheng Trading Co., Ltd."));
        });
  }

  private static String subject(
      Subjects subjects, AccessContext officer, Schema schema, String name) {
    return subjects
        .submit(
            officer,
            new SubjectDraft(
                schema,
                Map.of("name", List.of(name)),
                "CBP-1",
                "Desk",
                null,
                null,
                Marking.of("CBP", Tlp.GREEN)))
        .subject()
        .id();
  }
}
