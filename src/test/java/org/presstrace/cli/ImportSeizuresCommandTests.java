package org.presstrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presstrace.access.Role;

/** {@code presstrace import seizures}: the sample file imports; a bad file stores nothing. */
class ImportSeizuresCommandTests {

  @TempDir Path dir;

  private CommandLineData cli;

  @BeforeEach
  void data() {
    cli = new CommandLineData(dir);
  }

  @Test
  void aBadFileIsRefusedWithItsReportAndTheSampleFileImports() throws IOException {
    cli.seedUser(
        "CBP", "Customs and Border Protection", "cbp.officer", "Officer", Role.INVESTIGATOR);
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

    int refused = cli.run("import", "seizures", refusedFile.toString(), "--user", "cbp.officer");

    assertThat(refused).isEqualTo(RowRefusal.EXIT_REFUSED);
    assertThat(cli.err())
        .contains("row 2, net_weight: weight -22 must be positive")
        .contains("row 2, purity_pct: purity 140% is not between 0 and 100%")
        .contains("nothing stored")
        .doesNotContain("row 1,");
    assertThat(cli.count("SELECT COUNT(*) FROM seizure"))
        .as("a refused file stores nothing")
        .isZero();

    int imported =
        cli.run("import", "seizures", "docs/samples/seizures.csv", "--user", "cbp.officer");
    assertThat(imported).as(cli.err()).isZero();
    assertThat(cli.out()).contains("imported " + (sample.size() - 1) + " seizures");
    assertThat(cli.count("SELECT COUNT(*) FROM seizure")).isEqualTo(sample.size() - 1);

    assertThat(cli.run("import", "seizures", dir.resolve("none.csv").toString(), "--user", "x"))
        .isNotZero();
    assertThat(cli.err()).startsWith("presstrace: cannot read");
  }
}
