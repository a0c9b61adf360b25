package org.presstrace.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Marking;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.resolution.Judgement;
import org.presstrace.resolution.Schema;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Link analysis sees exactly what its caller may read. The shared world: agency B holds b1 and b2
 * (sharing a phone) and b3; agency A holds a1 at TLP:AMBER, which shares an e-mail with b2 and a
 * phone with b3. B never sees a1, its values, or the path from b1 to b3 that only a1 makes.
 */
@PressTraceIntegrationTest
class LinkAnalysisIntegrationTests {

  @Autowired Directory directory;
  @Autowired Subjects subjects;
  @Autowired LinkAnalysis graphs;
  @Autowired Links links;

  World world;
  AccessContext agentA;
  AccessContext agentB;
  String b1;
  String b2;
  String b3;
  String a1;

  @BeforeEach
  void world() {
    world = new World(directory);
    String a = world.agency("DEA", AgencyKind.FEDERAL, "USA");
    String b = world.agency("CBP", AgencyKind.FEDERAL, "USA");
    agentA = world.as(world.user("agent-a", a, Role.INVESTIGATOR), Channel.API);
    agentB = world.as(world.user("agent-b", b, Role.ANALYST), Channel.API);
    b1 = person(agentB, "Lorna Quell", Tlp.GREEN, "phone", phone(1));
    b2 =
        company(
            agentB, "Tidewater Freight " + tag(), Tlp.GREEN, "phone", phone(1), "email", email());
    a1 = person(agentA, "Zoltan Harrowgate", Tlp.AMBER, "email", email(), "phone", phone(2));
    b3 = person(agentB, "Mirela Stound", Tlp.GREEN, "phone", phone(2));
  }

  @Test
  void neighboursShowOnlyWhatTheCallerMayRead() {
    Graph forB = graphs.neighbours(agentB, b2);

    assertThat(forB.subjectIds()).containsExactlyInAnyOrder(b1, b2);
    assertThat(labels(forB)).contains("+86138" + digits(1)).doesNotContain(email());
    assertThat(forB.toString())
        .doesNotContain(a1)
        .doesNotContain("Harrowgate")
        .doesNotContain(email())
        .doesNotContain(digits(2));
    assertThat(forB.edges())
        .allSatisfy(edge -> assertThat(ids(forB)).contains(edge.source(), edge.target()));

    Graph forA = graphs.neighbours(agentA, b2);
    assertThat(forA.subjectIds()).containsExactlyInAnyOrder(b1, b2, a1);
    assertThat(labels(forA)).contains(email());
  }

  @Test
  void hopsNeverPassThroughAHiddenSubject() {
    assertThat(graphs.hops(agentB, b1, 3).subjectIds()).containsExactlyInAnyOrder(b1, b2);
    assertThat(graphs.hops(agentA, b1, 3).subjectIds()).containsExactlyInAnyOrder(b1, b2, a1, b3);
    assertThat(graphs.hops(agentA, b1, 2).subjectIds()).containsExactlyInAnyOrder(b1, b2, a1);
  }

  @Test
  void aPathThatOnlyExistsThroughAHiddenSubjectIsNotFound() {
    GraphPath forB = graphs.path(agentB, b1, b3, LinkAnalysis.MAX_PATH_DEPTH);
    assertThat(forB.found()).isFalse();
    assertThat(forB.graph().nodes()).isEmpty();
    assertThat(forB.toString()).doesNotContain(a1);

    GraphPath forA = graphs.path(agentA, b1, b3, LinkAnalysis.DEFAULT_PATH_DEPTH);
    assertThat(forA.found()).isTrue();
    assertThat(forA.hops()).isEqualTo(3);
    assertThat(forA.graph().subjectIds()).containsExactlyInAnyOrder(b1, b2, a1, b3);
    assertThat(forA.graph().nodes()).filteredOn(n -> n.kind().equals("value")).hasSize(3);
    assertThat(forA.graph().edges()).hasSize(6);

    assertThat(graphs.path(agentA, b1, b3, 2).found()).as("three steps needed").isFalse();
  }

  @Test
  void statedLinksAreStepsOnlyForCallersWhoMayReadTheLink() {
    links.record(agentA, link(LinkSchema.ASSOCIATE, b1, b3, null, "courier for", Tlp.AMBER));
    assertThat(graphs.neighbours(agentA, b1).subjectIds()).contains(b3);
    assertThat(graphs.neighbours(agentB, b1).subjectIds()).doesNotContain(b3);
    assertThat(graphs.path(agentB, b1, b3, LinkAnalysis.MAX_PATH_DEPTH).found())
        .as("A's AMBER link is no path for B")
        .isFalse();

    links.record(
        agentB,
        link(LinkSchema.PAYMENT, b1, b3, new java.math.BigDecimal("9500"), null, Tlp.GREEN));
    Graph forB = graphs.neighbours(agentB, b1);
    assertThat(forB.subjectIds()).contains(b3);
    assertThat(forB.edges())
        .filteredOn(edge -> edge.kind().equals("link"))
        .singleElement()
        .satisfies(edge -> assertThat(edge.label()).isEqualTo("Payment 9500 USD"));
    GraphPath path = graphs.path(agentB, b1, b3, 2);
    assertThat(path.found()).isTrue();
    assertThat(path.hops()).isEqualTo(1);
    GraphExport export = graphs.export(agentB, List.of(b1, b3));
    assertThat(export.links())
        .singleElement()
        .satisfies(l -> assertThat(l.schema()).isEqualTo(LinkSchema.PAYMENT));
  }

