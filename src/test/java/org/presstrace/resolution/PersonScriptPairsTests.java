package org.presstrace.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Quality on people written across scripts ({@code resolution/person-script-pairs.csv}, written by
 * {@code tools/resolution/person_pairs.py}): Han, pinyin, Wade-Giles and Hong Kong romanisation in
 * either order, and hard negatives. Each pair goes through the path of {@code presstrace match
 * --schema Person}: the CSV reader, then a linkage run of the left name against the right one
 * (blocking included). A pair is found when the run returns it (review or link): on a name alone a
 * person is a candidate, and the rest of the record decides.
 */
class PersonScriptPairsTests {

  static final Path PAIRS = Path.of("src/test/resources/resolution/person-script-pairs.csv");

  @Test
  void findsThePeopleAcrossScriptsWithPrecisionAndRecallOfAtLeast095() throws IOException {
    List<Boolean> labels = new ArrayList<>();
    List<String> forms = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(PAIRS, StandardCharsets.UTF_8)) {
      for (CSVRecord row :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
        labels.add(row.get("label").equals("match"));
        forms.add(row.get("form").replaceAll(" .*", ""));
      }
    }
    List<Entity> left =
        EntityCsv.mapping(Schema.PERSON, "pair=id,left_name=name").read(PAIRS, "left");
    List<Entity> right =
        EntityCsv.mapping(Schema.PERSON, "pair=id,right_name=name").read(PAIRS, "right");
    Matching matching = Matching.withDefaults();
    long truePositives = 0;
    long falsePositives = 0;
    long falseNegatives = 0;
    Map<String, int[]> byForm = new TreeMap<>();
    for (int i = 0; i < labels.size(); i++) {
      boolean found =
          !matching.link(List.of(left.get(i)), List.of(right.get(i))).matches().isEmpty();
      boolean match = labels.get(i);
      int[] counts =
          byForm.computeIfAbsent(forms.get(i) + (match ? "" : " (non-match)"), f -> new int[2]);
      counts[0]++;
      if (found == match) {
        counts[1]++;
      } else {
        System.out.printf(
            "  wrong (%s): %s | %s%n",
            match ? "missed" : "found", left.get(i).values("name"), right.get(i).values("name"));
      }
      if (found && match) {
        truePositives++;
      } else if (found) {
        falsePositives++;
      } else if (match) {
        falseNegatives++;
      }
    }
    double precision = (double) truePositives / Math.max(1, truePositives + falsePositives);
    double recall = (double) truePositives / (truePositives + falseNegatives);
    System.out.printf(
        Locale.ROOT,
        "Person script pairs: precision=%.4f recall=%.4f (pairs=%d, matches=%d, true positives=%d,"
            + " false positives=%d, false negatives=%d)%n",
        precision,
        recall,
        labels.size(),
        labels.stream().filter(b -> b).count(),
        truePositives,
        falsePositives,
        falseNegatives);
    byForm.forEach(
        (form, counts) ->
            System.out.printf(Locale.ROOT, "  %-48s %d/%d right%n", form, counts[1], counts[0]));
    assertThat(labels).hasSizeGreaterThanOrEqualTo(200);
    assertThat(precision).isGreaterThanOrEqualTo(0.95);
    assertThat(recall).isGreaterThanOrEqualTo(0.95);
  }
}
