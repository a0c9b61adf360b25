package org.presstrace.casework.web;

import java.util.List;
import org.presstrace.access.AccessContext;
import org.presstrace.casework.LinkAnalysis;
import org.presstrace.casework.web.GraphApi.Found;
import org.presstrace.casework.web.GraphApi.GraphResponse;
import org.presstrace.casework.web.GraphApi.PathResponse;
import org.presstrace.shared.Page;
import org.presstrace.shared.PageQuery;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The link-analysis page: search a subject, draw its neighbourhood with Cytoscape.js, expand a node
 * on click, find a path between two chosen subjects, export what is drawn. The page fetches its
 * graphs from {@link Data} in the signed-in session, with the purpose stated for the session.
 */
@Controller
@RequestMapping("/resolution/graph")
class GraphPages {

  private final String kindTitles;

  GraphPages(JsonMapper json) {
    var titles = new java.util.LinkedHashMap<String, String>();
    Kinds.all().forEach(kind -> titles.put(kind.value(), kind.title()));
    this.kindTitles = json.writeValueAsString(titles);
  }

  @GetMapping
  String page(AccessContext context, Model model) {
    model.addAttribute("needsPurpose", context.purpose() == null);
    model.addAttribute("maxHops", LinkAnalysis.MAX_HOPS);
    model.addAttribute("maxPathDepth", LinkAnalysis.MAX_PATH_DEPTH);
    model.addAttribute("fanOut", LinkAnalysis.VALUE_FAN_OUT);
    model.addAttribute("kindTitles", kindTitles);
    return "casework/graph";
  }

  /** The page's graphs as JSON; errors come back as problem details naming the field. */
  @RestController
  @RequestMapping("/resolution/graph/data")
  static class Data {

    private final LinkAnalysis graphs;
    private final JsonMapper json;

    Data(LinkAnalysis graphs, JsonMapper json) {
      this.graphs = graphs;
      this.json = json;
    }

    @GetMapping("/subjects")
    Page<Found> find(@RequestParam(required = false) String q, AccessContext context) {
      return graphs.find(context, q, new PageQuery(0, 20)).map(Found::of);
    }

    @GetMapping("/neighbours")
    GraphResponse neighbours(
        @RequestParam(required = false) String id,
        @RequestParam(defaultValue = "1") String k,
        AccessContext context) {
      return GraphResponse.of(graphs.hops(context, id, GraphApi.number("k", k)));
    }

    @GetMapping("/path")
    PathResponse path(
        @RequestParam(required = false) String from,
        @RequestParam(required = false) String to,
        @RequestParam(defaultValue = "4") String maxDepth,
        AccessContext context) {
      return PathResponse.of(graphs.path(context, from, to, GraphApi.number("maxDepth", maxDepth)));
    }

    /** A POST so that the ids of a large drawing fit: a GET line is limited to about 8 KB. */
    @PostMapping("/export")
    ResponseEntity<String> export(
        @RequestParam(required = false) List<String> ids,
        @RequestParam(defaultValue = "cytoscape") String format,
        AccessContext context) {
      return GraphApi.exported(graphs, context, ids, format, json);
    }
  }
}
