package org.presstrace.resolution;

/** A person's decision on a pair; later runs always respect it. */
public enum Judgement {
  /** The same entity: linked whatever the score. */
  SAME,
  /** Different entities: never linked, whatever the score. */
  NOT_SAME,
  /** Looked at, undecided: the score stands and the pair leaves the review queue. */
  UNSURE
}
