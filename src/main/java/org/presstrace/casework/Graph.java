package org.presstrace.casework;

import java.util.List;

/**
 * What a caller may see around some subjects: only subjects the caller may read, values held by
 * them, and edges between those. Nothing hidden is counted or hinted at.
 *
 * @param nodes subjects, shared values and resolved entities (parents of their subjects)
 * @param edges edges between {@code nodes} only
 * @param truncated whether more subjects were reachable than one graph shows
 */
public record Graph(List<GraphNode> nodes, List<GraphEdge> edges, boolean truncated) {

  public Graph {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  /** The subject ids among the nodes. */
  public List<String> subjectIds() {
    return nodes.stream().filter(n -> n.kind().equals("subject")).map(GraphNode::id).toList();
  }
}
