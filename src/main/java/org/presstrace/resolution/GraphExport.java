package org.presstrace.resolution;

import java.util.List;
import java.util.Map;

/**
 * The subgraph a caller exports: the graph of the chosen subjects and, for each subject, the
 * statements made about it, and the links drawn (for FollowTheMoney entities).
 */
public record GraphExport(
    Graph graph, Map<String, List<SubjectStatement>> statements, List<Link> links) {}
