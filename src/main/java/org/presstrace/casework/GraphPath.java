package org.presstrace.casework;

/**
 * The answer to a shortest-path question between two subjects.
 *
 * @param found whether a path exists through subjects and values the caller may read
 * @param hops how many subject-to-subject steps the path takes (a shared value is one step)
 * @param graph the path's nodes and edges, empty when none was found
 * @param searched how many subjects were reached while looking
 * @param limitReached whether the search stopped at its limit before exhausting the depth
 */
public record GraphPath(boolean found, int hops, Graph graph, int searched, boolean limitReached) {}