  @Test
  void subjectsResolvedAsOneAreLinkedAndGroupedOverTheReadableMembersOnly() {
    String name = "Thaddeus Quorrimble " + tag();
    String r1 = resolvable(agentB, name, Tlp.GREEN);
    String r2 = resolvable(agentB, name, Tlp.GREEN);

    Graph linked = graphs.neighbours(agentB, r1);
    assertThat(linked.edges())
        .anySatisfy(
            edge -> {
              assertThat(edge.kind()).isEqualTo("match");
              assertThat(List.of(edge.source(), edge.target())).containsExactlyInAnyOrder(r1, r2);
            });
    String cluster = "cluster:" + (r1.compareTo(r2) < 0 ? r1 : r2);
    assertThat(linked.nodes())
        .filteredOn(n -> n.kind().equals("subject"))
        .allSatisfy(n -> assertThat(n.parent()).isEqualTo(cluster));
    assertThat(ids(linked)).contains(cluster);

    String hidden = resolvable(agentA, name, Tlp.AMBER);
    Graph withHidden = graphs.neighbours(agentB, r1);
    assertThat(withHidden.subjectIds()).containsExactlyInAnyOrder(r1, r2);
    assertThat(withHidden).as("a hidden member changes nothing").isEqualTo(linked);
    assertThat(withHidden.toString()).doesNotContain(hidden);
    assertThat(graphs.neighbours(agentA, r1).subjectIds()).contains(r1, r2, hidden);

    subjects.judge(agentB, r1, r2, Judgement.NOT_SAME, "different dates of entry");
    assertThat(graphs.neighbours(agentB, r1).edges())
        .noneMatch(e -> e.kind().equals("match") && List.of(e.source(), e.target()).contains(r2));
  }

  @Test
  void aValueSharedByMoreReadableSubjectsThanTheCapIsCollapsed() {
    String address = "Unit 9, " + tag() + " Logistics Park, Yantian, Shenzhen";
    var held = new ArrayList<String>();
    for (int i = 0; i < LinkAnalysis.VALUE_FAN_OUT + 5; i++) {
      held.add(company(agentB, "Forwarder " + words(i), Tlp.GREEN, "address", address));
    }
    Graph graph = graphs.neighbours(agentB, held.get(0));
    GraphNode value =
        graph.nodes().stream().filter(n -> n.kind().equals("value")).findFirst().orElseThrow();
    assertThat(value.collapsed()).isTrue();
    assertThat(value.holders()).isEqualTo(LinkAnalysis.VALUE_FAN_OUT + 5);
    assertThat(graph.edges())
        .filteredOn(edge -> edge.kind().equals("value"))
        .singleElement()
        .satisfies(edge -> assertThat(edge.source()).isEqualTo(held.get(0)));
    assertThat(graph.subjectIds().size())
        .as("only resolution links, never the value, bring other holders")
        .isLessThan(4);
    String unlinked =
        held.stream().filter(id -> !graph.subjectIds().contains(id)).findFirst().orElseThrow();
    assertThat(graphs.path(agentB, held.get(0), unlinked, 1).found())
        .as("no path through a collapsed value")
        .isFalse();
  }

  @Test
  void hiddenHoldersOfAValueAreNeitherDrawnNorCountedNorCollapseIt() {
    String address = "Room 12, " + tag() + " Tower, Nanshan, Shenzhen";
    String mine = company(agentB, "Kestrel Shipping " + tag(), Tlp.GREEN, "address", address);
    String colleague = company(agentB, "Harbour Lines " + tag(), Tlp.GREEN, "address", address);
    for (int i = 0; i < LinkAnalysis.VALUE_FAN_OUT + 5; i++) {
      company(agentA, "Shell " + words(i), Tlp.AMBER, "address", address);
    }
    Graph graph = graphs.neighbours(agentB, mine);
    assertThat(graph.subjectIds()).containsExactlyInAnyOrder(mine, colleague);
    GraphNode value =
        graph.nodes().stream().filter(n -> n.kind().equals("value")).findFirst().orElseThrow();
    assertThat(value.collapsed()).isFalse();
    assertThat(value.holders()).isEqualTo(2);
  }

