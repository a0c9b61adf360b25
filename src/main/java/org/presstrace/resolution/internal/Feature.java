package org.presstrace.resolution.internal;

import java.util.List;
import org.presstrace.resolution.Contribution;

/**
 * One compared property and the levels its two values can reach. Asked for every candidate pair, so
 * its loops go by index (no iterator per call). Each level carries m (how often the same entity
 * reaches it) and u (how often two different entities do); its weight is log2(m/u), Fellegi-Sunter
 * style.
 */
record Feature(String name, List<Level> levels) {

  /**
   * A level reached when the similarity is at least {@code min}, with its weight log2(m/u) worked
   * out once.
   */
  record Level(String name, double min, double m, double u, double weight) {}

  static Feature of(String name, Level... levels) {
    return new Feature(name, List.of(levels));
  }

  static Level level(String name, double min, double m, double u) {
    return new Level(name, min, m, u, Math.log(m / u) / Math.log(2));
  }

  /** The level named {@code levelName}. */
  Level level(String levelName) {
    for (int i = 0; i < levels.size(); i++) {
      Level level = levels.get(i);
      if (level.name().equals(levelName)) {
        return level;
      }
    }
    throw new IllegalArgumentException(name + " has no level " + levelName);
  }

  /** The contribution of a similarity in [0, 1]; none when a side has no value (negative). */
  Contribution bySimilarity(double similarity) {
    if (similarity < 0) {
      return null;
    }
    for (int i = 0; i < levels.size(); i++) {
      Level level = levels.get(i);
      if (similarity >= level.min()) {
        return new Contribution(name, level.name(), level.weight());
      }
    }
    Level last = levels.get(levels.size() - 1);
    return new Contribution(name, last.name(), last.weight());
  }

  /** The weight {@link #bySimilarity} gives, without the contribution: 0 when a side is missing. */
  double weightOf(double similarity) {
    if (similarity < 0) {
      return 0;
    }
    for (int i = 0; i < levels.size(); i++) {
      Level level = levels.get(i);
      if (similarity >= level.min()) {
        return level.weight();
      }
    }
    return levels.get(levels.size() - 1).weight();
  }

  /** The weight of the level named {@code levelName}; 0 for {@code null}. */
  double weightOf(String levelName) {
    return levelName == null ? 0 : level(levelName).weight();
  }

  /** The highest weight any level gives. */
  double highest() {
    double highest = 0;
    for (int i = 0; i < levels.size(); i++) {
      highest = Math.max(highest, levels.get(i).weight());
    }
    return highest;
  }

  /** The contribution of the level named {@code levelName}; none for {@code null}. */
  Contribution byLevel(String levelName) {
    if (levelName == null) {
      return null;
    }
    Level level = level(levelName);
    return new Contribution(name, level.name(), level.weight());
  }
}
