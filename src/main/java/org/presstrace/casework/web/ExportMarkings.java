package org.presstrace.casework.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.presstrace.access.ExportBanner;
import org.presstrace.access.Marking;
import org.presstrace.casework.GraphEdge;
import org.presstrace.casework.GraphExport;
import org.presstrace.casework.GraphNode;
import org.presstrace.casework.Link;

/**
 * The marking of each element of an exported subgraph and the file's banner. A subject and a stated
 * link carry their own marking; everything else in the file is derived from them and carries the
 * join ({@link Marking#join}) of what it is derived from: a match between two subjects the join of
 * both, a shared value the join of the subjects holding it, a resolved entity the join of its
 * members, a record a link points to the join of those links. The banner is the join of every
 * marking in the file, the highest of them ({@link ExportBanner}).
 */
final class ExportMarkings {

  private final Map<String, Marking> subjects;
  private final Map<String, Marking> links = new HashMap<>();
  private final Map<String, List<Marking>> around = new HashMap<>();
  private final String banner;

  private ExportMarkings(GraphExport export) {
    subjects = export.markings();
    for (Link link : export.links()) {
      links.put("link:" + link.id(), link.marking());
    }
    for (GraphEdge edge : export.graph().edges()) {
      Marking marking = edge(edge);
      around.computeIfAbsent(edge.source(), id -> new ArrayList<>()).add(marking);
      around.computeIfAbsent(edge.target(), id -> new ArrayList<>()).add(marking);
    }
    for (GraphNode node : export.graph().nodes()) {
      if (node.parent() != null && subjects.containsKey(node.id())) {
        around.computeIfAbsent(node.parent(), id -> new ArrayList<>()).add(subjects.get(node.id()));
      }
    }
    var all = new ArrayList<Marking>(subjects.values());
    all.addAll(links.values());
    banner = ExportBanner.of(all);
  }

  static ExportMarkings of(GraphExport export) {
    return new ExportMarkings(export);
  }

  /** The file's banner: the highest marking in it. */
  String banner() {
    return banner;
  }

  /** The marking of an edge: a link's own, else the join of the subjects it joins or touches. */
  Marking edge(GraphEdge edge) {
    Marking link = links.get(edge.id());
    if (link != null) {
      return link;
    }
    var ends = new ArrayList<Marking>();
    if (subjects.containsKey(edge.source())) {
      ends.add(subjects.get(edge.source()));
    }
    if (subjects.containsKey(edge.target())) {
      ends.add(subjects.get(edge.target()));
    }
    if (ends.isEmpty()) {
      throw new IllegalStateException("edge " + edge.id() + " touches no exported subject");
    }
    return Marking.join(ends);
  }

  /** The marking of a node: a subject's own, else the join of what it is derived from. */
  Marking node(GraphNode node) {
    Marking own = subjects.get(node.id());
    if (own != null) {
      return own;
    }
    List<Marking> from = around.get(node.id());
    if (from == null || from.isEmpty()) {
      throw new IllegalStateException("node " + node.id() + " is derived from nothing exported");
    }
    return Marking.join(from);
  }

  /** The banner entity that opens a FollowTheMoney file. */
  Map<String, Object> bannerEntity() {
    var entity = new LinkedHashMap<String, Object>();
    entity.put("id", "presstrace-export-banner");
    entity.put("schema", "Document");
    entity.put(
        "properties",
        Map.of(
            "title", List.of(banner()),
            "summary",
                List.of(
                    "PressTrace export: the file as a whole is marked "
                        + banner()
                        + "; handle every line at least as its own marking says")));
    entity.put("presstrace", Map.of("banner", banner(), "marking", banner()));
    return entity;
  }
}
