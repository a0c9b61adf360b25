package org.presstrace.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Criteria;
import org.presstrace.access.Directory;
import org.presstrace.access.GuardedReads;
import org.presstrace.access.Marking;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.redflags.RedFlags;
import org.presstrace.resolution.Judgement;
import org.presstrace.resolution.Schema;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * No answer, count, shape, presence or absence of an element may depend on a record the caller
 * cannot read. Each test builds a world of readable subjects, adds a hidden record resolving with
 * them (a compartment of the caller's own agency the caller is not in, or another agency's AMBER),
 * and checks that the resolution answer, the graph and the red flags are what they would be without
 * it.
 */
@PressTraceIntegrationTest
class HiddenRecordInferenceIntegrationTests {

  @Autowired Directory directory;
  @Autowired Subjects subjects;
  @Autowired LinkAnalysis graphs;
  @Autowired RedFlags redFlags;
  @Autowired JsonMapper json;
  @Autowired GuardedReads reads;

  /** Where the hidden record is held. */
  enum Hiding {
    COMPARTMENT_OF_OWN_AGENCY,
    OTHER_AGENCY_AMBER
  }

  /**
   * The agencies of one world: the caller is an analyst of {@code own} in no compartment; {@code
   * member} is a colleague in the compartment; {@code other} an investigator of another agency.
   */
  private final class Scene {
    final World world = new World(directory);
    final String own = world.agency("DEA", AgencyKind.FEDERAL, "USA");
    final String otherAgency = world.agency("CBP", AgencyKind.FEDERAL, "USA");
    final String compartment = "OP-" + world.suffix();
    final AccessContext caller =
        world.as(world.user("analyst", own, Role.ANALYST, Role.INVESTIGATOR), Channel.API);
    final AccessContext member;
    final AccessContext other =
        world.as(world.user("other", otherAgency, Role.INVESTIGATOR), Channel.API);

    Scene() {
      String memberName = world.user("member", own, Role.INVESTIGATOR);
      directory.ensureCompartment(compartment, "Case team " + world.suffix(), own);
      directory.ensureMember(compartment, memberName);
      member = world.as(memberName, Channel.API);
    }

    String tag() {
      return world.suffix().toLowerCase(Locale.ROOT);
    }

    /** Eight digits of this world only, so that worlds never share a phone. */
    String digits() {
      return String.format(
          Locale.ROOT, "%08d", Math.floorMod(world.suffix().hashCode(), 100_000_000));
    }

    String phone() {
      return "+86 138 " + digits();
    }

    /**
     * The person of this world: other worlds' people (and other tests' subjects) differ in name,
     * birth date, phone and address, so no world resolves with another.
     */
    String name() {
      // "Zy" first: the person sorts after the company in every world, as explanations list them.
      return "Zy" + word(hash()).toLowerCase(Locale.ROOT) + " " + word(hash() / 97) + " " + tag();
    }

    /** A made-up word of four syllables drawn from {@code seed}: no two worlds share a name. */
    private static String word(int seed) {
      String[] syllables = {
        "ka", "lo", "mi", "ru", "te", "vo", "zan", "qui", "bel", "dor", "fen", "gul", "hix", "jor",
        "pem", "sol"
      };
      var word = new StringBuilder();
      int n = Math.floorMod(seed, 65_536);
      for (int i = 0; i < 4; i++) {
        word.append(syllables[n % 16]);
        n /= 16;
      }
      return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** Another name of this world: two fixed words, then {@code suffix}. */
    String otherName(String suffix) {
      return "Golden Bridge " + suffix;
    }

    String birthDate() {
      return java.time.LocalDate.of(1950, 1, 1)
          .plusDays(Math.floorMod(hash() / 7, 18_000))
          .toString();
    }

    private int hash() {
      return world.suffix().hashCode() * 31 + 17;
    }

    Map<String, List<String>> person(boolean name, boolean phone) {
      var properties = new LinkedHashMap<String, List<String>>();
      properties.put("name", List.of(name ? name() : otherName("") + tag()));
      if (name) {
        properties.put("birthDate", List.of(birthDate()));
        properties.put("nationality", List.of("GB"));
        properties.put("address", List.of("4 " + tag() + " Lane, Dover"));
      }
      if (phone) {
        properties.put("phone", List.of(phone()));
      }
      return properties;
    }

    Submission submit(AccessContext as, Schema schema, Map<String, List<String>> p, Marking m) {
      return subjects.submit(
          as, new SubjectDraft(schema, p, "CASE-" + world.suffix(), "Duty desk", null, null, m));
    }

    Submission readable(Map<String, List<String>> properties) {
      return submit(caller, Schema.PERSON, properties, Marking.of(own, Tlp.AMBER));
    }

    Submission hidden(Hiding hiding, Map<String, List<String>> properties) {
      return switch (hiding) {
        case COMPARTMENT_OF_OWN_AGENCY ->
            submit(
                member,
                Schema.PERSON,
                properties,
                new Marking(own, Tlp.AMBER, null, false, null, compartment));
        case OTHER_AGENCY_AMBER ->
            submit(other, Schema.PERSON, properties, Marking.of(otherAgency, Tlp.AMBER));
      };
    }
  }

