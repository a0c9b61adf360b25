package org.presstrace.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.intel.IntelReportDraft;
import org.presstrace.intel.IntelReports;
import org.presstrace.seizures.SeizureDraft;
import org.presstrace.seizures.Seizures;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Every CSV export of protected records opens with its banner and marks every line. */
@PressTraceIntegrationTest
class CsvExportMarkingsIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired IntelReports intel;
  @Autowired Seizures seizures;

  World world;
  String analyst;
  AccessContext me;
  String token;

  @BeforeEach
  void world() {
    world = new World(directory);
    analyst =
        world.user("analyst", world.agency("HSI", AgencyKind.FEDERAL, "USA"), Role.INVESTIGATOR);
    me = world.as(analyst, Channel.API);
    token = "tok" + world.suffix().toLowerCase(Locale.ROOT);
  }

  @Test
  void everyCsvExportCarriesABannerAndAMarkingPerLine() throws Exception {
    String agency = me.caller().agency();
    intel.create(
        me, new IntelReportDraft("Open " + token, "summary", Marking.of(agency, Tlp.GREEN)));
    intel.create(
        me,
        new IntelReportDraft(
            "Guarded " + token,
            "summary",
            new Marking(agency, Tlp.AMBER, "LEI", false, null, null)));
    seizure("Open " + token, Marking.of(agency, Tlp.GREEN));
    seizure("Guarded " + token, new Marking(agency, Tlp.AMBER, "LEI", false, null, null));

    for (String url :
        List.of("/api/v1/intel-reports/export?q=" + token, "/api/v1/seizures/export?q=" + token)) {
      MvcResult result = export(url);
      assertThat(result.getResponse().getStatus()).as(url).isEqualTo(200);
      List<String> lines = result.getResponse().getContentAsString().lines().toList();
      assertThat(lines.get(0))
          .as(url + ": the first line is the banner, the highest marking in the file")
          .isEqualTo("# TLP:AMBER // CUI//LEI");
      assertThat(result.getResponse().getHeader("PressTrace-Banner"))
          .as(url)
          .isEqualTo("TLP:AMBER // CUI//LEI");
      List<String> header = List.of(lines.get(1).split(","));
      int marking = header.indexOf("marking");
      assertThat(marking).as(url + " has a marking column").isGreaterThanOrEqualTo(0);
      assertThat(lines.subList(2, lines.size())).as(url).hasSize(2);
      assertThat(lines.subList(2, lines.size()))
          .as(url + ": every line carries its marking")
          .allSatisfy(line -> assertThat(line).containsPattern("(^|,)TLP:(GREEN|AMBER)"));
    }

    MvcResult series = export("/api/v1/seizures/analytics/series.csv?region=ND&period=month");
    assertThat(series.getResponse().getStatus()).isEqualTo(200);
    List<String> sums = series.getResponse().getContentAsString().lines().toList();
    assertThat(sums.get(0))
        .as("a series sums seizures of both markings: the file is marked with their join")
        .isEqualTo("# TLP:AMBER // CUI//LEI");
    assertThat(List.of(sums.get(1).split(","))).contains("marking");
    assertThat(sums.subList(2, sums.size()))
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line).endsWith(",TLP:AMBER // CUI//LEI"));

    String auditor = world.user("auditor", me.caller().agency(), Role.AUDITOR);
    MvcResult trail =
        mvc.perform(
                get("/api/v1/audit/export?username=" + analyst)
                    .with(httpBasic(auditor, World.PASSWORD))
                    .header("PressTrace-Purpose", "Export markings"))
            .andReturn();
    assertThat(trail.getResponse().getStatus()).isEqualTo(200);
    List<String> audit = trail.getResponse().getContentAsString().lines().toList();
    assertThat(audit.get(0)).as("the audit export's banner").isEqualTo("# TLP:AMBER");
    assertThat(List.of(audit.get(1).split(","))).contains("marking");
    assertThat(audit.subList(2, audit.size()))
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line).endsWith(",TLP:AMBER"));

    MvcResult empty = export("/api/v1/intel-reports/export?q=nothing" + token);
    assertThat(empty.getResponse().getContentAsString().lines().findFirst().orElseThrow())
        .as("an empty export still opens with a banner")
        .startsWith("# ");
  }

  private MvcResult export(String url) throws Exception {
    return mvc.perform(
            get(url)
                .with(httpBasic(analyst, World.PASSWORD))
                .header("PressTrace-Purpose", "Export markings"))
        .andReturn();
  }

  private void seizure(String name, Marking marking) {
    var item =
        new SeizureDraft.SeizureItemDraft(
            "fentanyl", null, "pills", null, null, null, null, "100", null, null, null, null, null);
    seizures.report(
        me,
        new SeizureDraft(
            null,
            java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)
                .minusHours(2)
                .withNano(0)
                .toString(),
            "UTC",
            "INTERIOR",
            null,
            "ND",
            null,
            null,
            null,
            name,
            marking,
            List.of(item),
            List.of(),
            List.of(new SeizureDraft.PartyDraft("person", name, null, null, null))));
  }
}
