package org.presstrace.substances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.substances.DesignationPreview.Problem;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Designation imports: every problem in the preview, a preview that stores nothing, an apply that
 * is atomic and versioned, the history by date afterwards, the event, and administrators only.
 * Substances added here carry this test's suffix so that tests never see each other's data.
 */
@PressTraceIntegrationTest
@RecordApplicationEvents
@Import(DesignationsIntegrationTests.FailingListener.class)
class DesignationsIntegrationTests {

  static final String SUPPLEMENTARY =
      "Non-medical narcotic and psychotropic substances (supplementary list)";

  /** Fails the applying transaction mid-way for a designation whose source asks for it. */
  @TestConfiguration
  static class FailingListener {
    @EventListener
    void on(ControlListChanged event) {
      if (event.category().equals("non-medical NPS")) {
        Boolean fail = FAIL.get();
        if (Boolean.TRUE.equals(fail)) {
          throw new IllegalStateException("listener failed mid-way");
        }
      }
    }
  }

  static final ThreadLocal<Boolean> FAIL = new ThreadLocal<>();

  @Autowired Designations designations;
  @Autowired Substances substances;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;
  @Autowired ApplicationEvents events;

  private World world;
  private String admin;
  private String analyst;
  private AccessContext asAdmin;

  @BeforeEach
  void setUp() {
    world = new World(directory);
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    admin = world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR);
    analyst = world.user("analyst", world.agency("CBP", AgencyKind.FEDERAL, "USA"), Role.ANALYST);
    asAdmin = world.as(admin, Channel.API);
  }

  private String name(String base) {
    return base + "-" + world.suffix();
  }

  private String json(String effective, String category, String... substanceObjects) {
    return """
        {"jurisdiction": "CHN", "instrument": "%s", "category": "%s", "effective": "%s",
         "source": "Test announcement %s", "substances": [%s]}
        """
        .formatted(
            SUPPLEMENTARY, category, effective, world.suffix(), String.join(",", substanceObjects));
  }

  private Map<String, Long> counts() {
    return Map.of(
        "substance", count("substance"),
        "control_action", count("control_action"),
        "designation", count("designation"),
        "substance_synonym", count("substance_synonym"));
  }

  private long count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }

  @Test
  void previewListsEveryProblemPerRowAndFieldAndStoresNothing() {
    var before = counts();
    String file =
        json(
            "2017-09-01",
            "non-medical NPS",
            "{\"name\": \"%s\", \"cas\": \"437-38-8\"}".formatted(name("Badcas")),
            "{\"name\": \"%s\", \"smiles\": \"C1CC(\"}".formatted(name("Badsmiles")),
            "{\"name\": \"acrylfentanyl\"}",
            "{\"name\": \"%s\"}".formatted(name("Twice")),
            "{\"name\": \"%s\"}".formatted(name("Twice")),
            "{\"name\": \"furanylfentanyl\", \"cas\": \"101345-66-8\"}");
    DesignationPreview preview = designations.preview(asAdmin, file, null);

    assertThat(preview.applicable()).isFalse();
    assertThat(preview.problems())
        .extracting(Problem::row, Problem::field)
        .contains(
            org.assertj.core.groups.Tuple.tuple(1, "cas"),
            org.assertj.core.groups.Tuple.tuple(2, "smiles"),
            org.assertj.core.groups.Tuple.tuple(3, "name"),
            org.assertj.core.groups.Tuple.tuple(5, "name"),
            org.assertj.core.groups.Tuple.tuple(6, "name"));
    assertThat(preview.problems())
        .extracting(Problem::message)
        .anySatisfy(m -> assertThat(m).contains("fails its check digit"))
        .anySatisfy(m -> assertThat(m).contains("cannot be parsed"))
        .anySatisfy(m -> assertThat(m).contains("acrylfentanyl is already controlled"))
        .anySatisfy(m -> assertThat(m).contains("duplicate of row 4"));
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void anEffectiveDateBeforeAnExistingControlUnderTheInstrumentIsAProblem() {
    var preview =
        designations.preview(
            asAdmin, json("2016-01-01", "non-medical NPS", "{\"name\": \"carfentanil\"}"), "json");

    assertThat(preview.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("effective");
              assertThat(p.message()).contains("comes before it").contains("2017-03-01");
            });
  }

  @Test
  void unknownJurisdictionInstrumentOrCategoryAndEmptyFilesAreProblems() {
    String unknownJurisdiction =
        """
        {"jurisdiction": "XYZ", "instrument": "CSA", "category": "Schedule I",
         "effective": "2026-01-01", "source": "s", "substances": [{"name": "a"}]}
        """;
    assertThat(designations.preview(asAdmin, unknownJurisdiction, null).problems())
        .extracting(Problem::field, Problem::value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("jurisdiction", "XYZ"));

    String unknownInstrument = unknownJurisdiction.replace("XYZ", "CHN");
    assertThat(designations.preview(asAdmin, unknownInstrument, null).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("instrument");
              assertThat(p.message()).contains("unknown for CHN").contains("Precursor chemicals");
            });

    String unknownCategory =
        unknownJurisdiction.replace("XYZ", "USA").replace("Schedule I", "Schedule IX");
    assertThat(designations.preview(asAdmin, unknownCategory, null).problems())
        .extracting(Problem::field)
        .containsExactly("category");

    assertThat(designations.preview(asAdmin, "  \n", null).problems())
        .extracting(Problem::message)
        .containsExactly("the file is empty");
    assertThat(designations.preview(asAdmin, "{\"jurisdiction\": ", "json").problems())
        .extracting(Problem::message)
        .singleElement()
        .satisfies(m -> assertThat(m).startsWith("the file is not valid JSON"));
    assertThat(
            designations
                .preview(asAdmin, "jurisdiction,instrument,category,effective,source,name\n", "csv")
                .problems())
        .extracting(Problem::message)
        .contains("the announcement lists no substances", "the jurisdiction is missing");
  }

  @Test
  void aDesignationWithOneBadRowAppliesNothing() {
    var before = counts();
    String file =
        json(
            "2017-07-01",
            "non-medical NPS",
            "{\"name\": \"%s\"}".formatted(name("Goodone")),
            "{\"name\": \"%s\", \"cas\": \"12-34-5\"}".formatted(name("Badone")));

    assertThatThrownBy(() -> designations.apply(asAdmin, file, null))
        .isInstanceOfSatisfying(
            DesignationRejected.class,
            e -> assertThat(e.problems()).extracting(Problem::row).containsExactly(2));
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void aFailureMidWayThroughApplyingStoresNothing() {
    var before = counts();
    FAIL.set(true);
    try {
      assertThatThrownBy(
              () ->
                  designations.apply(
                      asAdmin,
                      json(
                          "2017-07-01",
                          "non-medical NPS",
                          "{\"name\": \"%s\"}".formatted(name("Midway"))),
                      null))
          .hasMessageContaining("listener failed mid-way");
    } finally {
      FAIL.remove();
    }
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void applyingAddsSubstancesAndControlsVersionedAndAnswersTheDayBeforeAndTheDayOf() {
    String u = name("U-47700");
    String file =
        json(
            "2017-07-01",
            "non-medical NPS",
            "{\"name\": \"%s\", \"chinese\": [\"%s\"], \"smiles\": \"CN(C)C1CCCCC1N(C)C(=O)c1ccc(Cl)c(Cl)c1\"}"
                .formatted(u, "测试" + world.suffix()),
            "{\"name\": \"%s\"}".formatted(name("MT-45")));
    int versionBefore = designations.currentListVersion();

    DesignationView applied = designations.apply(asAdmin, file, null);

    assertThat(applied.listVersion()).isEqualTo(versionBefore + 1);
    assertThat(applied.substances()).isEqualTo(2);
    assertThat(applied.newSubstances()).isEqualTo(2);
    String id = substances.search(u).get(0).substanceId();
    assertThat(substances.get(id).controls())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.designationId()).isEqualTo(applied.id());
              assertThat(c.category()).isEqualTo("non-medical NPS");
            });
    assertThat(substances.search("测试" + world.suffix()))
        .extracting(ListedHit::substanceId)
        .contains(id);
    assertThat(substances.controlledOn("CHN", LocalDate.of(2017, 6, 30)).substances())
        .extracting(ControlledList.Controlled::substanceId)
        .doesNotContain(id);
    assertThat(substances.controlledOn("CHN", LocalDate.of(2017, 7, 1)).substances())
        .extracting(ControlledList.Controlled::substanceId)
        .contains(id);
    assertThat(events.stream(ControlListChanged.class))
        .filteredOn(e -> e.designationId().equals(applied.id()))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.listVersion()).isEqualTo(applied.listVersion());
              assertThat(e.jurisdiction()).isEqualTo("CHN");
              assertThat(e.effectiveFrom()).isEqualTo(LocalDate.of(2017, 7, 1));
              assertThat(e.substanceIds()).hasSize(2).contains(id);
              assertThat(e.newSubstanceIds()).hasSize(2);
            });

    assertThatThrownBy(() -> designations.apply(asAdmin, file, null))
        .isInstanceOfSatisfying(
            DesignationRejected.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::message)
                    .anySatisfy(
                        m -> assertThat(m).contains("was applied already as list version")));
    assertThat(designations.currentListVersion()).isEqualTo(versionBefore + 1);
  }

  @Test
  void theRowThatDisagreesWithTheOthersIsTheOneBlamedAndAnEmptyCellIsCalledEmpty() {
    String file =
        """
        jurisdiction,instrument,category,effective,source,name
        CHN,Precursor chemicals,Category II,2026-13-01,Notice %1$s,%2$s-a
        CHN,Precursor chemicals,Category II,2026-07-01,Notice %1$s,%2$s-b
        CHN,Precursor chemicals,Category II,2026-07-01,,%2$s-c
        CHN,Precursor chemicals,Category II,2026-07-01,Notice %1$s,%2$s-d
        """
            .formatted(world.suffix(), name("Blamazine"));

    var preview = designations.preview(asAdmin, file, "csv");

    assertThat(preview.applicable()).isFalse();
    assertThat(preview.problems())
        .extracting(Problem::row, Problem::field)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(1, "effective"),
            org.assertj.core.groups.Tuple.tuple(3, "source"));
    assertThat(preview.problems())
        .extracting(Problem::message)
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("effective '2026-13-01' differs from '2026-07-01'")
                    .contains("rows 2, 3 and 4"))
        .anySatisfy(m -> assertThat(m).contains("source (empty) differs"))
        .noneSatisfy(m -> assertThat(m).contains("null"));
    assertThat(preview.source()).isEqualTo("Notice " + world.suffix());
  }

  @Test
  void movingASubstanceToAnotherCategoryEndsTheEarlierControlAndKeepsItsHistory() {
    String name = name("Movazine");
    String first =
        """
        jurisdiction,instrument,category,effective,source,name,synonyms
        CHN,Precursor chemicals,Category II,2024-09-01,Test %s,%s,%s-alt|%s-other
        """
            .formatted(world.suffix(), name, name, name);
    designations.apply(asAdmin, first, "csv");
    String second = first.replace("Category II", "Category I").replace("2024-09-01", "2026-01-01");

    var preview = designations.preview(asAdmin, second, "csv");
    assertThat(preview.problems()).isEmpty();
    assertThat(preview.rows())
        .singleElement()
        .satisfies(r -> assertThat(r.newSubstance()).isFalse());
    assertThat(preview.endedActions())
        .singleElement()
        .satisfies(e -> assertThat(e.category()).isEqualTo("Category II"));
    designations.apply(asAdmin, second, "csv");

    String id = substances.search(name).get(0).substanceId();
    assertThat(substances.controlledOn("CHN", LocalDate.of(2025, 12, 31)).substances())
        .filteredOn(c -> c.substanceId().equals(id))
        .singleElement()
        .satisfies(c -> assertThat(c.control().category()).isEqualTo("Category II"));
    assertThat(substances.controlledOn("CHN", LocalDate.of(2026, 1, 1)).substances())
        .filteredOn(c -> c.substanceId().equals(id))
        .singleElement()
        .satisfies(c -> assertThat(c.control().category()).isEqualTo("Category I"));
  }

  @Test
  void onlyAdministratorsPreviewOrApply() throws Exception {
    AccessContext asAnalyst = world.as(analyst, Channel.API);
    String file = json("2017-07-01", "non-medical NPS", "{\"name\": \"x\"}");
    assertThatThrownBy(() -> designations.preview(asAnalyst, file, null))
        .isInstanceOf(AccessDeniedException.class);
    mvc.perform(
            post("/api/v1/substances/designations")
                .with(httpBasic(analyst, World.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(file))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/api/v1/substances/designations/preview")
                .with(httpBasic(analyst, World.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(file))
        .andExpect(status().isForbidden());
  }

  @Test
  void theApiPreviewsAppliesAndRejectsWithEveryProblem() throws Exception {
    String good =
        json("2017-07-01", "non-medical NPS", "{\"name\": \"%s\"}".formatted(name("PMMA")));
    mvc.perform(
            post("/api/v1/substances/designations/preview")
                .with(httpBasic(admin, World.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(good))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.problems").isEmpty())
        .andExpect(jsonPath("$.rows[0].newSubstance").value(true));

    String bad =
        """
        jurisdiction,instrument,category,effective,source,name,cas,smiles
        CHN,Narcotic drugs,narcotic drug,2020-01-01,Test,%s,437-38-8,
        CHN,Narcotic drugs,narcotic drug,2020-01-01,Test,%s,,C1CC(
        """
            .formatted(name("Aa"), name("Bb"));
    mvc.perform(
            post("/api/v1/substances/designations")
                .with(httpBasic(admin, World.PASSWORD))
                .contentType("text/csv")
                .content(bad))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.problems.length()").value(2))
        .andExpect(jsonPath("$.errors[0].field").value("rows[1].cas"))
        .andExpect(jsonPath("$.errors[1].field").value("rows[2].smiles"))
        .andExpect(jsonPath("$.detail", Matchers.containsString("was not applied")));

    var file =
        new MockMultipartFile(
            "file", "pmma.json", "application/json", good.getBytes(StandardCharsets.UTF_8));
    String location =
        mvc.perform(
                multipart("/api/v1/substances/designations")
                    .file(file)
                    .with(httpBasic(admin, World.PASSWORD)))
            .andExpect(status().isCreated())
            .andExpect(header().exists("Location"))
            .andExpect(jsonPath("$.jurisdiction").value("CHN"))
            .andReturn()
            .getResponse()
            .getHeader("Location");
    mvc.perform(get(location).with(httpBasic(analyst, World.PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.effectiveFrom").value("2017-07-01"));
    mvc.perform(get("/api/v1/substances/designations").with(httpBasic(analyst, World.PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath(
                "$[*].id", Matchers.hasItem(location.substring(location.lastIndexOf('/') + 1))));
  }

  @Test
  void theBuiltInDemoDesignationPreviewsCleanly() throws Exception {
    String demo;
    try (var in = getClass().getResourceAsStream("/substances/designations/chn-2017-07-01.csv")) {
      demo = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    var preview = designations.preview(asAdmin, demo, null);
    assertThat(preview.problems()).isEmpty();
    assertThat(preview.rows())
        .extracting(DesignationPreview.Row::name)
        .containsExactlyInAnyOrderElementsOf(List.of("U-47700", "MT-45", "PMMA", "4,4'-DMAR"));
  }
}