  @Test
  void childRowsAreReadOnlyForReadableRecords() {
    Scene scene = new Scene();
    String mine = scene.readable(scene.person(true, true)).subject().id();
    String hidden =
        scene.hidden(Hiding.OTHER_AGENCY_AMBER, scene.person(false, false)).subject().id();
    List<String> owners =
        reads.children(
            scene.caller,
            Subjects.KIND,
            Criteria.where("r.id IN (:ids)", Map.of("ids", List.of(mine, hidden))),
            "resolution_statement",
            "entity_id",
            "ordinal",
            (rs, row) -> rs.getString("entity_id"));
    assertThat(owners).isNotEmpty().containsOnly(mine);
    assertThatThrownBy(
            () ->
                reads.children(
                    scene.caller,
                    Subjects.KIND,
                    Criteria.all(),
                    "x; DROP",
                    "entity_id",
                    "ordinal",
                    (rs, row) -> ""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void canonicalIdDoesNotRevealAHiddenMemberOfTheEntity() {
    // The probe the issue describes: enter the same person again and again, and read whether the
    // canonical id comes back. Each round is a fresh person held in a compartment; the rounds go
    // on until one hidden record's id sorts before the entered one, the case that leaked.
    boolean hiddenWasSmallest = false;
    for (int round = 0; round < 40 && !hiddenWasSmallest; round++) {
      Scene scene = new Scene();
      String hidden =
          scene.hidden(Hiding.COMPARTMENT_OF_OWN_AGENCY, scene.person(true, true)).subject().id();
      Submission entered = scene.readable(scene.person(true, true));
      String id = entered.subject().id();

      assertThat(entered.canonicalId())
          .as("the canonical id over what the caller may read is the entered subject itself")
          .isEqualTo(id);
      assertThat(entered.matches()).isEmpty();
      assertThat(entered.alerts()).as("same agency: no pointer").isEmpty();
      assertThat(entered.toString()).doesNotContain(hidden);
      hiddenWasSmallest = hidden.compareTo(id) < 0;
    }
    assertThat(hiddenWasSmallest).as("a round where the hidden id sorted first").isTrue();
  }

  @Test
  void canonicalIdIsTheSmallestReadableMemberWhenAHiddenOneSortsFirst() {
    boolean hiddenWasSmallest = false;
    for (int round = 0; round < 40 && !hiddenWasSmallest; round++) {
      Scene scene = new Scene();
      String first = scene.readable(scene.person(true, true)).subject().id();
      String hidden =
          scene.hidden(Hiding.OTHER_AGENCY_AMBER, scene.person(true, true)).subject().id();
      Submission entered = scene.readable(scene.person(true, true));
      String id = entered.subject().id();

      assertThat(entered.canonicalId()).isEqualTo(first.compareTo(id) < 0 ? first : id);
      assertThat(entered.matches())
          .singleElement()
          .satisfies(m -> assertThat(List.of(m.leftId(), m.rightId())).contains(first, id));
      hiddenWasSmallest = hidden.compareTo(first) < 0 && hidden.compareTo(id) < 0;
    }
    assertThat(hiddenWasSmallest).as("a round where the hidden id sorted first").isTrue();
  }

  @Test
  void clusterNodeDoesNotDisappearWhenAHiddenRecordJoinsTheEntity() {
    for (Hiding hiding : Hiding.values()) {
      Scene scene = new Scene();
      String r1 = scene.readable(scene.person(true, false)).subject().id();
      String r2 = scene.readable(scene.person(true, false)).subject().id();
      String cluster = "cluster:" + (r1.compareTo(r2) < 0 ? r1 : r2);
      Graph before = graphs.neighbours(scene.caller, r1);

      String hidden = scene.hidden(hiding, scene.person(true, false)).subject().id();
      Graph after = graphs.neighbours(scene.caller, r1);

      assertThat(after).as(hiding.name()).isEqualTo(before);
      assertThat(after.nodes())
          .as(hiding.name())
          .filteredOn(n -> n.kind().equals("cluster"))
          .singleElement()
          .satisfies(
              n -> {
                assertThat(n.id()).isEqualTo(cluster);
                assertThat(n.holders()).as("the hidden member is not counted").isEqualTo(2);
              });
      assertThat(after.nodes())
          .filteredOn(n -> n.kind().equals("subject"))
          .allSatisfy(n -> assertThat(n.parent()).isEqualTo(cluster));
      assertThat(after.toString()).doesNotContain(hidden);
    }
  }

  @Test
  void aHiddenRecordDoesNotBridgeTwoReadableSubjectsIntoOneEntity() {
    Scene scene = new Scene();
    String r1 = scene.readable(scene.person(true, false)).subject().id();
    String r2 = scene.readable(scene.person(false, true)).subject().id();
    String hidden =
        scene.hidden(Hiding.COMPARTMENT_OF_OWN_AGENCY, scene.person(true, true)).subject().id();
    Graph before = graphs.hops(scene.caller, r1, LinkAnalysis.MAX_HOPS);

    // The compartment member, who reads all three, resolves the hidden record with both.
    subjects.judge(scene.member, r1, hidden, Judgement.SAME, "same passport");
    subjects.judge(scene.member, r2, hidden, Judgement.SAME, "same phone");
    assertThat(graphs.neighbours(scene.member, r1).nodes())
        .anyMatch(n -> n.kind().equals("cluster") && n.holders() == 3);

    Graph after = graphs.hops(scene.caller, r1, LinkAnalysis.MAX_HOPS);
    assertThat(after).isEqualTo(before);
    assertThat(after.subjectIds()).containsExactly(r1);
    assertThat(after.nodes()).noneMatch(n -> n.kind().equals("cluster"));
    assertThat(graphs.hops(scene.caller, r2, LinkAnalysis.MAX_HOPS).nodes())
        .noneMatch(n -> n.kind().equals("cluster"));
  }

  /**
   * The property: for a caller, the resolution answer on entering a subject, the graph around it
   * (nodes, edges, cluster nodes, counts) and the red flags are the same whether or not a hidden
   * record resolving with the readable ones is present. Each case builds two worlds, one without
   * and one with a hidden record (random place, random matching values), and compares their answers
   * as JSON, each world's ids, names and phone replaced by role names. The one signal allowed
   * across agencies, the pointer alert, is left out when the hidden record is another agency's.
   */
  @Test
  void noAnswerDependsOnARecordTheCallerCannotRead() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    for (int round = 0; round < 4; round++) {
      Hiding hiding = Hiding.values()[round % Hiding.values().length];
      boolean name = random.nextBoolean();
      boolean phone = !name || random.nextBoolean();
      String clue = "seed " + seed + ", round " + round + ", " + hiding + ", name " + name;

      String without = answers(hiding, false, name, phone);
      String with = answers(hiding, true, name, phone);

      assertThat(with).as(clue).isEqualTo(without);
    }
  }

  /**
   * The answers of one fresh world, normalised: two readable records of one person, a readable
   * company sharing the phone (a shared-contact red flag), optionally the hidden record, then the
   * same person entered once more. The pointer alerts are left out when the hidden record is
   * another agency's.
   */
  private String answers(Hiding hiding, boolean present, boolean hiddenName, boolean hiddenPhone) {
    Scene scene = new Scene();
    var roles = new LinkedHashMap<String, String>();
    String r1 = scene.readable(scene.person(true, true)).subject().id();
    String r2 = scene.readable(scene.person(true, true)).subject().id();
    var company = new LinkedHashMap<String, List<String>>();
    company.put("name", List.of(scene.otherName("Trading ") + scene.tag()));
    company.put("phone", List.of(scene.phone()));
    String r3 =
        scene
            .submit(scene.caller, Schema.COMPANY, company, Marking.of(scene.own, Tlp.AMBER))
            .subject()
            .id();
    String hidden = null;
    if (present) {
      hidden = scene.hidden(hiding, scene.person(hiddenName, hiddenPhone)).subject().id();
    }
    Submission entered = scene.readable(scene.person(true, true));
    String probe = entered.subject().id();
    // The three records of the person differ only in their random ids, whose order decides the
    // order of pairs and names: they are compared as one role.
    roles.put(r1, "PERSON");
    roles.put(r2, "PERSON");
    roles.put(probe, "PERSON");
    roles.put(r3, "COMPANY");
    assertThat(entered.canonicalId())
        .as("the smallest id among the readable members of the entity")
        .isEqualTo(List.of(r1, r2, probe).stream().min(String::compareTo).orElseThrow());

    var answers = json.createObjectNode();
    ObjectNode submission = json.valueToTree(entered);
    if (hiding == Hiding.OTHER_AGENCY_AMBER) {
      if (present) {
        assertThat(entered.alerts()).as("the pointer alert, the one signal allowed").isNotEmpty();
      }
      submission.remove("alerts");
    }
    answers.set("submission", submission);
    answers.set("neighbours", json.valueToTree(graphs.neighbours(scene.caller, probe)));
    answers.set("hops", json.valueToTree(graphs.hops(scene.caller, r3, LinkAnalysis.MAX_HOPS)));
    answers.set(
        "path", json.valueToTree(graphs.path(scene.caller, r3, r1, LinkAnalysis.MAX_PATH_DEPTH)));
    answers.set("export", json.valueToTree(graphs.export(scene.caller, List.of(r1, r3, probe))));
    answers.set("review", json.valueToTree(subjects.reviewQueue(scene.caller)));
    answers.set("matches", json.valueToTree(subjects.matches(scene.caller, r1)));
    answers.set("redFlags", json.valueToTree(redFlags.run(scene.caller)));

    String raw = answers.toString();
    if (hidden != null) {
      assertThat(raw).doesNotContain(hidden);
    }
    var replacements = new LinkedHashMap<String, String>(roles);
    replacements.put(scene.name(), "NAME");
    replacements.put(scene.world.suffix(), "tag");
    replacements.put(scene.tag(), "tag");
    replacements.put(scene.digits(), "DIGITS");
    replacements.put(scene.birthDate(), "BIRTH");
    return normalised(answers, replacements).toPrettyString();
  }

  private static final Set<String> MOMENTS =
      Set.of("at", "createdAt", "raisedAt", "evaluatedAt", "decidedAt", "millis", "statedOn");

  /**
   * The tree with moments dropped, each world's own strings replaced by their role, other ids (flag
   * and value ids) replaced by one word, and every array and object sorted: the order of equal
   * answers may follow random ids.
   */
  private JsonNode normalised(JsonNode node, Map<String, String> replacements) {
    if (node.isObject()) {
      var fields = new java.util.TreeMap<String, JsonNode>();
      for (var field : node.properties()) {
        if (!MOMENTS.contains(field.getKey())) {
          fields.put(
              normalised(StringNode.valueOf(field.getKey()), replacements).asString(),
              normalised(field.getValue(), replacements));
        }
      }
      var copy = json.createObjectNode();
      fields.forEach(copy::set);
      return copy;
    }
    if (node.isArray()) {
      var items = new ArrayList<JsonNode>();
      node.forEach(item -> items.add(normalised(item, replacements)));
      items.sort(java.util.Comparator.comparing(JsonNode::toString));
      ArrayNode copy = json.createArrayNode();
      items.forEach(copy::add);
      return copy;
    }
    if (node.isString()) {
      String text = "\"" + node.asString() + "\"";
      for (var replacement : replacements.entrySet()) {
        text = text.replace(replacement.getKey(), replacement.getValue());
      }
      text =
          text.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "UUID");
      return StringNode.valueOf(text.substring(1, text.length() - 1));
    }
    return node;
  }
}
