package org.presstrace.casework;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.presstrace.access.AccessContext;
import org.presstrace.access.Channel;
import org.presstrace.access.LagTolerant;
import org.presstrace.access.Marking;
import org.presstrace.casework.GraphReads.Held;
import org.presstrace.casework.GraphReads.Pair;
import org.presstrace.casework.internal.CaseworkState;
import org.presstrace.resolution.Judgement;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.presstrace.shared.Page;
import org.presstrace.shared.PageQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Link analysis over what the caller may see: the neighbours of a subject, its neighbourhood up to
 * {@value #MAX_HOPS} hops, the shortest path between two subjects, and the export of a chosen
 * subgraph. Subjects are linked by resolution (automatic link band or judged SAME), by the links
 * agencies state ({@link Links}: payments, ownership, directorships ...), and through the values
 * they share (phone, e-mail, identity number, address), each value drawn as a node of its own. A
 * link to a registrant, machine or seizure draws that record as a node the walk does not pass.
 * Every row comes from {@link GraphReads}, so a subject the caller may not read never appears, is
 * never counted, and no path passes through it; a resolved entity is drawn over its readable
 * members only, so that a hidden member neither hides, enlarges nor joins it. A value held by more
 * than {@value #VALUE_FAN_OUT} readable subjects is drawn collapsed: its holders are not drawn and
 * paths do not pass through it.
 */
@Service
public class LinkAnalysis {

  public static final int MAX_HOPS = 3;
  public static final int MAX_PATH_DEPTH = 6;
  public static final int DEFAULT_PATH_DEPTH = 4;

  /** Subjects in one answer; beyond it the answer is marked truncated. */
  public static final int MAX_NODES = 250;

  /** Readable holders of one value beyond which the value is collapsed. */
  public static final int VALUE_FAN_OUT = 25;

  /** Subjects reached while looking for a path before the search gives up. */
  public static final int PATH_SEARCH_LIMIT = 5_000;

  /** Subjects in one export. */
  public static final int MAX_EXPORT = 500;

  /** Stated links read per step of a walk. */
  static final int MAX_LINKS = 2_000;

  private final Subjects subjects;
  private final Links links;
  private final GraphReads reads;
  private final CaseworkState state;

  LinkAnalysis(Subjects subjects, Links links, GraphReads reads, CaseworkState state) {
    this.subjects = subjects;
    this.links = links;
    this.reads = reads;
    this.state = state;
  }

  /**
   * The subjects the caller may read whose label (or case reference) contains {@code text}, to
   * start a graph from; at least two characters.
   */
  @LagTolerant
  public Page<Subject> find(AccessContext context, String text, PageQuery page) {
    if (text == null || text.strip().length() < 2) {
      throw new InvalidRequest("q", "type at least two characters of a name or case reference");
    }
    if (text.length() > 200) {
      throw new InvalidRequest("q", "q is longer than 200 characters");
    }
    return reads.find(context, text.strip(), page);
  }

  /** The subjects one step from {@code id}, with the edges and shared values between them. */
  @LagTolerant(noRollbackFor = NotFound.class)
  public Graph neighbours(AccessContext context, String id) {
    return hops(context, id, 1);
  }

  /** Everything up to {@code k} steps (1 to {@value #MAX_HOPS}) from {@code id}. */
  @LagTolerant(noRollbackFor = NotFound.class)
  public Graph hops(AccessContext context, String id, int k) {
    if (k < 1 || k > MAX_HOPS) {
      throw new InvalidRequest("k", "k must be between 1 and " + MAX_HOPS + ", not " + k);
    }
    subjects.get(context, required(id, "id"));
    var walk = new Walk(context);
    var visited = new LinkedHashSet<String>(List.of(id));
    List<String> frontier = List.of(id);
    for (int depth = 1; depth <= k && !frontier.isEmpty(); depth++) {
      var next = new ArrayList<String>();
      for (Hop hop : walk.expand(frontier)) {
        if (hop.to() != null && !visited.contains(hop.to())) {
          if (visited.size() >= MAX_NODES) {
            walk.truncated = true;
            continue;
          }
          visited.add(hop.to());
          next.add(hop.to());
        }
        walk.keep(hop);
      }
      frontier = next;
    }
    return walk.graph(visited);
  }

  /**
   * The shortest path from {@code from} to {@code to} of at most {@code maxDepth} steps (1 to
   * {@value #MAX_PATH_DEPTH}) through subjects and values the caller may read.
   */
  @LagTolerant(noRollbackFor = NotFound.class)
  public GraphPath path(AccessContext context, String from, String to, int maxDepth) {
    if (maxDepth < 1 || maxDepth > MAX_PATH_DEPTH) {
      throw new InvalidRequest(
          "maxDepth", "maxDepth must be between 1 and " + MAX_PATH_DEPTH + ", not " + maxDepth);
    }
    if (required(from, "from").equals(required(to, "to"))) {
      throw new InvalidRequest("to", "from and to are the same subject");
    }
    subjects.get(context, from);
    subjects.get(context, to);
    var walk = new Walk(context);
    var previous = new HashMap<String, Hop>();
    var visited = new HashSet<String>(Set.of(from));
    List<String> frontier = List.of(from);
    boolean limited = false;
    for (int depth = 1; depth <= maxDepth && !frontier.isEmpty(); depth++) {
      var next = new ArrayList<String>();
      for (Hop hop : walk.expand(frontier)) {
        if (hop.to() != null && visited.add(hop.to())) {
          previous.put(hop.to(), hop);
          next.add(hop.to());
        }
      }
      if (visited.contains(to)) {
        return found(walk, previous, from, to, visited.size());
      }
      if (visited.size() > PATH_SEARCH_LIMIT) {
        limited = true;
        break;
      }
      frontier = next;
    }
    return new GraphPath(false, 0, new Graph(List.of(), List.of(), false), visited.size(), limited);
  }

  /**
   * The subgraph of the given subjects as the caller sees it: the subjects, the edges among them,
   * the values they share and their statements. Every id must be a subject the caller may read.
   */
  @Transactional(noRollbackFor = NotFound.class)
  public GraphExport export(AccessContext context, Collection<String> ids) {
    if (ids == null || ids.isEmpty()) {
      throw new InvalidRequest("ids", "name at least one subject to export");
    }
    var chosen = new LinkedHashSet<String>();
    ids.forEach(id -> chosen.add(required(id, "ids")));
    if (chosen.size() > MAX_EXPORT) {
      throw new InvalidRequest(
          "ids", "an export takes at most " + MAX_EXPORT + " subjects, not " + chosen.size());
    }
    AccessContext exporting = context.via(Channel.EXPORT);
    var readable = reads.subjects(exporting, chosen);
    for (String id : chosen) {
      if (!readable.containsKey(id)) {
        throw new NotFound(Subjects.KIND.name(), id);
      }
    }
    var walk = new Walk(exporting);
    for (Hop hop : walk.expand(chosen)) {
      if (hop.to() == null || chosen.contains(hop.to())) {
        walk.keep(hop);
      }
    }
    Graph graph = walk.graph(chosen);
    var drawn = new HashSet<String>();
    graph.edges().forEach(edge -> drawn.add(edge.id()));
    List<Link> stated =
        walk.linksSeen.values().stream().filter(l -> drawn.contains(linkId(l))).toList();
    var markings = new java.util.HashMap<String, Marking>();
    readable.forEach((id, subject) -> markings.put(id, subject.marking()));
    return new GraphExport(graph, reads.statements(exporting, chosen), stated, markings);
  }

  private GraphPath found(
      Walk walk, Map<String, Hop> previous, String from, String to, int searched) {
    var onPath = new LinkedHashSet<String>(List.of(to));
    int hops = 0;
    for (String at = to; !at.equals(from); hops++) {
      Hop hop = previous.get(at);
      walk.keep(hop);
      at = hop.from();
      onPath.add(at);
    }
    var path = new Walk(walk.context);
    walk.edges.values().stream()
        .filter(edge -> walk.onPath(edge, onPath))
        .forEach(edge -> path.edges.put(edge.id(), edge));
    walk.values.values().stream()
        .filter(value -> path.edges.values().stream().anyMatch(e -> e.target().equals(value.id())))
        .forEach(value -> path.values.put(value.id(), value));
    return new GraphPath(true, hops, path.graph(onPath), searched, false);
  }

  private static String required(String id, String field) {
    if (id == null || id.isBlank()) {
      throw new InvalidRequest(field, field + " is required");
    }
    if (id.length() > 36) {
      throw new InvalidRequest(field, field + " '" + id + "' is not a subject id");
    }
    return id;
  }

  /**
   * One step from a subject to another ({@code to} null for a collapsed value, which is drawn but
   * not passed through), with the edges taken and the value node passed, if any.
   */
  private record Hop(String from, String to, List<GraphEdge> edges, GraphNode via) {}

  /** One answer being built: the edges and value nodes kept so far. */
  private final class Walk {

    final AccessContext context;
    final Map<String, GraphEdge> edges = new LinkedHashMap<>();
    final Map<String, GraphNode> values = new LinkedHashMap<>();
    final Set<String> expandedValues = new HashSet<>();
    final Map<String, Link> linksSeen = new LinkedHashMap<>();
    boolean truncated;

    Walk(AccessContext context) {
      this.context = context;
    }

    /** Every step out of {@code frontier}: resolution links, stated links, shared values. */
    List<Hop> expand(Collection<String> frontier) {
      var hops = new ArrayList<Hop>();
      Set<String> inFrontier = Set.copyOf(frontier);
      for (List<String> chunk : GraphReads.chunks(frontier)) {
        for (Link link : links.touching(context, chunk, MAX_LINKS)) {
          linksSeen.put(link.id(), link);
          stated(link, inFrontier, hops);
        }
      }
      for (Pair pair : reads.links(context, frontier)) {
        GraphEdge edge = matchEdge(pair);
        if (inFrontier.contains(pair.left())) {
          hops.add(new Hop(pair.left(), pair.right(), List.of(edge), null));
        }
        if (inFrontier.contains(pair.right())) {
          hops.add(new Hop(pair.right(), pair.left(), List.of(edge), null));
        }
      }
      var held =
          GraphReads.group(
              reads.values(context, frontier).stream()
                  .filter(h -> !expandedValues.contains(h.key()))
                  .toList(),
              Held::key);
      if (held.isEmpty()) {
        return hops;
      }
      expandedValues.addAll(held.keySet());
      Map<String, Long> counts = reads.holderCounts(context, held.keySet());
      var open = new ArrayList<String>();
      held.forEach(
          (key, mine) -> {
            long count = counts.getOrDefault(key, 0L);
            if (count > VALUE_FAN_OUT) {
              GraphNode node = valueNode(mine.get(0), count, true);
              mine.forEach(
                  h -> hops.add(new Hop(h.subject(), null, List.of(heldEdge(h, node)), node)));
            } else if (count > 1) {
              open.add(key);
            }
          });
      var holders = GraphReads.group(reads.holders(context, open), Held::key);
      holders.forEach(
          (key, all) -> {
            GraphNode node = valueNode(all.get(0), all.size(), false);
            for (Held mine : held.get(key)) {
              for (Held other : all) {
                if (!other.subject().equals(mine.subject())) {
                  hops.add(
                      new Hop(
                          mine.subject(),
                          other.subject(),
                          List.of(heldEdge(mine, node), heldEdge(other, node)),
                          node));
                }
              }
            }
          });
      return hops;
    }

    /** A link between two subjects is a step; one to a record draws the record, a dead end. */
    private void stated(Link link, Set<String> inFrontier, List<Hop> hops) {
      GraphEdge edge = linkEdge(link);
      String from = link.subject().reference();
      String to = link.object().reference();
      if (link.object().kind().equals(LinkEnd.SUBJECT)) {
        if (inFrontier.contains(from)) {
          hops.add(new Hop(from, to, List.of(edge), null));
        }
        if (inFrontier.contains(to)) {
          hops.add(new Hop(to, from, List.of(edge), null));
        }
      } else if (inFrontier.contains(from)) {
        hops.add(new Hop(from, null, List.of(edge), GraphNode.record(link.object())));
      }
    }

    void keep(Hop hop) {
      hop.edges().forEach(edge -> edges.put(edge.id(), edge));
      if (hop.via() != null) {
        values.put(hop.via().id(), hop.via());
      }
    }

    boolean onPath(GraphEdge edge, Set<String> subjects) {
      if (edge.kind().equals("value")) {
        return subjects.contains(edge.source());
      }
      return subjects.contains(edge.source()) && subjects.contains(edge.target());
    }

    /** The graph of {@code subjectIds}, the values kept and the edges between them. */
    Graph graph(Collection<String> subjectIds) {
      Map<String, Subject> shown = reads.subjects(context, subjectIds);
      Map<String, Set<String>> entities = entities(shown.keySet());
      var parents = new HashMap<String, String>();
      var drawn = new HashSet<String>();
      var nodes = new ArrayList<GraphNode>();
      entities.forEach(
          (id, entity) -> {
            String parent = "cluster:" + entity.stream().min(String::compareTo).orElseThrow();
            if (drawn.add(parent)) {
              nodes.add(
                  GraphNode.cluster(
                      parent, "Resolved entity: " + shown.get(id).label(), entity.size()));
            }
            parents.put(id, parent);
          });
      shown.values().forEach(s -> nodes.add(GraphNode.subject(s, parents.get(s.id()))));
      var kept = new ArrayList<GraphEdge>();
      for (GraphEdge edge : edges.values()) {
        boolean sourceShown = shown.containsKey(edge.source());
        boolean targetShown = shown.containsKey(edge.target()) || values.containsKey(edge.target());
        if (sourceShown && targetShown) {
          kept.add(edge);
        }
      }
      var usedValues = new HashSet<String>();
      kept.forEach(edge -> usedValues.add(edge.target()));
      values.values().stream().filter(v -> usedValues.contains(v.id())).forEach(nodes::add);
      return new Graph(nodes, kept, truncated);
    }

    /**
     * The resolved entity of each shown subject that has one, taken over the subjects the caller
     * may read only: linked through readable subjects, counting and named after readable ones. A
     * hidden member neither removes, enlarges nor renames the entity, nor joins two readable
     * subjects into one; the grouping is the one drawn if it did not exist.
     */
    private Map<String, Set<String>> entities(Set<String> shown) {
      var everyMember = new HashSet<String>();
      for (String id : shown) {
        everyMember.addAll(cluster(id));
      }
      Set<String> readable =
          everyMember.size() > shown.size()
              ? reads.subjects(context, everyMember).keySet()
              : Set.copyOf(shown);
      var entities = new LinkedHashMap<String, Set<String>>();
      for (String id : shown) {
        Set<String> entity = readableCluster(id, readable);
        if (entity.size() > 1) {
          entities.put(id, entity);
        }
      }
      return entities;
    }

    private Set<String> readableCluster(String id, Set<String> readable) {
      try {
        return state.index().cluster(context.caller().agency(), id, readable::contains);
      } catch (InvalidRequest notYetIndexed) {
        return Set.of(id);
      }
    }

    private Set<String> cluster(String id) {
      try {
        return state.index().cluster(context.caller().agency(), id);
      } catch (InvalidRequest notYetIndexed) {
        return Set.of(id);
      }
    }
  }

  private static GraphEdge matchEdge(Pair pair) {
    String label =
        pair.judgement() == Judgement.SAME
            ? "judged same"
            : String.format(Locale.ROOT, "same entity %.2f", pair.score());
    return new GraphEdge(
        "match:" + GraphReads.key(pair.left(), pair.right()).replace(' ', ':'),
        pair.left(),
        pair.right(),
        "match",
        label,
        pair.score());
  }

  private static String linkId(Link link) {
    return "link:" + link.id();
  }

  private static GraphEdge linkEdge(Link link) {
    String label =
        link.amount() == null
            ? link.schema().label()
            : link.schema().label() + " " + link.amount().toPlainString() + " " + link.currency();
    return new GraphEdge(
        linkId(link), link.subject().reference(), link.object().reference(), "link", label, null);
  }

  private static GraphNode valueNode(Held held, long holders, boolean collapsed) {
    String text = collapsed ? held.text() + " (" + holders + " subjects, collapsed)" : held.text();
    return GraphNode.value(valueId(held.key()), held.kind(), text, (int) holders, collapsed);
  }

  private static GraphEdge heldEdge(Held held, GraphNode value) {
    return new GraphEdge(
        "held:" + held.subject() + ":" + value.id(),
        held.subject(),
        value.id(),
        "value",
        held.kind(),
        null);
  }

  static String valueId(String key) {
    return "value:" + UUID.nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
