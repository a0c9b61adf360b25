package org.presstrace.resolution.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.presstrace.resolution.Contribution;
import org.presstrace.resolution.Match;
import org.presstrace.resolution.MatchBand;

/** A scored pair as it travels back to the driver: the {@link Match}, field for field. */
record ScoredPair(
    String leftId,
    String rightId,
    double score,
    double weight,
    String band,
    String[] features,
    String[] levels,
    double[] weights)
    implements Serializable {

  static ScoredPair of(Match match) {
    int n = match.contributions().size();
    String[] features = new String[n];
    String[] levels = new String[n];
    double[] weights = new double[n];
    for (int i = 0; i < n; i++) {
      Contribution contribution = match.contributions().get(i);
      features[i] = contribution.feature();
      levels[i] = contribution.level();
      weights[i] = contribution.weight();
    }
    return new ScoredPair(
        match.leftId(),
        match.rightId(),
        match.score(),
        match.weight(),
        match.band().name(),
        features,
        levels,
        weights);
  }

  Match match() {
    List<Contribution> contributions = new ArrayList<>(features.length);
    for (int i = 0; i < features.length; i++) {
      contributions.add(new Contribution(features[i], levels[i], weights[i]));
    }
    return new Match(leftId, rightId, score, weight, MatchBand.valueOf(band), contributions);
  }
}
