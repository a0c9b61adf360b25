package org.presstrace.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Linkage quality on Chinese company names written as registries, customs manifests, wires and
 * phones write them ({@code resolution/chinese-company-pairs.csv}: Han, pinyin in any case, spacing
 * and tone marking, English with the place first or in brackets, and hard negatives). Both columns
 * go through the path of {@code presstrace match --schema Company}: the CSV reader, then one
 * linkage run of every left name against every right name. Prints precision and recall on the
 * labelled pairs, and the precision of every link made, the unlabelled cross pairs judged by firm.
 */
class ChineseCompanyNamesTests {

  static final Path PAIRS = Path.of("src/test/resources/resolution/chinese-company-pairs.csv");

  record Pair(
      String id,
      String left,
      String right,
      boolean match,
      String form,
      String leftFirm,
      String rightFirm) {}

  static List<Pair> pairs() throws IOException {
    try (Reader reader = Files.newBufferedReader(PAIRS, StandardCharsets.UTF_8)) {
      var pairs = new ArrayList<Pair>();
      for (CSVRecord row :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
        pairs.add(
            new Pair(
                row.get("pair"),
                row.get("left_name"),
                row.get("right_name"),
                row.get("label").equals("match"),
                row.get("form"),
                row.get("left_firm"),
                row.get("right_firm")));
      }
      return pairs;
    }
  }

  @Test
  void linksTheLabelledChineseCompanyPairsWithPrecisionAndRecallOfAtLeast095() throws IOException {
    List<Pair> pairs = pairs();
    List<Entity> left =
        EntityCsv.mapping(Schema.COMPANY, "pair=id,left_name=name").read(PAIRS, "left");
    List<Entity> right =
        EntityCsv.mapping(Schema.COMPANY, "pair=id,right_name=name").read(PAIRS, "right");

    MatchRun run = Matching.withDefaults().link(left, right);

    Set<String> linked = new HashSet<>();
    run.links().forEach(m -> linked.add(m.leftId() + "|" + m.rightId()));
    long truePositives = 0;
    long falsePositives = 0;
    long falseNegatives = 0;
    Map<String, int[]> byForm = new TreeMap<>();
    for (Pair pair : pairs) {
      boolean predicted = linked.contains(pair.id() + "|" + pair.id());
      int[] counts = byForm.computeIfAbsent(pair.form(), f -> new int[2]);
      counts[0]++;
      if (predicted == pair.match()) {
        counts[1]++;
      } else {
        System.out.printf(
            "  wrong (%s, %s): %s | %s%n",
            pair.match() ? "missed" : "linked", pair.form(), pair.left(), pair.right());
      }
      if (predicted && pair.match()) {
        truePositives++;
      } else if (predicted) {
        falsePositives++;
      } else if (pair.match()) {
        falseNegatives++;
      }
    }
    double precision = (double) truePositives / (truePositives + falsePositives);
    double recall = (double) truePositives / (truePositives + falseNegatives);

    Map<String, String> leftFirm = new HashMap<>();
    Map<String, String> rightFirm = new HashMap<>();
    pairs.forEach(p -> leftFirm.put(p.id(), p.leftFirm()));
    pairs.forEach(p -> rightFirm.put(p.id(), p.rightFirm()));
    long sameFirm =
        run.links().stream()
            .filter(m -> leftFirm.get(m.leftId()).equals(rightFirm.get(m.rightId())))
            .count();
    double allLinksPrecision = run.links().isEmpty() ? 0 : (double) sameFirm / run.links().size();

    System.out.printf(
        Locale.ROOT,
        "Chinese company pairs: precision=%.4f recall=%.4f (labelled pairs=%d, matches=%d,"
            + " true positives=%d, false positives=%d, false negatives=%d); all %d links made:"
            + " precision=%.4f by firm%n",
        precision,
        recall,
        pairs.size(),
        pairs.stream().filter(Pair::match).count(),
        truePositives,
        falsePositives,
        falseNegatives,
        run.links().size(),
        allLinksPrecision);
    byForm.forEach(
        (form, counts) ->
            System.out.printf(Locale.ROOT, "  %-48s %d/%d right%n", form, counts[1], counts[0]));
    assertThat(pairs).hasSizeGreaterThanOrEqualTo(300);
    assertThat(precision).isGreaterThanOrEqualTo(0.95);
    assertThat(recall).isGreaterThanOrEqualTo(0.95);
    assertThat(allLinksPrecision).isGreaterThanOrEqualTo(0.95);
  }

  static Match compare(String left, String right) {
    return Matching.withDefaults()
        .compare(
            Entity.of("a", Schema.COMPANY).with("name", left),
            Entity.of("b", Schema.COMPANY).with("name", right));
  }

  @Test
  void theExplanationNamesEachPartOfTheName() {
    Match same = compare("苏州海源化工有限公司", "Haiyuan Chemical Industry (Suzhou) Co., Ltd");
    Match otherCity = compare("苏州海源化工有限公司", "Wuxi Haiyuan Chemical Co., Ltd");
    Match otherTrade = compare("QINGDAO FURUI SHENGWU KEJI YOUXIANGONGSI", "青岛瑞丰生物科技有限公司");
    Match otherIndustry = compare("Qingdao Furui Bio-Tech Co Ltd", "青岛福瑞医药科技股份有限公司");

    assertThat(same.explanation())
        .contains("place=same(", "tradeName=exact(", "industry=same(", "legalForm=same(");
    assertThat(same.band()).isEqualTo(MatchBand.LINK);
    assertThat(otherCity.explanation())
        .contains("place=different(", "tradeName=exact(", "industry=same(", "legalForm=same(");
    assertThat(otherCity.band()).isEqualTo(MatchBand.DISTINCT);
    assertThat(otherTrade.explanation())
        .contains("place=same(", "tradeName=different(", "industry=same(", "legalForm=same(");
    assertThat(otherTrade.band()).isEqualTo(MatchBand.DISTINCT);
    assertThat(otherIndustry.explanation())
        .contains(
            "place=same(", "tradeName=exact(", "industry=different(", "legalForm=compatible(");
    assertThat(otherIndustry.band()).isNotEqualTo(MatchBand.LINK);
    assertThat(same.contributions().stream().map(Contribution::feature))
        .containsSubsequence("place", "tradeName", "industry", "legalForm");
  }

  @Test
  void theTradeNameWeighsMostOfTheParts() {
    Match same = compare("苏州海源化工有限公司", "Haiyuan Chemical Industry (Suzhou) Co., Ltd");

    double trade = weight(same, "tradeName");
    assertThat(trade).isGreaterThan(weight(same, "place"));
    assertThat(trade).isGreaterThan(weight(same, "industry"));
    assertThat(trade).isGreaterThan(weight(same, "legalForm"));
    assertThat(trade)
        .isGreaterThan(
            weight(same, "place") + weight(same, "industry") + weight(same, "legalForm"));
  }

  static double weight(Match match, String feature) {
    return match.contributions().stream()
        .filter(c -> c.feature().equals(feature))
        .mapToDouble(Contribution::weight)
        .findFirst()
        .orElseThrow();
  }
}
