package org.presstrace.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Loosening a marking is a release: an investigator or supervisor of the owning agency asks, a
 * different supervisor of that agency approves, and until then the old marking stays in force.
 * Tightening applies at once; editing text never changes who may read.
 */
@PressTraceIntegrationTest
class MarkingChangeWorkflowIntegrationTests {

  static final String PURPOSE = "Case 2026-DEA-0913";
  static final String AMBER_NOFORN =
      "{\"tlp\": \"AMBER\", \"cuiCategory\": \"LEI\", \"noforn\": true}";
  static final String CLEAR = "{\"tlp\": \"CLEAR\"}";

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;

  World world;
  String dea;
  String cbp;
  String partner;
  String registrantOrg;
  String investigator;
  String analyst;
  String supervisor;
  String otherSupervisor;
  String cbpInvestigator;
  String cbpSupervisor;
  String liaison;
  String registrant;

  @BeforeEach
  void world() {
    world = new World(directory);
    dea = world.agency("DEA", AgencyKind.FEDERAL, "USA");
    cbp = world.agency("CBP", AgencyKind.FEDERAL, "USA");
    partner = world.agency("MPS", AgencyKind.FOREIGN_PARTNER, "CHN");
    registrantOrg = world.agency("PHARMA", AgencyKind.REGISTRANT, "USA");
    investigator = world.user("investigator", dea, Role.INVESTIGATOR);
    analyst = world.user("analyst", dea, Role.ANALYST);
    supervisor = world.user("supervisor", dea, Role.SUPERVISOR);
    otherSupervisor = world.user("supervisor2", dea, Role.SUPERVISOR);
    cbpInvestigator = world.user("cbp", cbp, Role.INVESTIGATOR);
    cbpSupervisor = world.user("cbpsup", cbp, Role.SUPERVISOR);
    liaison = world.user("liaison", partner, Role.FOREIGN_LIAISON);
    registrant = world.user("registrant", registrantOrg, Role.REGISTRANT);
  }

  @Test
  void editToClearByAnalystDoesNotWidenReaders() throws Exception {
    String report = file(investigator, AMBER_NOFORN);

    edit(analyst, report, 1, "Nothing to see.", CLEAR, "Declassified")
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.detail", containsString("investigators")));

    assertMarking(report, "AMBER", true);
    assertHidden(cbpInvestigator, report);
    assertHidden(liaison, report);
    assertHidden(registrant, report);
    assertThat(changes(report)).isEmpty();
  }

