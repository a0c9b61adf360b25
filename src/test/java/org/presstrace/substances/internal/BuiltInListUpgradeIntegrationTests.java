package org.presstrace.substances.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.substances.ControlAction;
import org.presstrace.substances.ControlledList;
import org.presstrace.substances.Designations;
import org.presstrace.substances.ManifestLine;
import org.presstrace.substances.ManifestScreenings;
import org.presstrace.substances.Substance;
import org.presstrace.substances.Substances;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A new version of the built-in list is loaded in place: the controls, names and end dates that
 * designation imports added to a built-in substance survive it, stored screenings keep their
 * substance, and the built-in names and controls themselves follow the new version. The test adds
 * its own built-in substances (named with its suffix) and loads the shipped list again at the end.
 */
@PressTraceIntegrationTest
class BuiltInListUpgradeIntegrationTests {

  static final String SUPPLEMENTARY =
      "Non-medical narcotic and psychotropic substances (supplementary list)";

  @Autowired BuiltInListLoader loader;
  @Autowired Designations designations;
  @Autowired Substances substances;
  @Autowired ManifestScreenings screenings;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;

  private World world;
  private AccessContext asAdmin;
  private AccessContext asAnalyst;
  private String tracked;
  private String unused;
  private String name;

  @BeforeEach
  void setUp() {
    world = new World(directory);
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    asAdmin =
        world.as(world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.API);
    asAnalyst =
        world.as(
            world.user("analyst", world.agency("CBP", AgencyKind.FEDERAL, "USA"), Role.ANALYST),
            Channel.API);
    String suffix = world.suffix().toLowerCase(Locale.ROOT);
    tracked = "upgradetest-" + suffix;
    unused = "droptest-" + suffix;
    name = "Upgradefentanyl" + suffix;
  }

  @AfterEach
  void loadTheShippedListAgain() {
    ReferenceList shipped = ReferenceList.builtIn();
    loader.load(
        new ReferenceList(
            shipped.version() + "-restored-" + System.nanoTime(),
            shipped.substances(),
            shipped.classControls()));
  }

  private ReferenceList version(
      String label, List<String> synonyms, String source, Substance... extra) {
    ReferenceList shipped = ReferenceList.builtIn();
    var all = new ArrayList<>(shipped.substances());
    all.add(testSubstance(synonyms, source));
    all.addAll(List.of(extra));
    return new ReferenceList(
        shipped.version() + "-" + label + "-" + System.nanoTime(), all, shipped.classControls());
  }

  private Substance testSubstance(List<String> synonyms, String source) {
    var scheduleOne =
        new ControlAction(
            tracked,
            null,
            "USA",
            "CSA",
            "Schedule I",
            LocalDate.of(2020, 1, 1),
            "2020-01-01",
            LocalDate.of(2020, 1, 1),
            null,
            source,
            null);
    return new Substance(
        tracked,
        name,
        null,
        "fentanyl",
        null,
        null,
        null,
        synonyms,
        List.of("升级测试芬太尼" + world.suffix()),
        List.of(source),
        List.of(scheduleOne));
  }

  private Substance unusedSubstance() {
    return new Substance(
        unused,
        "Dropfentanyl" + world.suffix(),
        null,
        "fentanyl",
        null,
        null,
        null,
        List.of(),
        List.of(),
        List.of("test"),
        List.of());
  }

  private String designation(String jurisdiction, String instrument, String category, String day) {
    return """
        {"jurisdiction": "%s", "instrument": "%s", "category": "%s", "effective": "%s",
         "source": "Upgrade test announcement %s %s", "substances": [
           {"name": "%s", "synonyms": ["imported synonym %s"], "chinese": ["进口名%s"]}]}
        """
        .formatted(
            jurisdiction,
            instrument,
            category,
            day,
            category,
            world.suffix(),
            name,
            world.suffix(),
            world.suffix());
  }

  private List<String> names(String kind, String origin) {
    return jdbc.sql(
            "SELECT synonym FROM substance_synonym WHERE substance_id = :id AND kind = :kind"
                + " AND origin = :origin ORDER BY synonym")
        .param("id", tracked)
        .param("kind", kind)
        .param("origin", origin)
        .query(String.class)
        .list();
  }

  private List<String> controlIds(String origin) {
    return jdbc.sql(
            "SELECT id FROM control_action WHERE substance_id = :id AND origin = :o ORDER BY id")
        .param("id", tracked)
        .param("o", origin)
        .query(String.class)
        .list();
  }