  @Test
  void anExportHoldsTheChosenSubjectsTheirSharedValuesAndStatements() {
    GraphExport export = graphs.export(agentB, List.of(b1, b2));
    assertThat(export.graph().subjectIds()).containsExactlyInAnyOrder(b1, b2);
    assertThat(export.graph().nodes()).filteredOn(n -> n.kind().equals("value")).hasSize(1);
    assertThat(export.statements().get(b2))
        .extracting(SubjectStatement::property)
        .contains("name", "phone", "email");
    assertThat(export.toString()).doesNotContain(a1).doesNotContain("Harrowgate");

    assertThatThrownBy(() -> graphs.export(agentB, List.of(b1, a1)))
        .isInstanceOf(NotFound.class)
        .hasMessageContaining(a1);
  }

  @Test
  void badRequestsAreRefusedWithTheirField() {
    assertThatThrownBy(() -> graphs.hops(agentB, b1, 0))
        .isInstanceOf(InvalidRequest.class)
        .extracting("field")
        .isEqualTo("k");
    assertThatThrownBy(() -> graphs.hops(agentB, b1, 4))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("between 1 and 3");
    assertThatThrownBy(() -> graphs.neighbours(agentB, "no-such-subject"))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> graphs.neighbours(agentB, a1))
        .as("another agency's AMBER subject reads as absent")
        .isInstanceOf(NotFound.class)
        .hasMessage("no subject with id '" + a1 + "'");
    assertThatThrownBy(() -> graphs.path(agentB, b1, b1, 3))
        .isInstanceOf(InvalidRequest.class)
        .extracting("field")
        .isEqualTo("to");
    assertThatThrownBy(() -> graphs.path(agentB, b1, b3, 7))
        .isInstanceOf(InvalidRequest.class)
        .extracting("field")
        .isEqualTo("maxDepth");
    assertThatThrownBy(() -> graphs.path(agentB, b1, a1, 3)).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> graphs.export(agentB, List.of()))
        .isInstanceOf(InvalidRequest.class)
        .extracting("field")
        .isEqualTo("ids");
    assertThatThrownBy(() -> graphs.export(agentB, Collections.nCopies(1, "x".repeat(37))))
        .isInstanceOf(InvalidRequest.class);
  }

  private static LinkDraft link(
      LinkSchema schema,
      String from,
      String to,
      java.math.BigDecimal amount,
      String relationship,
      Tlp tlp) {
    return new LinkDraft(
        schema,
        from,
        to,
        amount,
        amount == null ? null : "USD",
        amount == null ? null : java.time.LocalDate.of(2026, 1, 15),
        null,
        relationship,
        null,
        "Case file",
        null,
        Marking.of("ignored", tlp));
  }

  private String resolvable(AccessContext context, String name, Tlp tlp) {
    return submit(
        context,
        Schema.PERSON,
        Map.of(
            "name",
            List.of(name),
            "birthDate",
            List.of(
                java.time.LocalDate.of(1940, 1, 1)
                    .plusDays(Math.floorMod(tag().hashCode(), 20_000))
                    .toString()),
            "nationality",
            List.of("GB"),
            "address",
            List.of("4 " + tag() + " Lane, Dover")),
        tlp);
  }

  private String person(AccessContext context, String name, Tlp tlp, String... values) {
    return submit(context, Schema.PERSON, properties(name + " " + tag(), values), tlp);
  }

  private String company(AccessContext context, String name, Tlp tlp, String... values) {
    return submit(context, Schema.COMPANY, properties(name, values), tlp);
  }

  private String submit(
      AccessContext context, Schema schema, Map<String, List<String>> properties, Tlp tlp) {
    return subjects
        .submit(
            context,
            new SubjectDraft(
                schema,
                properties,
                "CASE-" + tag(),
                "Duty desk",
                null,
                null,
                Marking.of("ignored", tlp)))
        .subject()
        .id();
  }

  private static Map<String, List<String>> properties(String name, String... values) {
    var properties = new java.util.LinkedHashMap<String, List<String>>();
    properties.put("name", List.of(name));
    for (int i = 0; i < values.length; i += 2) {
      properties.put(values[i], List.of(values[i + 1]));
    }
    return properties;
  }

  private String tag() {
    return world.suffix().toLowerCase(Locale.ROOT);
  }

  /** Eight digits of this test only, so that subjects of other tests never share a phone. */
  private String digits(int n) {
    return String.format(
        Locale.ROOT, "%07d%d", Math.floorMod(world.suffix().hashCode(), 10_000_000), n);
  }

  private String phone(int n) {
    return "+86 138 " + digits(n);
  }

  private String email() {
    return "desk." + tag() + "@tidewater.example";
  }

  /** A distinct made-up word pair for {@code i}, so that numbered companies do not resolve. */
  private static String words(int i) {
    String[] first = {"Amber", "Birch", "Cobalt", "Dune", "Ember", "Fjord"};
    String[] second = {"Gate", "Hollow", "Isle", "Jetty", "Keel", "Lagoon"};
    return first[i % 6] + " " + second[(i / 6) % 6];
  }

  private static List<String> labels(Graph graph) {
    return graph.nodes().stream().map(GraphNode::label).toList();
  }

  private static List<String> ids(Graph graph) {
    return graph.nodes().stream().map(GraphNode::id).toList();
  }
}
