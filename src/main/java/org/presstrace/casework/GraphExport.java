package org.presstrace.casework;

import java.util.List;
import java.util.Map;
import org.presstrace.access.Marking;

/**
 * The subgraph a caller exports: the graph of the chosen subjects and, for each subject, the
 * statements made about it, the links drawn (for FollowTheMoney entities) and its marking (from
 * which each exported line and the file's banner are marked).
 *
 * @param markings each exported subject's marking, by subject id
 */
public record GraphExport(
    Graph graph,
    Map<String, List<SubjectStatement>> statements,
    List<Link> links,
    Map<String, Marking> markings) {

  public GraphExport {
    markings = Map.copyOf(markings);
  }
}
