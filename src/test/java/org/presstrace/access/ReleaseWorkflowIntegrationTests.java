package org.presstrace.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import tools.jackson.databind.json.JsonMapper;

/**
 * Four-eyes release through the API: a foreign liaison sees a record only after a supervisor of the
 * owning agency approves its release; revoking hides it again; nobody approves their own request;
 * bad requests change nothing.
 */
@PressTraceIntegrationTest
class ReleaseWorkflowIntegrationTests {

  static final String PURPOSE = "Case 2026-DEA-0142";

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  World world;
  String dea;
  String partner;
  String cbp;
  String investigator;
  String supervisor;
  String otherSupervisor;
  String liaison;
  String cbpInvestigator;

  @BeforeEach
  void world() {
    world = new World(directory);
    dea = world.agency("DEA", AgencyKind.FEDERAL, "USA");
    cbp = world.agency("CBP", AgencyKind.FEDERAL, "USA");
    partner = world.agency("MPS", AgencyKind.FOREIGN_PARTNER, "CHN");
    investigator = world.user("investigator", dea, Role.INVESTIGATOR);
    supervisor = world.user("supervisor", dea, Role.SUPERVISOR);
    otherSupervisor = world.user("supervisor2", dea, Role.SUPERVISOR);
    liaison = world.user("liaison", partner, Role.FOREIGN_LIAISON);
    cbpInvestigator = world.user("cbp", cbp, Role.INVESTIGATOR);
  }

  @Test
  void foreignLiaisonSeesARecordOnlyWhileAnApprovedReleaseStands() throws Exception {
    String report =
        file(investigator, "AMBER", "\"cuiCategory\": \"LEI\", \"relTo\": [\"USA\", \"CHN\"]");
    assertHidden(liaison, report);

    String release =
        requestRelease(investigator, report, partner)
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getHeader("Location");
    String releaseId = release.substring(release.lastIndexOf('/') + 1);
    assertHidden(liaison, report);

    decide(investigator, releaseId, "approve").andExpect(status().isForbidden());
    decide(supervisor, releaseId, "approve")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("APPROVED"));
    assertVisible(liaison, report);

    decide(otherSupervisor, releaseId, "approve")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail", containsString("already APPROVED")));

