package org.presstrace.access;

import static org.assertj.core.api.Assertions.assertThat;
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

/**
 * Separation of duties: administrators manage accounts but never reach record content, neither
 * themselves nor through the accounts they create; content roles, supervisor rights and compartment
 * memberships take effect only once a supervisor of the agency concerned approves.
 */
@PressTraceIntegrationTest
class AdministratorGrantsIntegrationTests {

  static final String PURPOSE = "Case 2026-DEA-0311";

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;

  World world;
  String dea;
  String cbp;
  String operatorAdmin;
  String author;
  String supervisor;
  String supervisor2;
  String deaAdmin;
  String compartment;

  @BeforeEach
  void world() {
    world = new World(directory);
    directory.ensureAgency(directory.operatorAgency(), "Operations", AgencyKind.FEDERAL, "USA");
    operatorAdmin = world.user("opadmin", directory.operatorAgency(), Role.ADMINISTRATOR);
    dea = world.agency("DEA", AgencyKind.FEDERAL, "USA");
    cbp = world.agency("CBP", AgencyKind.FEDERAL, "USA");
    author = world.user("author", dea, Role.INVESTIGATOR);
    supervisor = world.user("sup", dea, Role.SUPERVISOR);
    supervisor2 = world.user("sup2", dea, Role.SUPERVISOR);
    deaAdmin = world.user("deaadmin", dea, Role.ADMINISTRATOR);
    compartment = "IRON-" + world.suffix();
    directory.ensureCompartment(compartment, "Iron press case team", dea);
    directory.ensureMember(compartment, author);
  }

  @Test
  void administratorCannotGrantCompartmentAndApproveReleaseAlone() throws Exception {
    String redReport = file(author, "RED", "\"compartment\": \"" + compartment + "\"");
    String amberReport = file(author, "AMBER", "");
    String release = requestRelease(author, amberReport, cbp);
    String mole = world.username("mole");
    String boss = world.username("boss");

    createUser(operatorAdmin, dea, mole, "\"investigator\"").andExpect(status().isCreated());
    createUser(operatorAdmin, dea, boss, "\"administrator\", \"supervisor\"")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("roles"));
    addMember(boss, compartment, mole);
    decideRelease(boss, release, "approve");

    addMember(operatorAdmin, compartment, mole)
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.status").value("PENDING"));
    decideRelease(operatorAdmin, release, "approve").andExpect(status().isForbidden());

