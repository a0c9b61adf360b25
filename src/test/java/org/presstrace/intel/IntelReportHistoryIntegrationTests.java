package org.presstrace.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A report's history shows each version only to a caller who may read that version's own marking: a
 * version filed under a tighter marking than today's stays hidden, is not counted, and leaves no
 * gap in the numbering the caller sees.
 */
@PressTraceIntegrationTest
class IntelReportHistoryIntegrationTests {

  static final String PURPOSE = "Case 2026-DEA-0777";
  static final String INFORMANT = "Informant CARDINAL (Juan Ortega, 555-0142)";

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;

  World world;
  String dea;
  String cbp;
  String partner;
  String investigator;
  String supervisor;
  String otherSupervisor;
  String cbpAnalyst;
  String liaison;

  @BeforeEach
  void world() {
    world = new World(directory);
    dea = world.agency("DEA", AgencyKind.FEDERAL, "USA");
    cbp = world.agency("CBP", AgencyKind.FEDERAL, "USA");
    partner = world.agency("MPS", AgencyKind.FOREIGN_PARTNER, "CHN");
    investigator = world.user("investigator", dea, Role.INVESTIGATOR);
    supervisor = world.user("supervisor", dea, Role.SUPERVISOR);
    otherSupervisor = world.user("supervisor2", dea, Role.SUPERVISOR);
    cbpAnalyst = world.user("analyst", cbp, Role.ANALYST);
    liaison = world.user("liaison", partner, Role.FOREIGN_LIAISON);
  }

  @Test
  void earlierRedInformantVersionIsHiddenFromOtherAgency() throws Exception {
    String report =
        file(
            "Pill press buyer",
            "Met " + INFORMANT + " at the port.",
            "{\"tlp\": \"RED\", \"cuiCategory\": \"INF\", \"noforn\": true}");
    edit(
        report,
        1,
        "Pill press buyer",
        "A buyer of pill presses at the port.",
        "{\"tlp\": \"GREEN\"}");

    String history =
        history(cbpAnalyst, report)
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(history).doesNotContain("CARDINAL").doesNotContain("RED").doesNotContain("INF");
    history(cbpAnalyst, report)
        .andExpect(jsonPath("$", hasSize(1)))
        .andExpect(jsonPath("$[0].version").value(1))
        .andExpect(jsonPath("$[0].summary").value("A buyer of pill presses at the port."));
    read(cbpAnalyst, report)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").doesNotExist());

    // The owner sees every version: the original, the cleaned text still under the old marking,
    // and the new marking once a supervisor approved it.
    history(investigator, report)
        .andExpect(jsonPath("$", hasSize(3)))
        .andExpect(jsonPath("$[0].version").value(1))
        .andExpect(jsonPath("$[0].banner").value("TLP:RED // CUI//INF//NOFORN"))
        .andExpect(jsonPath("$[1].banner").value("TLP:RED // CUI//INF//NOFORN"))
        .andExpect(jsonPath("$[2].version").value(3))
        .andExpect(jsonPath("$[2].banner").value("TLP:GREEN"));
    read(investigator, report).andExpect(jsonPath("$.version").value(3));

    String page =
        mvc.perform(
                get("/intel/" + report)
                    .with(user(cbpAnalyst).roles(Role.ANALYST.name()))
                    .sessionAttr(Purpose.SESSION_ATTRIBUTE, PURPOSE))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("A buyer of pill presses").doesNotContain("CARDINAL");
    assertThat(page).doesNotContain("TLP:RED");
  }

  @Test
  void earlierNofornVersionIsHiddenFromForeignPartnerAfterRelease() throws Exception {
    String report =
        file(
            "Precursor shipment",
            "Source inside the broker: " + INFORMANT + ".",
            "{\"tlp\": \"AMBER\", \"cuiCategory\": \"LEI\", \"noforn\": true}");
    edit(
        report,
        1,
        "Precursor shipment",
        "A broker ships precursors to Tianjin.",
        "{\"tlp\": \"AMBER\", \"cuiCategory\": \"LEI\", \"relTo\": [\"USA\", \"CHN\"]}");
    release(report, partner);

    read(liaison, report).andExpect(status().isOk());
    String history =
        history(liaison, report)
            .andExpect(status().isOk())
            .andExpect(jsonPath("$", hasSize(1)))
            .andExpect(jsonPath("$[0].version").value(1))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(history).doesNotContain("CARDINAL").doesNotContain("NOFORN");
  }

