package org.presstrace.resolution;

import java.util.List;
import java.util.Map;

/**
 * The subgraph a caller exports: the graph of the chosen subjects and, for each subject, the
 * statements made about it (for FollowTheMoney entities).
 */
public record GraphExport(Graph graph, Map<String, List<SubjectStatement>> statements) {}
