package org.presstrace.substances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The reference list in the database, its history by date, and screening over the API. */
@PressTraceIntegrationTest
class SubstancesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired Substances substances;

  private String analyst;

  @BeforeEach
  void setUp() {
    var world = new World(directory);
    analyst = world.user("analyst", world.agency("CBP", AgencyKind.FEDERAL, "USA"), Role.ANALYST);
  }

  private ResultActions getJson(String url) throws Exception {
    return mvc.perform(get(url).with(httpBasic(analyst, World.PASSWORD)));
  }

  private ResultActions screen(String json) throws Exception {
    return mvc.perform(
        post("/api/v1/substances/screen")
            .with(httpBasic(analyst, World.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  @Test
  void chinaControls4apFromTheDayOfItsEffectiveDateNotTheDayBefore() {
    var before = substances.controlledOn("CHN", LocalDate.of(2024, 8, 31));
    var on = substances.controlledOn("chn", LocalDate.of(2024, 9, 1));

    assertThat(before.substances()).extracting(c -> c.substanceId()).doesNotContain("4-ap");
    assertThat(on.substances())
        .extracting(c -> c.substanceId())
        .contains("4-ap", "1-boc-4-ap", "norfentanyl");
    assertThat(on.substances())
        .filteredOn(c -> c.substanceId().equals("4-ap"))
        .singleElement()
        .satisfies(c -> assertThat(c.control().category()).isEqualTo("Category II"));
  }

  @Test
  void usFentanylClassRunsFromTheTemporaryOrderToTheHaltFentanylAct() {
    assertThat(substances.controlledOn("USA", LocalDate.of(2018, 2, 5)).classes()).isEmpty();
    assertThat(substances.controlledOn("USA", LocalDate.of(2018, 2, 6)).classes())
        .singleElement()
        .satisfies(c -> assertThat(c.category()).contains("temporary"));
    assertThat(substances.controlledOn("USA", LocalDate.of(2025, 7, 16)).classes())
        .singleElement()
        .satisfies(c -> assertThat(c.category()).isEqualTo("Schedule I(e)"));
  }

  @Test
  void aYearCitedAloneCountsFromTheYearsEnd() {
    assertThat(substances.controlledOn("UN", LocalDate.of(2017, 12, 30)).substances())
        .extracting(c -> c.substanceId())
        .doesNotContain("npp");
    assertThat(substances.controlledOn("UN", LocalDate.of(2017, 12, 31)).substances())
        .extracting(c -> c.substanceId())
        .contains("npp", "anpp")
        .doesNotContain("4-ap");
    assertThat(substances.controlledOn("UN", LocalDate.of(2024, 12, 3)).substances())
        .extracting(c -> c.substanceId())
        .contains("4-piperidone", "1-boc-4-piperidone");
  }

  @Test
  void undatedControlsAreListedApart() {
    var usa = substances.controlledOn("USA", LocalDate.of(2024, 5, 1));

    assertThat(usa.undated()).extracting(c -> c.substanceId()).contains("carfentanil");
    assertThat(usa.substances()).extracting(c -> c.substanceId()).doesNotContain("carfentanil");
  }

  @Test
  void fentanylAndItsPrecursorsAreControlledInTheUsOnTheFirstDayOf2025() {
    var usa = substances.controlledOn("USA", LocalDate.of(2025, 1, 1));

    assertThat(usa.substances())
        .extracting(c -> c.substanceId())
        .contains("fentanyl", "npp", "1-boc-4-ap", "4-ap", "anpp", "isotonitazene", "etonitazene");
    assertThat(usa.substances())
        .filteredOn(c -> c.substanceId().equals("fentanyl"))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.control().citation()).startsWith("21 CFR 1308.12(c)");
              assertThat(c.control().drugCode()).isEqualTo("9801");
              assertThat(c.control().source()).doesNotContain("DOMAIN.md section 4 (key");
            });
  }

  @Test
  void isotonitazeneIsControlledByTheTemporaryOrderThenByThePermanentOne() {
    var underTheOrder = substances.controlledOn("USA", LocalDate.of(2021, 6, 1));
    var afterIt = substances.controlledOn("USA", LocalDate.of(2022, 1, 1));

    assertThat(underTheOrder.substances())
        .filteredOn(c -> c.substanceId().equals("isotonitazene"))
        .singleElement()
        .satisfies(c -> assertThat(c.control().order()).isEqualTo("temporary"));
    assertThat(afterIt.substances())
        .filteredOn(c -> c.substanceId().equals("isotonitazene"))
        .singleElement()
        .satisfies(c -> assertThat(c.control().citation()).startsWith("86 FR 60761"));
    assertThat(substances.controlledOn("USA", LocalDate.of(2020, 8, 19)).substances())
        .extracting(c -> c.substanceId())
        .doesNotContain("isotonitazene");
  }

  @Test
  void controlledOverTheApi() throws Exception {
    getJson("/api/v1/substances/controlled?jurisdiction=USA&date=2024-05-01")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.jurisdiction").value("USA"))
        .andExpect(jsonPath("$.classes[0].classRule").value("us-fentanyl-related"))
        .andExpect(jsonPath("$.substances[*].substanceId", Matchers.hasItem("4-ap")));
  }

  @Test
  void aBadDateOrJurisdictionIsRefusedNamingTheField() throws Exception {
    getJson("/api/v1/substances/controlled?jurisdiction=USA&date=2024-13-01")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("date"));
    getJson("/api/v1/substances/controlled?jurisdiction=America&date=2024-01-01")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("jurisdiction"));
  }

  @Test
  void searchFindsVariantsOverTheApi() throws Exception {
    mvc.perform(
            get("/api/v1/substances")
                .param("q", "Fentanyl HCl")
                .with(httpBasic(analyst, World.PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].substanceId").value("fentanyl"));
    getJson("/api/v1/substances?q=carfentinal")
        .andExpect(jsonPath("$[0].substanceId").value("carfentanil"))
        .andExpect(jsonPath("$[0].reason").value("fuzzy name, edit distance 2"));
    getJson("/api/v1/substances?q=1609-66-1")
        .andExpect(jsonPath("$[0].substanceId").value("norfentanyl"));
    // Every built-in substance; designations applied by other tests sharing the database add more.
    getJson("/api/v1/substances")
        .andExpect(jsonPath("$.length()", Matchers.greaterThanOrEqualTo(23)))
        .andExpect(jsonPath("$[*].substanceId", Matchers.hasItems("fentanyl", "etonitazene")));
  }

  @Test
  void oneSubstanceWithItsHistory() throws Exception {
    getJson("/api/v1/substances/4-ap")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.cas").value("23056-29-3"))
        .andExpect(jsonPath("$.formula").value("C11H16N2"))
        .andExpect(jsonPath("$.controls.length()").value(3))
        .andExpect(jsonPath("$.controls[0].jurisdiction").value("CHN"))
        .andExpect(jsonPath("$.controls[0].effectiveFrom").value("2024-09-01"));
    getJson("/api/v1/substances/fentanyl")
        .andExpect(jsonPath("$.inchiKey").value("PJMPHNIQZUBGLI-UHFFFAOYSA-N"))
        .andExpect(jsonPath("$.controls[?(@.jurisdiction == 'USA')].drugCode").value("9801"))
        .andExpect(
            jsonPath("$.controls[?(@.jurisdiction == 'USA')].citation")
                .value("21 CFR 1308.12(c); 21 U.S.C. 812(c) Schedule II"))
        .andExpect(jsonPath("$.controls[?(@.jurisdiction == 'USA')].order").value("permanent"))
        .andExpect(jsonPath("$.chineseNames").value(Matchers.hasItem("芬太尼")));
    getJson("/api/v1/substances/no-such").andExpect(status().isNotFound());
  }

  @Test
  void everyBuiltInSubstanceIsFoundByCasAndByName() {
    for (var hit : substances.search(null)) {
      Substance substance = substances.get(hit.substanceId());
      assertThat(substances.search(substance.name()).get(0).substanceId())
          .as(substance.name())
          .isEqualTo(substance.id());
      if (substance.cas() != null) {
        assertThat(substances.screen(null, null, substance.cas()).listed())
            .as(substance.cas())
            .extracting(ListedHit::substanceId)
            .containsExactly(substance.id());
      }
    }
  }

  @Test
  void screensAStructure() throws Exception {
    screen("{\"smiles\": \"CCC(=O)N(c1ccccc1)C1(C(=O)OC)CCN(CCc2ccccc2)CC1.Cl\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.valid").value(true))
        .andExpect(jsonPath("$.classes[0].rule").value("us-fentanyl-related"))
        .andExpect(jsonPath("$.classes[0].modifications[0]").value("C"))
        .andExpect(jsonPath("$.classes[0].excluded").value(true))
        .andExpect(jsonPath("$.listed[0].substanceId").value("carfentanil"));
  }

  @Test
  void screensANameAndReportsTheClassOfItsStructure() throws Exception {
    screen("{\"name\": \"Acetyl Fentanyl HCl\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.listed[0].substanceId").value("acetylfentanyl"))
        .andExpect(jsonPath("$.classes[0].rule").value("us-fentanyl-related"))
        .andExpect(jsonPath("$.classes[0].modifications[0]").value("E"))
        .andExpect(jsonPath("$.classes[0].excluded").value(true))
        .andExpect(jsonPath("$.classes[0].source", Matchers.containsString("Public Law 119-26")))
        .andExpect(jsonPath("$.listings[0].citation").value("21 CFR 1308.11(b)"))
        .andExpect(jsonPath("$.listings[0].drugCode").value("9821"))
        .andExpect(
            jsonPath(
                "$.verdict[0]",
                Matchers.startsWith(
                    "listed: acetylfentanyl: USA CSA Schedule I, 21 CFR 1308.11(b), DEA code 9821")))
        .andExpect(
            jsonPath(
                "$.verdict[-1]", Matchers.startsWith("class: CHN cn-fentanyl-class: fentanyl")));
  }

  @Test
  void screeningANameDoesNotTakeOneNitazeneForAnother() throws Exception {
    screen("{\"name\": \"isotonitazene\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.listed.length()").value(1))
        .andExpect(jsonPath("$.listed[0].substanceId").value("isotonitazene"));
    screen("{\"name\": \"etonitazene\"}")
        .andExpect(
            jsonPath("$.listed[*].substanceId", Matchers.not(Matchers.hasItem("metonitazene"))));
  }

  @Test
  void screensACasNumber() throws Exception {
    screen("{\"cas\": \"39742-60-4\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.listed[0].substanceId").value("npp"))
        .andExpect(jsonPath("$.listed[0].reason").value("exact CAS"))
        .andExpect(jsonPath("$.classes.length()").value(0));
  }

  @Test
  void badInputIsRefusedNamingTheField() throws Exception {
    screen("{\"smiles\": \"C1CC(\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("smiles"));
    screen("{\"cas\": \"437-38-8\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("cas"))
        .andExpect(jsonPath("$.detail").value("CAS number '437-38-8' fails its check digit"));
    screen("{}").andExpect(status().isBadRequest());
  }

  @Test
  void signInIsRequired() throws Exception {
    mvc.perform(get("/api/v1/substances")).andExpect(status().isUnauthorized());
  }
}
