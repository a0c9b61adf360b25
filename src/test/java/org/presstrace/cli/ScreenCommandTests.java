package org.presstrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code presstrace screen}: one JSON object, in process, without Spring or a database. */
class ScreenCommandTests {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return PressTraceCommand.commandLine(
            Object.class, new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(args);
  }

  private JsonNode printed() {
    assertThat(out.toString().lines().filter(line -> !line.isBlank())).hasSize(1);
    return JsonMapper.builder().build().readTree(out.toString());
  }

  @Test
  void printsTheClassesOfAnAnalogueAsOneJsonObject() {
    int exit = run("screen", "--smiles", "O=C(C1CCC1)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1", "--json");

    assertThat(exit).isZero();
    assertThat(err.toString()).isEmpty();
    JsonNode result = printed();
    assertThat(result.get("listings").size()).isZero();
    assertThat(result.get("verdict").get(0).asString())
        .startsWith("class: USA us-fentanyl-related: ");
    assertThat(result.get("valid").asBoolean()).isTrue();
    JsonNode us = result.get("classes").get(0);
    assertThat(us.get("rule").asString()).isEqualTo("us-fentanyl-related");
    assertThat(us.get("jurisdiction").asString()).isEqualTo("USA");
    assertThat(us.get("family").asString()).isEqualTo("fentanyl");
    assertThat(us.get("modifications").get(0).asString()).isEqualTo("E");
    assertThat(us.get("excluded").asBoolean()).isFalse();
    assertThat(us.get("reason").asString()).contains("modification E");
    assertThat(us.get("source").asString()).contains("Public Law 119-26");
  }

  @Test
  void aNamedAnaloguePrintsItsOwnListingBeforeTheClass() {
    int exit = run("screen", "--smiles", "CC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1", "--json");

    assertThat(exit).isZero();
    JsonNode result = printed();
    assertThat(result.get("verdict").get(0).asString())
        .startsWith("listed: acetylfentanyl: USA CSA Schedule I, 21 CFR 1308.11(b), DEA code 9821");
    JsonNode listing = result.get("listings").get(0);
    assertThat(listing.get("citation").asString()).isEqualTo("21 CFR 1308.11(b)");
    assertThat(listing.get("drugCode").asString()).isEqualTo("9821");
    assertThat(listing.get("order").asString()).isEqualTo("permanent");
    JsonNode us = result.get("classes").get(0);
    assertThat(us.get("excluded").asBoolean()).isTrue();
    assertThat(us.get("reason").asString()).contains("listed in Schedule I as acetylfentanyl");
  }

  @Test
  void reportsCarfentanilAsExcluded() {
    int exit = run("screen", "--smiles", "CCC(=O)N(c1ccccc1)C1(C(=O)OC)CCN(CCc2ccccc2)CC1");

    assertThat(exit).isZero();
    JsonNode us = printed().get("classes").get(0);
    assertThat(us.get("excluded").asBoolean()).isTrue();
    assertThat(us.get("reason").asString()).contains("Schedule II");
  }

  @Test
  void aStructureOutsideEveryClassHasNoClasses() {
    int exit = run("screen", "--smiles", "CC(=O)Nc1ccc(O)cc1", "--json");

    assertThat(exit).isZero();
    assertThat(printed().get("classes").size()).isZero();
  }