    decide(otherSupervisor, releaseId, "revoke")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("REVOKED"));
    assertHidden(liaison, report);
    decide(otherSupervisor, releaseId, "revoke").andExpect(status().isConflict());
  }

  @Test
  void aDerivedRecordIsNeverReleasedOnItsOwn() throws Exception {
    long before = releases();
    for (String kind : new String[] {"alert", "pointer-alert"}) {
      mvc.perform(
              post("/api/v1/releases")
                  .with(httpBasic(investigator, World.PASSWORD))
                  .header("PressTrace-Purpose", PURPOSE)
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(
                      "{\"kind\": \""
                          + kind
                          + "\", \"recordId\": \""
                          + java.util.UUID.randomUUID()
                          + "\", \"targetAgency\": \""
                          + cbp
                          + "\", \"justification\": \"Partner checks the exporter\"}"))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value("kind"));
    }
    assertThat(releases()).isEqualTo(before);
  }

  @Test
  void aSupervisorCannotApproveTheirOwnRequest() throws Exception {
    String report = file(supervisor, "AMBER", "\"cuiCategory\": \"LEI\"");
    String releaseId =
        id(requestRelease(supervisor, report, partner).andExpect(status().isCreated()));
    decide(supervisor, releaseId, "approve")
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.detail", containsString("four eyes")));
    assertThat(releaseStatus(releaseId)).isEqualTo("PENDING");
    decide(otherSupervisor, releaseId, "reject")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("REJECTED"));
    assertHidden(liaison, report);
  }

  @Test
  void anAmberReleaseToADomesticAgencyOpensItToThatAgencyOnly() throws Exception {
    String report = file(investigator, "AMBER", "");
    assertHidden(cbpInvestigator, report);
    String releaseId =
        id(requestRelease(investigator, report, cbp).andExpect(status().isCreated()));
    decide(supervisor, releaseId, "approve").andExpect(status().isOk());
    assertVisible(cbpInvestigator, report);
    assertHidden(liaison, report);
  }

  @Test
  void refusedReleasesChangeNothing() throws Exception {
    String amber = file(investigator, "AMBER", "\"cuiCategory\": \"LEI\", \"relTo\": [\"USA\"]");
    String noforn = file(investigator, "AMBER", "\"cuiCategory\": \"LEI\", \"noforn\": true");
    String red = file(investigator, "RED", "");
    long before = releases();

    requestRelease(investigator, amber, dea)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("targetAgency"))
        .andExpect(jsonPath("$.detail", containsString("own agency")));
    requestRelease(investigator, amber, partner)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail", containsString("REL TO")));
    requestRelease(investigator, noforn, partner)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail", containsString("NOFORN")));
    requestRelease(investigator, red, cbp)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail", containsString("not releasable")));
    requestRelease(investigator, amber, "NO-SUCH-AGENCY")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("targetAgency"));
    requestRelease(cbpInvestigator, amber, partner).andExpect(status().isNotFound());
    mvc.perform(
            post("/api/v1/releases")
                .with(httpBasic(investigator, World.PASSWORD))
                .header("PressTrace-Purpose", PURPOSE)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"kind\": \"weather-report\", \"recordId\": \""
                        + amber
                        + "\", \"targetAgency\": \""
                        + cbp
                        + "\", \"justification\": \"because\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("kind"));
    mvc.perform(
            post("/api/v1/releases")
                .with(httpBasic(investigator, World.PASSWORD))
                .header("PressTrace-Purpose", PURPOSE)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"kind\": \"intel-report\", \"recordId\": \""
                        + amber
                        + "\", \"targetAgency\": \""
                        + cbp
                        + "\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("justification"));
    decide(supervisor, UUID.randomUUID().toString(), "approve").andExpect(status().isNotFound());

    assertThat(releases()).isEqualTo(before);
  }

  @Test
  void aReadWithoutAPurposeIsRefusedAndLeavesNoTrace() throws Exception {
    String report = file(investigator, "GREEN", "");
    long audited = audited(report);
    mvc.perform(
            get("/api/v1/intel-reports/" + report).with(httpBasic(investigator, World.PASSWORD)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("purpose"));
    mvc.perform(
            get("/api/v1/intel-reports/" + report)
                .with(httpBasic(investigator, World.PASSWORD))
                .header("PressTrace-Purpose", "  x "))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("purpose"));
    assertThat(audited(report)).isEqualTo(audited);
    mvc.perform(
            get("/api/v1/intel-reports/" + report)
                .with(httpBasic(investigator, World.PASSWORD))
                .header("PressTrace-Purpose", PURPOSE))
        .andExpect(status().isOk());
    assertThat(audited(report)).isEqualTo(audited + 1);
  }

  @Test
  void badMarkingsAndAgenciesAreRefusedWithTheFieldNamed() throws Exception {
    long reports = jdbc.sql("SELECT COUNT(*) FROM intel_report").query(Long.class).single();
    fileRaw(
            investigator,
            "{\"title\": \"t\", \"summary\": \"s\", \"marking\": {\"tlp\": \"PURPLE\"}}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("marking.tlp"));
    fileRaw(
            investigator,
            "{\"title\": \"t\", \"summary\": \"s\", \"marking\": {\"tlp\": \"AMBER\", \"cuiCategory\": \"TOPSECRET\"}}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("marking.cuiCategory"));
    fileRaw(
            investigator,
            "{\"title\": \"t\", \"summary\": \"s\", \"marking\": {\"tlp\": \"AMBER\", \"cuiCategory\": \"LEI\", \"relTo\": [\"USA\", \"ZZZ\"]}}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("marking.relTo[1]"));
    fileRaw(
            investigator,
            "{\"title\": \"t\", \"summary\": \"s\", \"marking\": {\"tlp\": \"AMBER\", \"compartment\": \"NOT-A-TEAM\"}}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("marking.compartment"));
    fileRaw(
            liaison,
            "{\"title\": \"t\", \"summary\": \"s\", \"marking\": {\"tlp\": \"AMBER\", \"cuiCategory\": \"LEI\", \"noforn\": true}}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("marking.noforn"));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM intel_report").query(Long.class).single())
        .isEqualTo(reports);

    String admin =
        world.user(
            "admin",
            directory.operatorAgency().equals("PTO") ? ensureOperator() : dea,
            Role.ADMINISTRATOR);
    long agencies = directory.agencies().size();
    mvc.perform(
            post("/api/v1/agencies")
                .with(httpBasic(admin, World.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"code\": \"X-"
                        + world.suffix()
                        + "\", \"name\": \"X\", \"kind\": \"FEDERAL\", \"country\": \"XYZ\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("country"));
    mvc.perform(
            post("/api/v1/agencies")
                .with(httpBasic(admin, World.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"code\": \"X-"
                        + world.suffix()
                        + "\", \"name\": \"X\", \"kind\": \"GALACTIC\", \"country\": \"USA\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("kind"));
    assertThat(directory.agencies()).hasSize((int) agencies);
  }

  private String ensureOperator() {
    directory.ensureAgency("PTO", "PressTrace Operations", AgencyKind.FEDERAL, "USA");
    return "PTO";
  }

  private String file(String username, String tlp, String extra) throws Exception {
    String marking = "{\"tlp\": \"" + tlp + "\"" + (extra.isEmpty() ? "" : ", " + extra) + "}";
    return id(
        fileRaw(
                username,
                "{\"title\": \"Report "
                    + UUID.randomUUID()
                    + "\", \"summary\": \"Seen.\", \"marking\": "
                    + marking
                    + "}")
            .andExpect(status().isCreated()));
  }

  private ResultActions fileRaw(String username, String body) throws Exception {
    return mvc.perform(
        post("/api/v1/intel-reports")
            .with(httpBasic(username, World.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  private ResultActions requestRelease(String username, String report, String target)
      throws Exception {
    return mvc.perform(
        post("/api/v1/releases")
            .with(httpBasic(username, World.PASSWORD))
            .header("PressTrace-Purpose", PURPOSE)
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                "{\"kind\": \"intel-report\", \"recordId\": \""
                    + report
                    + "\", \"targetAgency\": \""
                    + target
                    + "\", \"justification\": \"Partner checks the exporter\"}"));
  }

  private ResultActions decide(String username, String releaseId, String decision)
      throws Exception {
    return mvc.perform(
        post("/api/v1/releases/" + releaseId + "/" + decision)
            .with(httpBasic(username, World.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"reason\": \"Reviewed under the agreement\"}"));
  }

  private void assertHidden(String username, String report) throws Exception {
    mvc.perform(
            get("/api/v1/intel-reports/" + report)
                .with(httpBasic(username, World.PASSWORD))
                .header("PressTrace-Purpose", PURPOSE))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/api/v1/intel-reports?size=200")
                .with(httpBasic(username, World.PASSWORD))
                .header("PressTrace-Purpose", PURPOSE))
        .andExpect(status().isOk())
        .andExpect(
            result -> assertThat(result.getResponse().getContentAsString()).doesNotContain(report));
  }

  private void assertVisible(String username, String report) throws Exception {
    mvc.perform(
            get("/api/v1/intel-reports/" + report)
                .with(httpBasic(username, World.PASSWORD))
                .header("PressTrace-Purpose", PURPOSE))
        .andExpect(status().isOk());
    mvc.perform(
            get("/api/v1/intel-reports?size=200")
                .with(httpBasic(username, World.PASSWORD))
                .header("PressTrace-Purpose", PURPOSE))
        .andExpect(
            result -> assertThat(result.getResponse().getContentAsString()).contains(report));
  }

  private String id(ResultActions created) throws Exception {
    String location = created.andReturn().getResponse().getHeader("Location");
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private String releaseStatus(String releaseId) {
    return jdbc.sql("SELECT status FROM record_release WHERE id = :id")
        .param("id", releaseId)
        .query(String.class)
        .single();
  }

  private long releases() {
    return jdbc.sql("SELECT COUNT(*) FROM record_release").query(Long.class).single();
  }

  private long audited(String report) {
    return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE record_id = :id")
        .param("id", report)
        .query(Long.class)
        .single();
  }
}
