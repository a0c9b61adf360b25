package org.presstrace.resolution;

/**
 * A person's decision on a pair, made for their agency: that agency's later runs always respect it;
 * another agency's view is unchanged by it (it sees it as a suggestion only).
 */
public enum Judgement {
  /** The same entity: linked whatever the score. */
  SAME,
  /** Different entities: never linked, whatever the score. */
  NOT_SAME,
  /** Looked at, undecided: the score stands and the pair leaves the review queue. */
  UNSURE
}
