package org.presstrace.casework.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.presstrace.casework.Graph;
import org.presstrace.casework.GraphEdge;
import org.presstrace.casework.GraphNode;

/**
 * A graph in Cytoscape.js's elements format: {@code {"nodes": [{"data": {...}}], "edges": [...]}},
 * each element's fields in {@code data}, a subject's resolved entity in {@code data.parent}.
 */
record CytoscapeJson(List<Element> nodes, List<Element> edges) {

  /** One element: its data, without absent fields. */
  record Element(Map<String, Object> data) {}

  static CytoscapeJson of(Graph graph) {
    return new CytoscapeJson(
        graph.nodes().stream().map(CytoscapeJson::node).toList(),
        graph.edges().stream().map(CytoscapeJson::edge).toList());
  }

  /** An exported graph: every node and edge also carries its marking ({@link ExportMarkings}). */
  static CytoscapeJson exported(Graph graph, ExportMarkings markings) {
    return new CytoscapeJson(
        graph.nodes().stream().map(n -> marked(node(n), markings.node(n).banner())).toList(),
        graph.edges().stream().map(e -> marked(edge(e), markings.edge(e).banner())).toList());
  }

  private static Element marked(Element element, String marking) {
    element.data().put("marking", marking);
    return element;
  }

  private static Element node(GraphNode node) {
    var data = new LinkedHashMap<String, Object>();
    data.put("id", node.id());
    data.put("kind", node.kind());
    data.put("label", node.label());
    put(data, "schema", node.schema());
    put(data, "ownerAgency", node.ownerAgency());
    put(data, "marking", node.marking());
    put(data, "caseReference", node.caseReference());
    put(data, "parent", node.parent());
    put(data, "valueKind", node.valueKind());
    put(data, "holders", node.holders());
    if (node.kind().equals("value")) {
      data.put("collapsed", node.collapsed());
    }
    return new Element(data);
  }

  private static Element edge(GraphEdge edge) {
    var data = new LinkedHashMap<String, Object>();
    data.put("id", edge.id());
    data.put("source", edge.source());
    data.put("target", edge.target());
    data.put("kind", edge.kind());
    data.put("label", edge.label());
    put(data, "score", edge.score());
    return new Element(data);
  }

  private static void put(Map<String, Object> data, String field, Object value) {
    if (value != null) {
      data.put(field, value);
    }
  }
}
