package org.presstrace.casework.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.presstrace.access.AccessContext;
import org.presstrace.access.ExportBanner;
import org.presstrace.casework.Graph;
import org.presstrace.casework.GraphExport;
import org.presstrace.casework.GraphPath;
import org.presstrace.casework.LinkAnalysis;
import org.presstrace.casework.Subject;
import org.presstrace.shared.Decimals;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.Page;
import org.presstrace.shared.PageQuery;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Link analysis over the API: find a subject, its neighbours, its neighbourhood up to three hops,
 * the shortest path between two subjects, and the export of a subgraph. Graphs are answered in
 * Cytoscape.js's elements format; they hold only what the caller may read. Reads state a purpose in
 * {@code PressTrace-Purpose} (or {@code purpose}).
 */
@RestController
@RequestMapping("/api/v1/resolution/graph")
@Tag(name = "Link analysis")
class GraphApi {

  private final LinkAnalysis graphs;
  private final JsonMapper json;

  GraphApi(LinkAnalysis graphs, JsonMapper json) {
    this.graphs = graphs;
    this.json = json;
  }

  /** A subject found to start a graph from. */
  record Found(String id, String schema, String label, String caseReference, String ownerAgency) {

    static Found of(Subject subject) {
      return new Found(
          subject.id(),
          subject.schema().label(),
          subject.label(),
          subject.caseReference(),
          subject.marking().ownerAgency());
    }
  }

  /** A graph: Cytoscape.js elements and whether more was reachable than shown. */
  record GraphResponse(CytoscapeJson elements, boolean truncated) {

    static GraphResponse of(Graph graph) {
      return new GraphResponse(CytoscapeJson.of(graph), graph.truncated());
    }
  }

  /** A path question's answer. */
  record PathResponse(
      boolean found, int hops, int searched, boolean limitReached, CytoscapeJson elements) {

    static PathResponse of(GraphPath path) {
      return new PathResponse(
          path.found(),
          path.hops(),
          path.searched(),
          path.limitReached(),
          CytoscapeJson.of(path.graph()));
    }
  }

  /** An exported subgraph in Cytoscape.js's format. */
  /** An exported graph: its banner (the highest marking in it) and its marked elements. */
  record ExportResponse(String banner, Instant exportedAt, CytoscapeJson elements) {}

  @GetMapping("/subjects")
  @Operation(summary = "Subjects you may read whose name or case reference contains q")
  Page<Found> find(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      AccessContext context) {
    return graphs.find(context, q, PageQuery.of(page, size)).map(Found::of);
  }

  @GetMapping("/subjects/{id}/neighbours")
  @Operation(summary = "A subject's neighbours: resolution links and shared values")
  GraphResponse neighbours(@PathVariable String id, AccessContext context) {
    return GraphResponse.of(graphs.neighbours(context, id));
  }

  @GetMapping("/subjects/{id}/hops")
  @Operation(summary = "Everything up to k (1 to 3) steps from a subject")
  GraphResponse hops(
      @PathVariable String id, @RequestParam(defaultValue = "2") String k, AccessContext context) {
    return GraphResponse.of(graphs.hops(context, id, number("k", k)));
  }

  @GetMapping("/path")
  @Operation(summary = "The shortest path between two subjects, at most maxDepth (1 to 6) steps")
  PathResponse path(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String maxDepth,
      AccessContext context) {
    int depth = maxDepth == null ? LinkAnalysis.DEFAULT_PATH_DEPTH : number("maxDepth", maxDepth);
    return PathResponse.of(graphs.path(context, from, to, depth));
  }

  @GetMapping("/export")
  @Operation(
      summary =
          "Export the subgraph of the given subjects: format=cytoscape (JSON elements) or"
              + " format=ftm (FollowTheMoney entities, one per line)")
  ResponseEntity<String> export(
      @RequestParam(required = false) List<String> ids,
      @RequestParam(defaultValue = "cytoscape") String format,
      AccessContext context) {
    return exported(graphs, context, ids, format, json);
  }

  /** The export of {@code ids} in {@code format}, as a file to download. */
  static ResponseEntity<String> exported(
      LinkAnalysis graphs,
      AccessContext context,
      List<String> ids,
      String format,
      JsonMapper json) {
    String chosen = format.strip().toLowerCase(Locale.ROOT);
    if (!chosen.equals("cytoscape") && !chosen.equals("ftm")) {
      throw new InvalidRequest("format", "format must be cytoscape or ftm, not '" + format + "'");
    }
    GraphExport export = graphs.export(context, split(ids));
    var markings = ExportMarkings.of(export);
    boolean ftm = chosen.equals("ftm");
    String body =
        ftm
            ? FtmLines.of(export, json)
            : json.writeValueAsString(
                new ExportResponse(
                    markings.banner(),
                    Instant.now(),
                    CytoscapeJson.exported(export.graph(), markings)));
    return ResponseEntity.ok()
        .header(ExportBanner.HEADER, markings.banner())
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"presstrace-graph" + (ftm ? ".ftm.json" : ".cyjs") + "\"")
        .contentType(
            ftm ? MediaType.parseMediaType("application/x-ndjson") : MediaType.APPLICATION_JSON)
        .body(body);
  }

  /** Ids given as repeated parameters or comma-separated. */
  private static List<String> split(List<String> ids) {
    var all = new ArrayList<String>();
    if (ids != null) {
      for (String id : ids) {
        for (String one : id.split(",")) {
          if (!one.isBlank()) {
            all.add(one.strip());
          }
        }
      }
    }
    return all;
  }

  static int number(String field, String text) {
    Long number = Decimals.wholeNumber(text, field, Integer.MIN_VALUE, Integer.MAX_VALUE);
    if (number == null) {
      throw new InvalidRequest(field, field + " is required");
    }
    return number.intValue();
  }
}