  @Test
  void unparsableSmilesExitsTwoWithOneLine() {
    int exit = run("screen", "--smiles", "C1CC(", "--json");

    assertThat(exit).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().lines().filter(line -> !line.isBlank()))
        .singleElement()
        .asString()
        .startsWith("presstrace: SMILES 'C1CC(' cannot be parsed");
  }

  @Test
  void screensEveryManifestLineAsOneJsonObject() throws IOException {
    Path manifest =
        Files.writeString(
            dir.resolve("manifest.csv"),
            "description,cas,hs_code,quantity,shipper,consignee\n"
                + "Organic intermediate,39742-60-4,2933.39,25 kg,A,B\n"
                + "\"Acetylfentanil HCl, 1 kg\",,,1 kg,A,B\n"
                + "Cotton t-shirts,,6109.10,500,A,B\n");

    int exit = run("screen", "--manifest", manifest.toString(), "--json");

    assertThat(exit).isZero();
    List<JsonNode> lines =
        out.toString().lines().map(line -> JsonMapper.builder().build().readTree(line)).toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0).get("flagged").asBoolean()).isTrue();
    assertThat(lines.get(0).get("hits").get(0).get("reason").asString()).isEqualTo("exact CAS");
    assertThat(lines.get(1).get("hits").get(0).get("substanceId").asString())
        .isEqualTo("acetylfentanyl");
    assertThat(lines.get(1).get("hits").get(0).get("reason").asString()).contains("edit distance");
    assertThat(lines.get(2).get("flagged").asBoolean()).isFalse();
    assertThat(lines.get(2).get("hits").size()).isZero();
  }

  @Test
  void screensPlainLinesWithoutAHeaderKeepingEachQuantity() throws IOException {
    Path manifest =
        Files.writeString(
            dir.resolve("pasted.txt"),
            "4-anilinopiperidine, 25 kg\nCotton t-shirts\nacetylfentanyl 2 kg\n");

    int exit = run("screen", "--manifest", manifest.toString());

    assertThat(exit).isZero();
    List<JsonNode> lines =
        out.toString().lines().map(line -> JsonMapper.builder().build().readTree(line)).toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0).get("description").asString()).isEqualTo("4-anilinopiperidine");
    assertThat(lines.get(0).get("quantity").asString()).isEqualTo("25 kg");
    assertThat(lines.get(0).get("flagged").asBoolean()).isTrue();
    assertThat(lines.get(1).has("quantity")).isFalse();
    assertThat(lines.get(1).get("flagged").asBoolean()).isFalse();
    assertThat(lines.get(2).get("quantity").asString()).isEqualTo("2 kg");
  }

  @Test
  void aBinaryOrEmptyManifestFailsInOneLine() throws IOException {
    Path binary =
        Files.write(dir.resolve("manifest.zip"), new byte[] {0x50, 0x4b, 0x03, 0x04, 0x00, 0x41});
    assertThat(run("screen", "--manifest", binary.toString())).isEqualTo(1);
    assertThat(err.toString().lines()).singleElement().asString().contains("not text");
    assertThat(out.toString()).isEmpty();

    err.getBuffer().setLength(0);
    Path empty = Files.writeString(dir.resolve("empty.txt"), "\n# nothing\n");
    assertThat(run("screen", "--manifest", empty.toString())).isEqualTo(1);
    assertThat(err.toString().lines()).singleElement().asString().contains("is empty");
  }

  @Test
  void aMissingManifestFailsInOneLine() {
    int exit = run("screen", "--manifest", dir.resolve("absent.csv").toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString().lines()).singleElement().asString().contains("cannot read manifest");
  }

  @Test
  void smilesAndManifestTogetherAreAUsageError() {
    int exit = run("screen", "--smiles", "CCC", "--manifest", "x.csv");

    assertThat(exit).isEqualTo(2);
  }

  /**
   * The verdicts printed for the labelled accuracy set and for the edge lines of the name index
   * ({@code manifest-edges.csv}: misspellings at distance 2 and 3 on long names, names at the start
   * and end of a line, overlapping names, Chinese names in running text), byte for byte as the
   * screen printed them when it still compared every phrase with every name.
   */
  @ParameterizedTest
  @ValueSource(strings = {"manifest-accuracy", "manifest-edges"})
  void printsTheVerdictsItPrintedBeforeTheNameIndex(String set) throws IOException {
    Path manifest = dir.resolve(set + ".csv");
    try (var in = getClass().getResourceAsStream("/substances/" + set + ".csv")) {
      Files.copy(in, manifest);
    }
    String expected;
    try (var in = getClass().getResourceAsStream("/substances/" + set + ".screened.jsonl")) {
      expected = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    int exit = run("screen", "--manifest", manifest.toString());

    assertThat(exit).isZero();
    if (!out.toString().equals(expected)) {
      Path actual = Path.of("target", set + ".screened.jsonl");
      Files.createDirectories(actual.getParent());
      Files.writeString(actual, out.toString(), StandardCharsets.UTF_8);
    }
    assertThat(out.toString().lines()).containsExactlyElementsOf(expected.lines().toList());
  }
}
