package org.presstrace.casework.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.presstrace.casework.SubjectStatement;
import org.presstrace.resolution.Contribution;
import org.presstrace.resolution.ExplainedMatch;

/** Matches and statements as the resolution pages show them, formatted the same in any locale. */
final class Shown {

  private Shown() {}

  /** One feature's contribution: its level and its weight in bits, signed. */
  record Feature(String feature, String level, String weight, boolean positive) {

    static Feature of(Contribution contribution) {
      return new Feature(
          contribution.feature(),
          contribution.level(),
          String.format(Locale.ROOT, "%+.1f", contribution.weight()),
          contribution.weight() > 0);
    }
  }

  /** A match seen from one of its subjects ({@code from}), or from neither (the review queue). */
  record Match(
      ExplainedMatch match,
      String otherId,
      String otherLabel,
      String otherAgency,
      String score,
      List<Feature> features) {

    static Match of(ExplainedMatch match, String from) {
      boolean left = !match.leftId().equals(from);
      return new Match(
          match,
          left ? match.leftId() : match.rightId(),
          left ? match.leftLabel() : match.rightLabel(),
          left ? match.leftAgency() : match.rightAgency(),
          percent(match.score()),
          match.contributions().stream().map(Feature::of).toList());
    }

    /** The key a judgement form and its errors share. */
    public String key() {
      return Shown.key(match.leftId(), match.rightId());
    }
  }

  /** One row of a side-by-side comparison: a feature with the two sides' values for it. */
  record Row(Feature feature, List<String> left, List<String> right) {}

  /** A pair awaiting review: both subjects' values beside each feature's contribution. */
  record Pair(ExplainedMatch match, String score, List<Row> rows) {

    static Pair of(
        ExplainedMatch match, List<SubjectStatement> left, List<SubjectStatement> right) {
      Map<String, List<String>> leftValues = byProperty(left);
      Map<String, List<String>> rightValues = byProperty(right);
      var rows = new ArrayList<Row>();
      for (Contribution contribution : match.contributions()) {
        rows.add(
            new Row(
                Feature.of(contribution),
                leftValues.getOrDefault(contribution.feature(), List.of()),
                rightValues.getOrDefault(contribution.feature(), List.of())));
      }
      return new Pair(match, percent(match.score()), List.copyOf(rows));
    }

    /** The key a judgement form and its errors share. */
    public String key() {
      return Shown.key(match.leftId(), match.rightId());
    }
  }

  /** One key for a pair whichever side is named first. */
  static String key(String one, String other) {
    return one.compareTo(other) < 0 ? one + "|" + other : other + "|" + one;
  }

  static String percent(double score) {
    return String.format(Locale.ROOT, "%.1f%%", score * 100);
  }

  private static Map<String, List<String>> byProperty(List<SubjectStatement> statements) {
    var values = new LinkedHashMap<String, List<String>>();
    for (SubjectStatement statement : statements) {
      values
          .computeIfAbsent(statement.property(), property -> new ArrayList<>())
          .add(statement.value());
    }
    return values;
  }
}
