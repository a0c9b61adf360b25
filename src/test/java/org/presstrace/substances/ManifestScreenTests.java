package org.presstrace.substances;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Manifest lines against the built-in list, and the accuracy of the screen on the labelled set in
 * {@code src/test/resources/substances/manifest-accuracy.csv}.
 */
class ManifestScreenTests {

  private final ManifestScreen screen = ManifestScreen.builtIn();

  private ManifestVerdict line(String description, String cas, String hs) {
    return screen.screen(new ManifestLine(1, description, cas, hs, "1 kg", "s", "c"));
  }

  @Test
  void aDeclaredCasNumberHitsExactly() {
    ManifestVerdict verdict = line("Organic intermediate", "39742-60-4", "2933.39");

    assertThat(verdict.flagged()).isTrue();
    assertThat(verdict.hits().get(0).substanceId()).isEqualTo("npp");
    assertThat(verdict.hits().get(0).reason()).isEqualTo("exact CAS");
    assertThat(verdict.hits()).anyMatch(hit -> hit.reason().startsWith("HS heading 2933"));
  }

  @Test
  void aCasNumberFailingItsCheckDigitIsASignal() {
    ManifestVerdict verdict = line("Chemical raw material", "39742-60-5", "");

    assertThat(verdict.flagged()).isTrue();
    assertThat(verdict.hits().get(0).reason()).contains("fails its check digit");
  }

  @Test
  void aMisspelledSaltInTheDescriptionHitsWithItsEditDistanceAndStructureRule() {
    ManifestVerdict verdict = line("Acetylfentanil hydrochloride 500 g", "", "");

    assertThat(verdict.flagged()).isTrue();
    assertThat(verdict.hits())
        .anyMatch(hit -> hit.reason().equals("fuzzy name, edit distance 1"))
        .anyMatch(hit -> hit.reason().startsWith("structure rule cn-fentanyl-class"))
        .as("acetylfentanyl is in Schedule I by name, not as a fentanyl-related substance")
        .noneMatch(hit -> hit.reason().startsWith("structure rule us-fentanyl-related"));
  }

  @Test
  void aChineseNameHits() {
    assertThat(line("呋喃芬太尼 2kg", "", "").hits().get(0).reason()).isEqualTo("Chinese name");
  }

  @Test
  void aHeterocycleDeclaredUnder2933AloneIsNotFlagged() {
    ManifestVerdict verdict = line("Pyridine 200 L drum", "", "2933.31");

    assertThat(verdict.flagged()).isFalse();
    assertThat(verdict.hits()).singleElement().extracting(ManifestHit::score).isEqualTo(0.3);
  }

  @Test
  void aLineOfTenThousandCharactersFindsTheNamesAtItsStartAndEnd() {
    var description = new StringBuilder("fentanil");
    while (description.length() < 10_000 - 12) {
      description.append(" sodium chloride 25 kg lot A1-2345");
    }
    description.setLength(10_000 - 12);
    description.append(" carfentanyl");
    assertThat(description).hasSize(10_000);

    ManifestVerdict verdict = line(description.toString(), "", "");

    assertThat(verdict.flagged()).isTrue();
    assertThat(verdict.hits())
        .filteredOn(hit -> !hit.reason().startsWith("structure rule"))
        .extracting(ManifestHit::substanceId, ManifestHit::matched)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("fentanyl", "fentanil"),
            org.assertj.core.groups.Tuple.tuple("carfentanil", "carfentanyl"));
  }

  @Test
  void theCasPreCheckPassesEveryTextTheExpressionFindsACasNumberIn() {
    var pattern = java.util.regex.Pattern.compile("\\b\\d{2,7}-\\d{2}-\\d\\b");
    var random = new java.util.SplittableRandom(20261210L);
    String alphabet = "0123456789--- a٣";
    int found = 0;
    for (int i = 0; i < 50_000; i++) {
      var text = new StringBuilder();
      for (int c = random.nextInt(16); c > 0; c--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      if (pattern.matcher(text).find()) {
        found++;
        assertThat(ManifestScreen.mayHoldCas(text.toString())).as("'%s'", text).isTrue();
      }
    }
    assertThat(found).isGreaterThan(100);
    assertThat(line("sample 437-38-7", "", "").hits())
        .extracting(ManifestHit::reason)
        .contains("exact CAS");
    assertThat(line("lot F11-8579 HS 2933-39", "", "").hits()).isEmpty();
  }

  @Test
  void emptyAndWhitespaceOnlyLinesAreNotFlagged() {
    for (String description : List.of("", " ", "\t", "\u3000\u3000", " , ; / ")) {
      ManifestVerdict verdict = line(description, "", "");

      assertThat(verdict.flagged()).as("'%s'", description).isFalse();
      assertThat(verdict.hits()).isEmpty();
    }
  }

  @Test
  void precisionAndRecallOnTheLabelledSet() throws IOException {
    int truePositives = 0;
    int falsePositives = 0;
    int falseNegatives = 0;
    int lines = 0;
    var misses = new ArrayList<String>();
    for (CSVRecord record : labelled()) {
      lines++;
      String expected = record.get("expected");
      ManifestVerdict verdict =
          screen.screen(
              new ManifestLine(
                  record.getRecordNumber(),
                  record.get("description"),
                  record.get("cas"),
                  record.get("hs_code"),
                  record.get("quantity"),
                  record.get("shipper"),
                  record.get("consignee")));
      boolean found =
          verdict.hits().stream()
              .anyMatch(
                  hit ->
                      expected.equals(hit.substanceId()) && hit.score() >= ManifestScreen.FLAG_AT);
      if (expected.equals("none")) {
        if (verdict.flagged()) {
          falsePositives++;
          misses.add("false positive: " + record.get("description") + " " + verdict.hits());
        }
      } else if (found) {
        truePositives++;
      } else {
        falseNegatives++;
        misses.add(
            "missed " + expected + ": " + record.get("description") + " " + record.get("cas"));
        if (verdict.flagged()) {
          falsePositives++;
        }
      }
    }
    double precision = (double) truePositives / (truePositives + falsePositives);
    double recall = (double) truePositives / (truePositives + falseNegatives);
    System.out.printf(
        java.util.Locale.ROOT,
        "manifest accuracy set: %d lines, precision %.3f, recall %.3f%n%s%n",
        lines,
        precision,
        recall,
        String.join("\n", misses));

    assertThat(lines).isGreaterThanOrEqualTo(200);
    assertThat(precision).isGreaterThanOrEqualTo(0.95);
    assertThat(recall).isGreaterThanOrEqualTo(0.95);
  }

  private static List<CSVRecord> labelled() throws IOException {
    try (var in =
        new InputStreamReader(
            ManifestScreenTests.class.getResourceAsStream("/substances/manifest-accuracy.csv"),
            StandardCharsets.UTF_8)) {
      return CSVFormat.DEFAULT
          .builder()
          .setCommentMarker('#')
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(in)
          .getRecords();
    }
  }
}