    assertThat(directory.user(boss)).isEmpty();
    assertThat(directory.user(mole).orElseThrow().compartments()).doesNotContain(compartment);
    assertThat(releaseStatus(release)).isEqualTo("PENDING");
    mvc.perform(
            get("/api/v1/intel-reports/" + redReport)
                .with(httpBasic(mole, World.PASSWORD))
                .header("PressTrace-Purpose", PURPOSE))
        .andExpect(status().isNotFound());
  }

  @Test
  void anAgencyAdministratorCannotMintAnAuditorAlone() throws Exception {
    String operatorSupervisor = world.user("opsup", directory.operatorAgency(), Role.SUPERVISOR);
    String watcher = world.username("watcher");
    createUser(deaAdmin, dea, watcher, "\"auditor\"").andExpect(status().isCreated());
    assertThat(directory.user(watcher).orElseThrow().roles()).doesNotContain(Role.AUDITOR);
    mvc.perform(get("/api/v1/audit").with(httpBasic(watcher, World.PASSWORD)))
        .andExpect(status().isForbidden());
    String grant = pendingGrantOf(watcher, "AUDITOR");
    decideGrant(supervisor, grant, "approve").andExpect(status().isNotFound());
    assertThat(grantStatus(grant)).isEqualTo("PENDING");
    decideGrant(operatorSupervisor, grant, "approve").andExpect(status().isOk());
    assertThat(directory.user(watcher).orElseThrow().roles()).contains(Role.AUDITOR);
  }

  @Test
  void anAdministratorRoleWithAContentRoleIsRefusedAtCreationAndAtRoleChange() throws Exception {
    long grants = grants();
    for (String roles :
        new String[] {
          "\"administrator\", \"investigator\"",
          "\"auditor\", \"analyst\"",
          "\"administrator\", \"auditor\"",
          "\"supervisor\", \"administrator\""
        }) {
      String username = world.username("mixed" + Math.abs(roles.hashCode() % 1000));
      createUser(operatorAdmin, dea, username, roles)
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value("roles"))
          .andExpect(
              jsonPath("$.detail")
                  .value(org.hamcrest.Matchers.containsString("cannot be held together")));
      assertThat(directory.user(username)).isEmpty();
    }
    requestRole(operatorAdmin, deaAdmin, "supervisor")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("role"));
    requestRole(operatorAdmin, author, "administrator")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("role"));
    requestRole(deaAdmin, supervisor, "auditor")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("role"));
    assertThat(directory.user(deaAdmin).orElseThrow().roles()).containsExactly(Role.ADMINISTRATOR);
    assertThat(directory.user(author).orElseThrow().roles()).containsExactly(Role.INVESTIGATOR);
    assertThat(grants()).isEqualTo(grants);
  }

  @Test
  void anAdministratorCannotApproveOrRejectARelease() throws Exception {
    String release = requestRelease(author, file(author, "AMBER", ""), cbp);
    String legacy = world.user("legacy", dea, Role.ADMINISTRATOR);
    // an account from before administrators and content roles were kept apart
    jdbc.sql("INSERT INTO user_role (username, role) VALUES (:u, 'SUPERVISOR')")
        .param("u", legacy)
        .update();

    decideRelease(legacy, release, "approve").andExpect(status().isForbidden());
    decideRelease(legacy, release, "reject").andExpect(status().isForbidden());
    decideRelease(deaAdmin, release, "approve").andExpect(status().isForbidden());
    assertThat(releaseStatus(release)).isEqualTo("PENDING");
    decideRelease(supervisor, release, "approve").andExpect(status().isOk());
  }

  @Test
  void aPendingGrantDoesNothingUntilApproved() throws Exception {
    String report = file(author, "AMBER", "");
    String redReport = file(author, "RED", "\"compartment\": \"" + compartment + "\"");
    String newcomer = world.username("newcomer");
    createUser(deaAdmin, dea, newcomer, "\"investigator\"")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.roles").isEmpty());
    String roleGrant = pendingGrantOf(newcomer, "INVESTIGATOR");
    assertThat(directory.user(newcomer).orElseThrow().roles()).isEmpty();
    read(newcomer, report).andExpect(status().isNotFound());

    decideGrant(supervisor, roleGrant, "approve")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("APPROVED"))
        .andExpect(jsonPath("$.decidedBy").value(supervisor));
    assertThat(directory.user(newcomer).orElseThrow().roles()).containsExactly(Role.INVESTIGATOR);
    read(newcomer, report).andExpect(status().isOk());

    String membership =
        id(
            addMember(deaAdmin, compartment, newcomer)
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.compartment").value(compartment)));
    assertThat(directory.user(newcomer).orElseThrow().compartments()).isEmpty();
    read(newcomer, redReport).andExpect(status().isNotFound());
    decideGrant(supervisor2, membership, "approve").andExpect(status().isOk());
    assertThat(directory.user(newcomer).orElseThrow().compartments()).containsExactly(compartment);
    read(newcomer, redReport).andExpect(status().isOk());
  }

  @Test
  void neitherTheGranteeNorTheRequesterApprovesAGrant() throws Exception {
    String supervisor3 = world.user("sup3", dea, Role.SUPERVISOR);
    String grant =
        id(addMember(supervisor, compartment, supervisor2).andExpect(status().isAccepted()));
    decideGrant(supervisor2, grant, "approve")
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("four eyes")));
    decideGrant(supervisor, grant, "approve")
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("four eyes")));
    decideGrant(deaAdmin, grant, "approve").andExpect(status().isForbidden());
    decideGrant(author, grant, "approve").andExpect(status().isNotFound());
    assertThat(grantStatus(grant)).isEqualTo("PENDING");
    assertThat(directory.user(supervisor2).orElseThrow().compartments()).isEmpty();

    decideGrant(supervisor3, grant, "approve").andExpect(status().isOk());
    assertThat(directory.user(supervisor2).orElseThrow().compartments())
        .containsExactly(compartment);
  }

  @Test
  void aSupervisorOfAnotherAgencyCannotApprove() throws Exception {
    String cbpSupervisor = world.user("cbpsup", cbp, Role.SUPERVISOR);
    String outsider = world.user("outsider", cbp, Role.INVESTIGATOR);
    String grant =
        id(addMember(operatorAdmin, compartment, outsider).andExpect(status().isAccepted()));
    decideGrant(cbpSupervisor, grant, "approve").andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/grants").with(httpBasic(cbpSupervisor, World.PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(
            result -> assertThat(result.getResponse().getContentAsString()).doesNotContain(grant));
    assertThat(grantStatus(grant)).isEqualTo("PENDING");
    assertThat(directory.user(outsider).orElseThrow().compartments()).isEmpty();
    decideGrant(supervisor, grant, "approve").andExpect(status().isOk());
    assertThat(directory.user(outsider).orElseThrow().compartments()).containsExactly(compartment);
  }

  @Test
  void aRejectedGrantChangesNothing() throws Exception {
    String grant = id(requestRole(deaAdmin, author, "supervisor").andExpect(status().isAccepted()));
    decideGrant(supervisor, grant, "reject")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("REJECTED"));
    decideGrant(supervisor2, grant, "approve").andExpect(status().isConflict());
    assertThat(directory.user(author).orElseThrow().roles()).containsExactly(Role.INVESTIGATOR);
    assertThat(grantStatus(grant)).isEqualTo("REJECTED");
  }

  @Test
  void badGrantInputGivesAProblemAndChangesNothing() throws Exception {
    String nobody = world.username("nobody");
    long grants = grants();
    long roles = count("SELECT COUNT(*) FROM user_role");
    long members = count("SELECT COUNT(*) FROM compartment_member");

    requestRole(deaAdmin, nobody, "investigator")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("username"));
    requestRole(deaAdmin, author, "overlord")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("role"));
    requestRole(deaAdmin, author, "foreign-liaison")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("role"));
    requestRole(deaAdmin, author, "investigator").andExpect(status().isConflict());
    mvc.perform(
            post("/api/v1/grants")
                .with(httpBasic(deaAdmin, World.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\": \"" + author + "\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("role"));
    addMember(deaAdmin, "NO-SUCH-" + world.suffix(), author)
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").exists());
    addMember(deaAdmin, compartment, nobody)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("username"));
    addMember(deaAdmin, compartment, deaAdmin)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("username"));
    addMember(author, compartment, author).andExpect(status().isForbidden());
    requestRole(author, author, "supervisor").andExpect(status().isForbidden());

    String grant = id(requestRole(deaAdmin, author, "analyst").andExpect(status().isAccepted()));
    requestRole(deaAdmin, author, "analyst").andExpect(status().isConflict());
    mvc.perform(
            post("/api/v1/grants/" + grant + "/approve")
                .with(httpBasic(supervisor, World.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"ok\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("reason"));
    decideGrant(supervisor, UUID.randomUUID().toString(), "approve")
        .andExpect(status().isNotFound());

    assertThat(grantStatus(grant)).isEqualTo("PENDING");
    assertThat(grants()).isEqualTo(grants + 1);
    assertThat(count("SELECT COUNT(*) FROM user_role")).isEqualTo(roles);
    assertThat(count("SELECT COUNT(*) FROM compartment_member")).isEqualTo(members);
  }

  @Test
  void grantsAppearInTheAuditTrailAndTheSupervisorsList() throws Exception {
    String grant = id(requestRole(deaAdmin, author, "analyst").andExpect(status().isAccepted()));
    mvc.perform(
            get("/api/v1/grants")
                .param("status", "PENDING")
                .with(httpBasic(supervisor, World.PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.id == '" + grant + "')].role").value("ANALYST"))
        .andExpect(jsonPath("$[?(@.id == '" + grant + "')].requestedBy").value(deaAdmin));
    mvc.perform(get("/api/v1/grants/" + grant).with(httpBasic(supervisor2, World.PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.approverAgency").value(dea));
    decideGrant(supervisor, grant, "approve").andExpect(status().isOk());
    mvc.perform(
            get("/api/v1/grants")
                .param("status", "APPROVED")
                .with(httpBasic(supervisor2, World.PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.id == '" + grant + "')].decidedBy").value(supervisor));
    mvc.perform(
            get("/grants")
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.user(supervisor2)
                        .roles("SUPERVISOR")))
        .andExpect(status().isOk())
        .andExpect(
            result ->
                assertThat(result.getResponse().getContentAsString())
                    .contains(author)
                    .contains("analyst"));

    assertThat(audited(deaAdmin, "GRANT_REQUEST", author)).isEqualTo(1);
    assertThat(audited(supervisor, "GRANT_APPROVE", author)).isEqualTo(1);
  }

  @Test
  void theFirstSupervisorOfANewAgencyIsApprovedByTheOperatorsSupervisors() throws Exception {
    String operatorSupervisor = world.user("opsup", directory.operatorAgency(), Role.SUPERVISOR);
    String fresh = world.agency("FRESH", AgencyKind.LOCAL, "USA");
    String chief = world.username("chief");
    createUser(operatorAdmin, fresh, chief, "\"supervisor\"").andExpect(status().isCreated());
    String grant = pendingGrantOf(chief, "SUPERVISOR");
    mvc.perform(get("/api/v1/grants/" + grant).with(httpBasic(operatorAdmin, World.PASSWORD)))
        .andExpect(jsonPath("$.approverAgency").value(directory.operatorAgency()));
    decideGrant(operatorAdmin, grant, "approve").andExpect(status().isForbidden());
    decideGrant(operatorSupervisor, grant, "approve").andExpect(status().isOk());
    assertThat(directory.user(chief).orElseThrow().roles()).containsExactly(Role.SUPERVISOR);
  }

  // ---- helpers -------------------------------------------------------------------------------

  private ResultActions createUser(String as, String agency, String username, String roles)
      throws Exception {
    return mvc.perform(
        post("/api/v1/agencies/" + agency + "/users")
            .with(httpBasic(as, World.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                "{\"username\": \""
                    + username
                    + "\", \"displayName\": \"New user\", \"roles\": ["
                    + roles
                    + "], \"password\": \""
                    + World.PASSWORD
                    + "\"}"));
  }

  private ResultActions requestRole(String as, String username, String role) throws Exception {
    return mvc.perform(
        post("/api/v1/grants")
            .with(httpBasic(as, World.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"username\": \"" + username + "\", \"role\": \"" + role + "\"}"));
  }

  private ResultActions decideGrant(String as, String grantId, String decision) throws Exception {
    return mvc.perform(
        post("/api/v1/grants/" + grantId + "/" + decision)
            .with(httpBasic(as, World.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"reason\": \"Checked with the case lead\"}"));
  }

  private ResultActions read(String as, String report) throws Exception {
    return mvc.perform(
        get("/api/v1/intel-reports/" + report)
            .with(httpBasic(as, World.PASSWORD))
            .header("PressTrace-Purpose", PURPOSE));
  }

  private String pendingGrantOf(String username, String role) {
    return jdbc.sql(
            "SELECT id FROM access_grant WHERE grantee = :u AND role = :r AND status = 'PENDING'")
        .param("u", username)
        .param("r", role)
        .query(String.class)
        .single();
  }

  private String grantStatus(String grantId) {
    return jdbc.sql("SELECT status FROM access_grant WHERE id = :id")
        .param("id", grantId)
        .query(String.class)
        .single();
  }

  private long grants() {
    return count("SELECT COUNT(*) FROM access_grant");
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  private long audited(String username, String action, String recordId) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM audit_event WHERE username = :u AND action = :a"
                + " AND record_id = :r")
        .param("u", username)
        .param("a", action)
        .param("r", recordId)
        .query(Long.class)
        .single();
  }

  private ResultActions addMember(String as, String code, String username) throws Exception {
    return mvc.perform(
        post("/api/v1/compartments/" + code + "/members")
            .with(httpBasic(as, World.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"username\": \"" + username + "\"}"));
  }

  private ResultActions decideRelease(String as, String releaseId, String decision)
      throws Exception {
    return mvc.perform(
        post("/api/v1/releases/" + releaseId + "/" + decision)
            .with(httpBasic(as, World.PASSWORD))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"reason\": \"Reviewed under the agreement\"}"));
  }

  private String file(String username, String tlp, String extra) throws Exception {
    String marking = "{\"tlp\": \"" + tlp + "\"" + (extra.isEmpty() ? "" : ", " + extra) + "}";
    return id(
        mvc.perform(
                post("/api/v1/intel-reports")
                    .with(httpBasic(username, World.PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"title\": \"Report "
                            + UUID.randomUUID()
                            + "\", \"summary\": \"Seen.\", \"marking\": "
                            + marking
                            + "}"))
            .andExpect(status().isCreated()));
  }

  private String requestRelease(String username, String report, String target) throws Exception {
    return id(
        mvc.perform(
                post("/api/v1/releases")
                    .with(httpBasic(username, World.PASSWORD))
                    .header("PressTrace-Purpose", PURPOSE)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"kind\": \"intel-report\", \"recordId\": \""
                            + report
                            + "\", \"targetAgency\": \""
                            + target
                            + "\", \"justification\": \"Border team checks the exporter\"}"))
            .andExpect(status().isCreated()));
  }

  private static String id(ResultActions created) {
    String location = created.andReturn().getResponse().getHeader("Location");
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private String releaseStatus(String releaseId) {
    return jdbc.sql("SELECT status FROM record_release WHERE id = :id")
        .param("id", releaseId)
        .query(String.class)
        .single();
  }
}