  @Test
  void historyOfAHiddenReportIsNotFound() throws Exception {
    String report = file("Red only", "Nobody else.", "{\"tlp\": \"RED\"}");
    history(cbpAnalyst, report).andExpect(status().isNotFound());
    history(liaison, report).andExpect(status().isNotFound());
  }

  @Test
  void theReleaseFormIsOfferedOnlyWhereAReleaseCouldBeAskedFor() throws Exception {
    String red = file("Red " + world.suffix(), "Source details.", "{\"tlp\": \"RED\"}");
    String amber =
        file(
            "Amber " + world.suffix(),
            "Broker ships precursors.",
            "{\"tlp\": \"AMBER\", \"cuiCategory\": \"LEI\", \"relTo\": [\"USA\", \"CHN\"]}");
    release(amber, partner);

    assertThat(page(investigator, Role.INVESTIGATOR, red))
        .doesNotContain("action=\"/releases\"")
        .contains("Not releasable: TLP:RED records are not releasable");
    assertThat(page(investigator, Role.INVESTIGATOR, amber)).contains("action=\"/releases\"");
    assertThat(page(liaison, Role.FOREIGN_LIAISON, amber))
        .contains("Broker ships precursors")
        .doesNotContain("action=\"/releases\"")
        .doesNotContain("Ask a supervisor");
  }

  private String page(String username, Role role, String report) throws Exception {
    return mvc.perform(
            get("/intel/" + report)
                .with(user(username).roles(role.name()))
                .sessionAttr(Purpose.SESSION_ATTRIBUTE, PURPOSE))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private String file(String title, String summary, String marking) throws Exception {
    String location =
        mvc.perform(
                post("/api/v1/intel-reports")
                    .with(httpBasic(investigator, World.PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body(title, summary, marking, null)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getHeader("Location");
    return location.substring(location.lastIndexOf('/') + 1);
  }

  /** Edits as the investigator; a loosening is approved by a supervisor so that it applies. */
  private void edit(String report, int version, String title, String summary, String marking)
      throws Exception {
    mvc.perform(
            put("/api/v1/intel-reports/" + report)
                .param("version", String.valueOf(version))
                .with(httpBasic(investigator, World.PASSWORD))
                .header("PressTrace-Purpose", PURPOSE)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body(title, summary, marking, "Informant moved; text cleaned")))
        .andExpect(status().isOk());
    List<String> pending = pendingMarkingChanges(report);
    for (String change : pending) {
      mvc.perform(
              post("/api/v1/marking-changes/" + change + "/approve")
                  .with(httpBasic(supervisor, World.PASSWORD))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"reason\": \"Text reviewed, informant removed\"}"))
          .andExpect(status().isOk());
    }
  }

  private List<String> pendingMarkingChanges(String report) {
    boolean exists =
        jdbc.sql(
                    "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                        + " WHERE LOWER(TABLE_NAME) = 'marking_change'")
                .query(Long.class)
                .single()
            > 0;
    if (!exists) {
      return List.of();
    }
    return jdbc.sql("SELECT id FROM marking_change WHERE record_id = :id AND status = 'PENDING'")
        .param("id", report)
        .query(String.class)
        .list();
  }

  private void release(String report, String target) throws Exception {
    String location =
        mvc.perform(
                post("/api/v1/releases")
                    .with(httpBasic(investigator, World.PASSWORD))
                    .header("PressTrace-Purpose", PURPOSE)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"kind\": \"intel-report\", \"recordId\": \""
                            + report
                            + "\", \"targetAgency\": \""
                            + target
                            + "\", \"justification\": \"Partner checks the broker\"}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getHeader("Location");
    mvc.perform(
            post(location + "/approve")
                .with(httpBasic(otherSupervisor, World.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"Under the agreement\"}"))
        .andExpect(status().isOk());
  }

  private ResultActions history(String username, String report) throws Exception {
    return mvc.perform(
        get("/api/v1/intel-reports/" + report + "/history")
            .with(httpBasic(username, World.PASSWORD))
            .header("PressTrace-Purpose", PURPOSE));
  }

  private ResultActions read(String username, String report) throws Exception {
    return mvc.perform(
        get("/api/v1/intel-reports/" + report)
            .with(httpBasic(username, World.PASSWORD))
            .header("PressTrace-Purpose", PURPOSE));
  }

  private static String body(String title, String summary, String marking, String justification) {
    return "{\"title\": \""
        + title
        + "\", \"summary\": \""
        + summary
        + "\", \"marking\": "
        + marking
        + (justification == null ? "" : ", \"justification\": \"" + justification + "\"")
        + "}";
  }
}
