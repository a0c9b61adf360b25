package org.presstrace.casework.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.presstrace.access.Marking;
import org.presstrace.casework.GraphEdge;
import org.presstrace.casework.GraphExport;
import org.presstrace.casework.GraphNode;
import org.presstrace.casework.Link;
import org.presstrace.casework.SubjectStatement;
import tools.jackson.databind.json.JsonMapper;

/**
 * An exported subgraph as FollowTheMoney entities, one JSON object per line: each subject as a
 * {@code Person} or {@code Company} with its stated properties, each resolution link as an {@code
 * UnknownLink} between the two, each stated link as its own schema ({@code Payment} with {@code
 * payer} and {@code beneficiary}, {@code Ownership}, ...). Shared values need no entity of their
 * own: they are the properties the subjects have in common, as in FollowTheMoney. Address parts
 * PressTrace keeps apart ({@code street}, {@code postalCode}, {@code city}, {@code region}) are
 * joined into {@code address}. Each entity carries its PressTrace marking beside the FollowTheMoney
 * fields, a match-derived {@code UnknownLink} the join of its two subjects' markings; the first
 * line is the file's banner, a {@code Document} whose title is the highest marking in the file
 * ({@link ExportMarkings}).
 */
final class FtmLines {

  private static final Set<String> ADDRESS_PARTS = Set.of("street", "postalCode", "city", "region");

  private FtmLines() {}

  static String of(GraphExport export, JsonMapper json) {
    var markings = ExportMarkings.of(export);
    var lines = new StringBuilder();
    lines.append(json.writeValueAsString(markings.bannerEntity())).append('\n');
    for (GraphNode node : export.graph().nodes()) {
      if (node.kind().equals("subject")) {
        lines.append(json.writeValueAsString(subject(node, export.statements().get(node.id()))));
        lines.append('\n');
      }
    }
    for (GraphEdge edge : export.graph().edges()) {
      if (edge.kind().equals("match")) {
        lines.append(json.writeValueAsString(link(edge, markings.edge(edge)))).append('\n');
      }
    }
    for (Link link : export.links()) {
      lines.append(json.writeValueAsString(stated(link))).append('\n');
    }
    return lines.toString();
  }

  private static Map<String, Object> subject(GraphNode node, List<SubjectStatement> statements) {
    var properties = new LinkedHashMap<String, List<String>>();
    var address = new ArrayList<String>();
    for (SubjectStatement statement :
        statements == null ? List.<SubjectStatement>of() : statements) {
      if (ADDRESS_PARTS.contains(statement.property())) {
        address.add(statement.value());
      } else {
        properties
            .computeIfAbsent(statement.property(), p -> new ArrayList<>())
            .add(statement.value());
      }
    }
    if (!address.isEmpty() && !properties.containsKey("address")) {
      properties.put("address", List.of(String.join(", ", address)));
    }
    var entity = new LinkedHashMap<String, Object>();
    entity.put("id", node.id());
    entity.put("schema", node.schema());
    entity.put("properties", properties);
    entity.put(
        "presstrace",
        Map.of(
            "marking", node.marking(),
            "ownerAgency", node.ownerAgency(),
            "caseReference", node.caseReference()));
    return entity;
  }

  /** A stated link as its FollowTheMoney schema, with that schema's two role properties. */
  private static Map<String, Object> stated(Link link) {
    var properties = new LinkedHashMap<String, List<String>>();
    properties.put(link.schema().subjectRole(), List.of(link.subject().reference()));
    properties.put(link.schema().objectRole(), List.of(link.object().reference()));
    optional(properties, "amount", link.amount() == null ? null : link.amount().toPlainString());
    optional(properties, "currency", link.currency());
    optional(properties, "date", link.date() == null ? null : link.date().toString());
    optional(properties, "purpose", link.purpose());
    optional(properties, "relationship", link.relationship());
    optional(properties, "role", link.role());
    var entity = new LinkedHashMap<String, Object>();
    entity.put("id", link.id());
    entity.put("schema", link.schema().label());
    entity.put("properties", properties);
    entity.put(
        "presstrace",
        Map.of(
            "marking", link.marking().banner(),
            "ownerAgency", link.marking().ownerAgency(),
            "source", link.source()));
    return entity;
  }

  private static void optional(Map<String, List<String>> properties, String name, String value) {
    if (value != null) {
      properties.put(name, List.of(value));
    }
  }

  private static Map<String, Object> link(GraphEdge edge, Marking marking) {
    var entity = new LinkedHashMap<String, Object>();
    entity.put("id", edge.id().replace(':', '-'));
    entity.put("schema", "UnknownLink");
    entity.put(
        "properties",
        Map.of(
            "subject", List.of(edge.source()),
            "object", List.of(edge.target()),
            "role", List.of("resolved as the same entity: " + edge.label())));
    entity.put(
        "presstrace",
        Map.of(
            "marking", marking.banner(),
            "ownerAgency", marking.ownerAgency(),
            "derivedFrom", List.of(edge.source(), edge.target())));
    return entity;
  }
}
