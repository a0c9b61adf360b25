package org.presstrace.seizures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.StringReader;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Directory;
import org.presstrace.access.Purpose;
import org.presstrace.access.Role;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every dose figure that leaves PressTrace names its method and assumptions: the potency-adjusted
 * figure of a carfentanil item beside its labelled plain figures, and the series, its CSV and the
 * last-months roll-up with the threshold and assumed purities per method.
 */
@PressTraceIntegrationTest
class SeizureDoseFidelityIntegrationTests {

  static final String PURPOSE = "Case 2026-SZ-0017";
  static final String REGION = "MP";

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired JsonMapper json;

  World world;
  String investigator;

  @BeforeEach
  void setUp() {
    world = new World(directory);
    directory.ensureAgency("DEA", "Drug Enforcement Administration", AgencyKind.FEDERAL, "USA");
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    String agency = world.agency("CBPF", AgencyKind.FEDERAL, "USA");
    investigator = world.user("officer", agency, Role.INVESTIGATOR);
  }

  String report() throws Exception {
    return report("1", "g");
  }

  String report(String carfentanilWeight, String unit) throws Exception {
    return report(investigator, carfentanilWeight, unit);
  }

  String report(String reporter, String carfentanilWeight, String unit) throws Exception {
    String when =
        LocalDateTime.now(ZoneOffset.UTC).minusHours(2).truncatedTo(ChronoUnit.MINUTES).toString();
    String body =
        """
        {"occurredAt": "%s", "zone": "UTC", "context": "INTERIOR", "region": "%s",
         "marking": {"tlp": "AMBER"},
         "items": [{"substance": "carfentanil", "form": "powder", "netWeight": "%s",
                    "netUnit": "%s", "purityPct": "10"},
                   {"substance": "fentanyl", "form": "pills", "grossWeight": "1.18",
                    "grossUnit": "kg", "pillCount": "10000", "imprint": "M 30"}]}
        """
            .formatted(when, REGION, carfentanilWeight, unit);
    MvcResult created =
        mvc.perform(
                post("/api/v1/seizures")
                    .with(httpBasic(reporter, World.PASSWORD))
                    .header("PressTrace-Purpose", PURPOSE)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andReturn();
    assertThat(created.getResponse().getStatus())
        .as(created.getResponse().getContentAsString())
        .isEqualTo(201);
    return json.readTree(created.getResponse().getContentAsString())
        .get("seizure")
        .get("id")
        .asString();
  }

  String text(String url) throws Exception {
    MvcResult result =
        mvc.perform(
                get(url)
                    .with(httpBasic(investigator, World.PASSWORD))
                    .header("PressTrace-Purpose", PURPOSE))
            .andReturn();
    assertThat(result.getResponse().getStatus())
        .as(url + ": " + result.getResponse().getContentAsString())
        .isEqualTo(200);
    return result.getResponse().getContentAsString();
  }

  @Test
  void carfentanilShowsItsPotencyAdjustedFigureBesideTheLabelledPlainOnes() throws Exception {
    String id = report();
    JsonNode item = json.readTree(text("/api/v1/seizures/" + id)).get("items").get(0);
    assertThat(item.get("substanceName").asString()).isEqualToIgnoringCase("carfentanil");
    JsonNode plain = item.get("best");
    assertThat(plain.get("method").asString()).isEqualTo("LAB_PURITY");
    assertThat(plain.get("doses").asLong()).as("100 mg counted as fentanyl").isEqualTo(50L);
    assertThat(plain.get("assumptions").asString())
        .contains("counted as fentanyl (not potency-adjusted)");
    JsonNode adjusted = item.get("potencyAdjusted");
    assertThat(adjusted.get("method").asString()).isEqualTo("POTENCY_ADJUSTED");
    assertThat(adjusted.get("basedOn").asString()).isEqualTo("LAB_PURITY");
    assertThat(adjusted.get("relativePotency").decimalValue()).isEqualByComparingTo("100");
    assertThat(adjusted.get("doses").asLong()).isEqualTo(5_000L);
    assertThat(adjusted.get("source").asString()).contains("DEA");
    assertThat(item.get("estimates").valueStream().map(e -> e.get("method").asString()).toList())
        .as("the adjusted figure is never among the plain estimates")
        .doesNotContain("POTENCY_ADJUSTED");

    JsonNode pills = json.readTree(text("/api/v1/seizures/" + id)).get("items").get(1);
    assertThat(pills.get("best").get("method").asString()).isEqualTo("ASSUMED_PURITY");
    JsonNode gross = pills.get("estimates").get(1);
    assertThat(gross.get("method").asString()).isEqualTo("GROSS_UNADJUSTED");
    assertThat(gross.get("assumptions").asString()).contains("59 doses per pill");
  }

  @Test
  void theSeriesAndTheRollUpCarryEachFiguresMethodAndAssumptions() throws Exception {
    report();
    JsonNode series =
        json.readTree(text("/api/v1/seizures/analytics/series?period=all&region=" + REGION));
    JsonNode row = series.get("rows").get(0);
    for (DoseMethod method : DoseMethod.values()) {
      JsonNode total = row.get("byMethod").get(method.name());
      assertThat(total.get("method").asString()).isEqualTo(method.description());
      assertThat(total.get("assumptions").asString())
          .as(method.name())
          .contains("2 mg per potentially lethal dose");
    }
    assertThat(row.get("byMethod").get("ASSUMED_PURITY").get("assumptions").asString())
        .contains("10.3%")
        .contains("1.94 mg per pill");
    assertThat(row.get("byMethod").get("GROSS_UNADJUSTED").get("assumptions").asString())
        .contains("whole pills")
        .contains("upper bound");
    assertThat(row.get("best").get("assumptions").asString())
        .contains("2 mg per potentially lethal dose")
        .contains("never GROSS_UNADJUSTED for an item with a pill count");
    assertThat(row.get("basis").get("lethalDoseMg").decimalValue()).isEqualByComparingTo("2");
    assertThat(row.get("basis").get("assumedPowderPurityPct").decimalValue())
        .isEqualByComparingTo("10.3");
    assertThat(row.get("basis").get("assumedPillMg").decimalValue()).isEqualByComparingTo("1.94");

    JsonNode rollUp =
        json.readTree(text("/api/v1/seizures/analytics/last-months?months=1&region=" + REGION))
            .get("rollUp")
            .get("totals");
    assertThat(rollUp.get("byMethod").get("LAB_PURITY").get("assumptions").asString())
        .contains("2 mg per potentially lethal dose");
    assertThat(rollUp.get("best").get("assumptions").asString()).isNotBlank();
    assertThat(rollUp.get("basis").get("assumedPowderPurityPct").decimalValue())
        .isEqualByComparingTo("10.3");

    String csv = text("/api/v1/seizures/analytics/series.csv?period=all&region=" + REGION);
    String table = csv.substring(csv.indexOf("period,"));
    List<CSVRecord> records =
        CSVFormat.DEFAULT.builder().setHeader().get().parse(new StringReader(table)).getRecords();
    var header = records.get(0).getParser().getHeaderNames();
    assertThat(header)
        .contains(
            "net_kg",
            "net_lb",
            "dose_threshold_mg",
            "assumed_powder_purity_pct",
            "assumed_pill_mg",
            "best_available_doses",
            "best_available_assumptions");
    for (DoseMethod method : DoseMethod.values()) {
      String name = method.name().toLowerCase(java.util.Locale.ROOT);
      assertThat(header).contains(name + "_doses", name + "_method", name + "_assumptions");
    }
    CSVRecord line = records.get(0);
    assertThat(line.get("dose_threshold_mg")).isEqualTo("2");
    assertThat(line.get("assumed_powder_purity_pct")).isEqualTo("10.3");
    assertThat(line.get("assumed_pill_mg")).isEqualTo("1.94");
    assertThat(line.get("gross_unadjusted_assumptions")).contains("whole pills");
    assertThat(line.get("best_available_assumptions")).contains("2 mg per potentially lethal dose");
    assertThat(Arrays.asList(line.values())).noneMatch(String::isBlank);
  }

  @Test
  void theDashboardShowsNetWeightPerDrugInPoundsAndKilograms() throws Exception {
    report("5", "kg");
    String other =
        world.user("other", world.agency("OTHERF", AgencyKind.FEDERAL, "USA"), Role.INVESTIGATOR);
    report(other, "7", "kg");
    var session = new MockHttpSession();
    session.setAttribute(Purpose.SESSION_ATTRIBUTE, PURPOSE);
    MvcResult page =
        mvc.perform(
                get("/seizures/dashboard")
                    .with(user(investigator).roles("INVESTIGATOR"))
                    .session(session))
            .andReturn();
    String html = page.getResponse().getContentAsString();
    assertThat(page.getResponse().getStatus()).as(html).isEqualTo(200);
    assertThat(html).contains("id=\"drug-weights\"");
    String table = html.substring(html.indexOf("id=\"drug-weights\""));
    table = table.substring(0, table.indexOf("</table>"));
    // 5 kg = 11.023 lb (1 lb = 0.45359237 kg exactly)
    assertThat(table)
        .containsPattern("carfentanil</td>\\s*<td[^>]*>5\\.000</td>\\s*<td[^>]*>11\\.023</td>");
    assertThat(table).contains("fentanyl");
    assertThat(table)
        .as("another agency's unreleased AMBER seizure is not counted")
        .doesNotContain("12.000")
        .doesNotContain("7.000");
  }
}
