package org.presstrace.casework;

/**
 * An edge of a link-analysis graph.
 *
 * @param id the edge id, stable across answers
 * @param source the source node id
 * @param target the target node id
 * @param kind {@code match} (two subjects resolved as the same entity, automatically or judged
 *     SAME), {@code value} (a subject holds a shared value) or {@code link} (a stated link)
 * @param label what to show on the edge
 * @param score for a match, the resolution score; otherwise {@code null}
 */
public record GraphEdge(
    String id, String source, String target, String kind, String label, Double score) {}