  @Test
  void editToClearByInvestigatorWaitsForADifferentSupervisor() throws Exception {
    String report = file(investigator, AMBER_NOFORN);

    String change =
        changeId(
            edit(investigator, report, 1, "Cleaned text.", CLEAR, "Shared at the briefing")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.summary").value("Cleaned text."))
                .andExpect(jsonPath("$.marking.tlp").value("AMBER"))
                .andExpect(jsonPath("$.marking.noforn").value(true))
                .andExpect(jsonPath("$.markingChange.status").value("PENDING"))
                .andExpect(jsonPath("$.markingChange.to").value("TLP:CLEAR")));

    assertMarking(report, "AMBER", true);
    assertHidden(cbpInvestigator, report);
    assertHidden(registrant, report);

    mvc.perform(
            get("/api/v1/marking-changes?status=PENDING")
                .with(httpBasic(supervisor, World.PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[*].id", hasItem(change)));
    mvc.perform(
            get("/api/v1/marking-changes/" + change).with(httpBasic(supervisor, World.PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.from").value("TLP:AMBER // CUI//LEI//NOFORN"))
        .andExpect(jsonPath("$.to").value("TLP:CLEAR"))
        .andExpect(jsonPath("$.loosens[0]", containsString("TLP:AMBER to TLP:CLEAR")));

    decide(investigator, change, "approve").andExpect(status().isForbidden());
    decide(supervisor, change, "approve")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("APPROVED"));
    assertMarking(report, "CLEAR", false);
    assertVisible(cbpInvestigator, report);
    assertVisible(registrant, report);
  }

  @Test
  void tighteningAppliesAtOnce() throws Exception {
    String report = file(investigator, "{\"tlp\": \"GREEN\"}");
    assertVisible(cbpInvestigator, report);

    edit(investigator, report, 1, "Now sensitive.", "{\"tlp\": \"RED\"}", null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.marking.tlp").value("RED"))
        .andExpect(jsonPath("$.markingChange").doesNotExist());

    assertHidden(cbpInvestigator, report);
    assertThat(changes(report)).isEmpty();
  }

  @Test
  void relToWithoutOurCountryReplacedByNofornWaitsForASupervisor() throws Exception {
    String relToGbr = "{\"tlp\": \"GREEN\", \"cuiCategory\": \"LEI\", \"relTo\": [\"GBR\"]}";
    String report = file(investigator, relToGbr);
    assertHidden(cbpInvestigator, report);

    edit(
            investigator,
            report,
            1,
            "Same text.",
            "{\"tlp\": \"GREEN\", \"cuiCategory\": \"LEI\", \"noforn\": true}",
            "Domestic partners need it")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.markingChange.status").value("PENDING"));
    assertHidden(cbpInvestigator, report);
  }

  @Test
  void textOnlyEditKeepsTheMarkingAndNeedsNoApproval() throws Exception {
    String report = file(investigator, AMBER_NOFORN);
    edit(investigator, report, 1, "Typo fixed.", AMBER_NOFORN, null).andExpect(status().isOk());
    assertMarking(report, "AMBER", true);
    assertThat(changes(report)).isEmpty();
    assertHidden(cbpInvestigator, report);
  }

  @Test
  void theRequesterCannotApproveTheirOwnMarkingChange() throws Exception {
    String report = file(supervisor, AMBER_NOFORN);
    String change =
        changeId(
            edit(supervisor, report, 1, "Cleaned.", CLEAR, "Shared at the briefing")
                .andExpect(status().isOk()));

    decide(supervisor, change, "approve")
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.detail", containsString("four eyes")));
    assertThat(changeStatus(change)).isEqualTo("PENDING");
    assertMarking(report, "AMBER", true);
  }

  @Test
  void aSupervisorOfAnotherAgencyCannotApprove() throws Exception {
    String report = file(investigator, AMBER_NOFORN);
    String change =
        changeId(
            edit(investigator, report, 1, "Cleaned.", CLEAR, "Shared at the briefing")
                .andExpect(status().isOk()));

    decide(cbpSupervisor, change, "approve").andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/marking-changes").with(httpBasic(cbpSupervisor, World.PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(
            result -> assertThat(result.getResponse().getContentAsString()).doesNotContain(change));
    assertThat(changeStatus(change)).isEqualTo("PENDING");
    assertHidden(cbpInvestigator, report);
  }

  @Test
  void rejectionKeepsTheOldMarking() throws Exception {
    String report = file(investigator, AMBER_NOFORN);
    String change =
        changeId(
            edit(investigator, report, 1, "Cleaned.", CLEAR, "Shared at the briefing")
                .andExpect(status().isOk()));

    decide(supervisor, change, "reject")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("REJECTED"));
    decide(otherSupervisor, change, "approve")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail", containsString("REJECTED")));
    assertMarking(report, "AMBER", true);
    assertHidden(cbpInvestigator, report);
    assertHidden(registrant, report);
  }

  @Test
  void aChangeApprovedAfterTheMarkingMovedIsRefused() throws Exception {
    String report = file(investigator, AMBER_NOFORN);
    String change =
        changeId(
            edit(investigator, report, 1, "Cleaned.", CLEAR, "Shared at the briefing")
                .andExpect(status().isOk()));
    edit(investigator, report, 2, "Cleaned.", CLEAR, "Again")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail", containsString("pending")));
    edit(
            investigator,
            report,
            2,
            "Worse than thought.",
            "{\"tlp\": \"RED\", \"cuiCategory\": \"LEI\", \"noforn\": true}",
            null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.marking.tlp").value("RED"))
        .andExpect(jsonPath("$.markingChange").doesNotExist());

    decide(supervisor, change, "approve")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail", containsString("marking changed")));
    assertMarking(report, "RED", true);
  }

  @Test
  void malformedMarkingChangesGetAProblemDetailAndChangeNothing() throws Exception {
    String report = file(investigator, AMBER_NOFORN);

    edit(investigator, report, 1, "Cleaned.", CLEAR, null)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("justification"));
    edit(investigator, report, 1, "Cleaned.", CLEAR, "  ")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("justification"));
    edit(investigator, report, 1, "Cleaned.", "{\"tlp\": \"PURPLE\"}", "Because")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("marking.tlp"));
    edit(investigator, report, 1, "Cleaned.", "{\"tlp\": \"CLEAR\", \"noforn\": true}", "Because")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("marking.cuiCategory"));
    assertThat(changes(report)).isEmpty();
    assertMarking(report, "AMBER", true);
    assertThat(summary(report)).isEqualTo("Seen at the port.");

    String change =
        changeId(
            edit(investigator, report, 1, "Cleaned.", CLEAR, "Shared at the briefing")
                .andExpect(status().isOk()));
    mvc.perform(
            post("/api/v1/marking-changes/" + change + "/approve")
                .with(httpBasic(supervisor, World.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("reason"));
    decide(supervisor, UUID.randomUUID().toString(), "approve").andExpect(status().isNotFound());
    assertThat(changeStatus(change)).isEqualTo("PENDING");
  }

  @Test
  void theAuditTrailRecordsTheRequestAndTheDecision() throws Exception {
    String report = file(investigator, AMBER_NOFORN);
    String change =
        changeId(
            edit(investigator, report, 1, "Cleaned.", CLEAR, "Shared at the briefing")
                .andExpect(status().isOk()));
    decide(supervisor, change, "approve").andExpect(status().isOk());

    List<String> trail =
        jdbc.sql(
                "SELECT action || ' ' || username || ' ' || COALESCE(detail, '') FROM audit_event"
                    + " WHERE record_id = :id ORDER BY id")
            .param("id", report)
            .query(String.class)
            .list();
    assertThat(trail)
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("MARKING_CHANGE_REQUEST " + investigator)
                    .contains(change)
                    .contains("TLP:AMBER // CUI//LEI//NOFORN")
                    .contains("TLP:CLEAR"))
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("MARKING_CHANGE_APPROVE " + supervisor)
                    .contains(change)
                    .contains("TLP:CLEAR"));
  }

  @Test
  void supervisorsApproveMarkingChangesOnTheReleasesPage() throws Exception {
    String report = file(investigator, AMBER_NOFORN);
    String change =
        changeId(
            edit(investigator, report, 1, "Cleaned.", CLEAR, "Shared at the briefing")
                .andExpect(status().isOk()));

    String page =
        mvc.perform(get("/releases").with(user(supervisor).roles(Role.SUPERVISOR.name())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("/marking-changes/" + change + "/approve")
        .contains("TLP:AMBER // CUI//LEI//NOFORN")
        .contains("TLP:CLEAR")
        .contains("Shared at the briefing");

    mvc.perform(
            post("/marking-changes/" + change + "/approve")
                .with(user(otherSupervisor).roles(Role.SUPERVISOR.name()))
                .with(csrf())
                .param("reason", "Reviewed the text"))
        .andExpect(status().is3xxRedirection());
    assertThat(changeStatus(change)).isEqualTo("APPROVED");
    assertMarking(report, "CLEAR", false);
  }

  private String file(String username, String marking) throws Exception {
    String location =
        mvc.perform(
                post("/api/v1/intel-reports")
                    .with(httpBasic(username, World.PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body("Seen at the port.", marking, null)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getHeader("Location");
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private ResultActions edit(
      String username,
      String report,
      int version,
      String summary,
      String marking,
      String justification)
      throws Exception {
    return mvc.perform(
        put("/api/v1/intel-reports/" + report)
            .param("version", String.valueOf(version))
            .with(httpBasic(username, World.PASSWORD))
            .header("PressTrace-Purpose", PURPOSE)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body(summary, marking, justification)));
  }

  private ResultActions decide(String username, String change, String decision) throws Exception {
    return mvc.perform(
        post("/api/v1/marking-changes/" + change + "/" + decision)
            .with(httpBasic(username, World.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"reason\": \"Reviewed the cleaned text\"}"));
  }

  private String changeId(ResultActions edited) throws Exception {
    String body = edited.andReturn().getResponse().getContentAsString();
    return com.jayway.jsonpath.JsonPath.read(body, "$.markingChange.id");
  }

  private void assertMarking(String report, String tlp, boolean noforn) {
    var row =
        jdbc.sql("SELECT tlp, noforn FROM intel_report WHERE id = :id")
            .param("id", report)
            .query((rs, n) -> rs.getString("tlp") + "/" + rs.getBoolean("noforn"))
            .single();
    assertThat(row).isEqualTo(tlp + "/" + noforn);
  }

  private String summary(String report) {
    return jdbc.sql("SELECT summary FROM intel_report WHERE id = :id")
        .param("id", report)
        .query(String.class)
        .single();
  }

  private List<String> changes(String report) {
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
    return jdbc.sql("SELECT id FROM marking_change WHERE record_id = :id")
        .param("id", report)
        .query(String.class)
        .list();
  }

  private String changeStatus(String change) {
    return jdbc.sql("SELECT status FROM marking_change WHERE id = :id")
        .param("id", change)
        .query(String.class)
        .single();
  }

  private void assertHidden(String username, String report) throws Exception {
    mvc.perform(
            get("/api/v1/intel-reports/" + report)
                .with(httpBasic(username, World.PASSWORD))
                .header("PressTrace-Purpose", PURPOSE))
        .andExpect(status().isNotFound());
  }

  private void assertVisible(String username, String report) throws Exception {
    mvc.perform(
            get("/api/v1/intel-reports/" + report)
                .with(httpBasic(username, World.PASSWORD))
                .header("PressTrace-Purpose", PURPOSE))
        .andExpect(status().isOk());
  }

  private static String body(String summary, String marking, String justification) {
    return "{\"title\": \"Pill press buyer\", \"summary\": \""
        + summary
        + "\", \"marking\": "
        + marking
        + (justification == null ? "" : ", \"justification\": \"" + justification + "\"")
        + "}";
  }
}