  private List<String> controlledCategories(String jurisdiction, LocalDate day) {
    ControlledList list = substances.controlledOn(jurisdiction, day);
    return list.substances().stream()
        .filter(c -> tracked.equals(c.substanceId()))
        .map(c -> c.control().category())
        .toList();
  }

  private String origin(String id) {
    return jdbc.sql("SELECT origin FROM substance WHERE id = :id")
        .param("id", id)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  @Test
  void importedDesignationsAndScreeningsSurviveANewBuiltInVersion() {
    String oldSynonym = "zorbalamide " + world.suffix();
    String newSynonym = "quintexonyl " + world.suffix();
    assertThat(
            loader.load(
                version("v1", List.of(oldSynonym), "Upgrade test list v1", unusedSubstance())))
        .isTrue();

    designations.apply(
        asAdmin, designation("CHN", SUPPLEMENTARY, "non-medical NPS", "2021-07-01"), "json");
    designations.apply(asAdmin, designation("USA", "CSA", "Schedule II", "2023-01-01"), "json");
    var screening =
        screenings.screen(
            asAnalyst,
            "Upgrade test " + world.suffix(),
            List.of(new ManifestLine(1, "5 kg " + name, null, "2933", "5 kg", "A", "B")));
    List<String> imported = controlIds("designation");
    List<String> builtIn = controlIds("built-in");
    assertThat(imported).hasSize(2);
    assertThat(builtIn).hasSize(1);

    assertThat(loader.load(version("v2", List.of(newSynonym), "Upgrade test list v2"))).isTrue();

    assertThat(controlIds("designation")).isEqualTo(imported);
    assertThat(controlIds("built-in")).as("updated in place").isEqualTo(builtIn);
    var scheduleOne =
        jdbc.sql("SELECT source, effective_to FROM control_action WHERE id = :id")
            .param("id", builtIn.get(0))
            .query((rs, n) -> List.of(rs.getString(1), String.valueOf(rs.getObject(2))))
            .single();
    assertThat(scheduleOne.get(0)).isEqualTo("Upgrade test list v2");
    assertThat(scheduleOne.get(1)).as("the end a designation set").isEqualTo("2023-01-01");
    assertThat(names("SYNONYM", "built-in")).containsExactly(newSynonym);
    assertThat(names("SYNONYM", "designation"))
        .containsExactly("imported synonym " + world.suffix());
    assertThat(names("CHINESE", "designation")).containsExactly("进口名" + world.suffix());
    assertThat(names("NAME", "built-in")).containsExactly(name);
    assertThat(origin(unused)).as("dropped and referred to by nothing").isNull();

    assertThat(controlledCategories("CHN", LocalDate.of(2021, 6, 30))).isEmpty();
    assertThat(controlledCategories("CHN", LocalDate.of(2021, 7, 1)))
        .containsExactly("non-medical NPS");
    assertThat(controlledCategories("USA", LocalDate.of(2022, 12, 31)))
        .containsExactly("Schedule I");
    assertThat(controlledCategories("USA", LocalDate.of(2023, 1, 1)))
        .containsExactly("Schedule II");

    var screen = substances.manifestScreen();
    assertThat(hits(screen, newSynonym)).contains(tracked);
    assertThat(hits(screen, "imported synonym " + world.suffix())).contains(tracked);
    assertThat(hits(screen, oldSynonym)).doesNotContain(tracked);
    assertThat(screenings.get(asAnalyst, screening.screening().id()).lines().get(0).hits())
        .anySatisfy(hit -> assertThat(hit.substanceId()).isEqualTo(tracked));

    // The shipped list no longer carries the test substance: designations still control it.
    loadTheShippedListAgain();
    assertThat(origin(tracked)).isEqualTo(BuiltInListLoader.WITHDRAWN);
    assertThat(controlIds("built-in")).isEmpty();
    assertThat(controlIds("designation")).isEqualTo(imported);
    assertThat(controlledCategories("CHN", LocalDate.of(2024, 1, 1)))
        .containsExactly("non-medical NPS");
  }

  private static List<String> hits(org.presstrace.substances.ManifestScreen screen, String text) {
    return screen.screen(new ManifestLine(1, text, null, null, null, null, null)).hits().stream()
        .map(h -> h.substanceId())
        .toList();
  }
}
