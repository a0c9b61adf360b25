package org.presstrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code presstrace match}: CSV in, pairs out, in process, without Spring or a database. */
class MatchCommandTests {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return PressTraceCommand.commandLine(
            Object.class, new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(args);
  }

  private Path csv(String name, String... lines) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void linksTwoFilesAcrossScriptsAndWritesThePairs() throws IOException {
    Path a =
        csv(
            "a.csv",
            "id,company,tel,country",
            "A1,深圳市华强化工有限公司,0755 8888 1234,CN",
            "A2,Acme Trading LLC,+1 212 555 0100,US");
    Path b =
        csv(
            "b.csv",
            "id,company,tel,country",
            "B1,\"Shenzhen Huaqiang Chemical Co., Ltd.\",+86 755 8888 1234,China",
            "B2,Zenith Pharma GmbH,+49 30 1234567,DE");
    Path pairs = dir.resolve("pairs.csv");

    int exit =
        run(
            "match",
            "--schema",
            "Company",
            "--left",
            a.toString(),
            "--right",
            b.toString(),
            "--map",
            "company=name,tel=phone,country=jurisdiction",
            "--out",
            pairs.toString());

    assertThat(err.toString()).isEmpty();
    assertThat(exit).isZero();
    var lines = Files.readAllLines(pairs);
    assertThat(lines.get(0)).isEqualTo("left_id,right_id,score");
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).startsWith("A1,B1,");
    assertThat(Double.parseDouble(lines.get(1).split(",")[2])).isGreaterThan(0.99);
  }

  @Test
  void deduplicatesOneFileWithAnExplanation() throws IOException {
    Path people =
        csv(
            "people.csv",
            "rec,full_name,dob",
            "1,王伟,1979-04-02",
            "2,WANG Wei,19790402",
            "3,Wang Fang,1979-04-02");

    int exit =
        run(
            "match",
            "--schema",
            "person",
            "--left",
            people.toString(),
            "--map",
            "rec=id,full_name=name,dob=birthDate",
            "--explain");

    assertThat(err.toString()).isEmpty();
    assertThat(exit).isZero();
    var lines = out.toString().lines().toList();
    assertThat(lines.get(0)).isEqualTo("left_id,right_id,score,explanation");
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1))
        .startsWith("1,2,")
        .contains("name=exact(")
        .contains("birthDate=exact(");
  }

  @Test
  void aLowerThresholdAlsoWritesPairsForReview() throws IOException {
    Path people = csv("people.csv", "id,name", "1,王伟", "2,Wei WANG");

    run("match", "--schema", "Person", "--left", people.toString(), "--map", "name=name");
    assertThat(out.toString().lines()).hasSize(1);
    run(
        "match",
        "--schema",
        "Person",
        "--left",
        people.toString(),
        "--map",
        "name=name",
        "--threshold",
        "0.5");
    assertThat(out.toString().lines()).contains("1,2,0.6296");
  }

  @Test
  void badInputsEndInOneLineAndANonZeroExit() throws IOException {
    Path people = csv("people.csv", "id,name", "1,Li Na");
    Path noId = csv("noid.csv", "name", "Li Na");
    Path repeated = csv("repeated.csv", "id,name", "1,Li Na", "1,Li Na");

    assertFails(
        "schema must be Person, Company",
        "match",
        "--schema",
        "Spaceship",
        "--left",
        people.toString(),
        "--map",
        "name=name");
    assertFails(
        "Person has no property 'colour'",
        "match",
        "--schema",
        "Person",
        "--left",
        people.toString(),
        "--map",
        "name=colour");
    assertFails(
        "'name' is not COLUMN=property",
        "match",
        "--schema",
        "Person",
        "--left",
        people.toString(),
        "--map",
        "name");
    assertFails(
        "has no column 'id'",
        "match",
        "--schema",
        "Person",
        "--left",
        noId.toString(),
        "--map",
        "name=name");
    assertFails(
        "has no column 'surname'",
        "match",
        "--schema",
        "Person",
        "--left",
        people.toString(),
        "--map",
        "surname=lastName");
    assertFails(
        "id '1' repeats",
        "match",
        "--schema",
        "Person",
        "--left",
        repeated.toString(),
        "--map",
        "name=name");
    assertFails(
        "cannot read",
        "match",
        "--schema",
        "Person",
        "--left",
        dir.resolve("missing.csv").toString(),
        "--map",
        "name=name");
    assertFails(
        "link threshold must be in (0, 1]",
        "match",
        "--schema",
        "Person",
        "--left",
        people.toString(),
        "--map",
        "name=name",
        "--threshold",
        "2");
    assertFails(
        "fan-out cap must be at least 2",
        "match",
        "--schema",
        "Person",
        "--left",
        people.toString(),
        "--map",
        "name=name",
        "--fan-out-cap",
        "0");
  }

  @Test
  void anUnknownEngineOrASparkEngineMissingFromTheClassPathIsRefusedInOneLine() throws IOException {
    Path people = csv("people.csv", "id,name", "1,Li Na", "2,Na Li");
    Path pairs = dir.resolve("pairs.csv");

    assertFails(
        "engine must be in-process or spark, not 'hadoop'",
        "match",
        "--schema",
        "Person",
        "--left",
        people.toString(),
        "--map",
        "name=name",
        "--engine",
        "hadoop");
    assertFails(
        "the spark engine is not on the class path",
        "match",
        "--schema",
        "Person",
        "--left",
        people.toString(),
        "--map",
        "name=name",
        "--engine",
        "spark",
        "--out",
        pairs.toString());
    assertThat(pairs).doesNotExist();
    assertFails(
        "--master needs --engine spark",
        "match",
        "--schema",
        "Person",
        "--left",
        people.toString(),
        "--map",
        "name=name",
        "--master",
        "spark://cluster:7077");
  }

  private void assertFails(String message, String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    int exit = run(args);
    assertThat(exit).isNotZero();
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString()).startsWith("presstrace: ").contains(message);
  }
}
