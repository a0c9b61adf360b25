package org.presstrace.access.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The access pages: agency and user administration, the supervisors' release inbox and the
 * auditors' search, each refusing other roles and showing bad input next to its field.
 */
@PressTraceIntegrationTest
class AccessPagesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;

  World world;
  String agency;
  String otherAgency;
  String admin;
  String operatorAdmin;
  String investigator;
  String supervisor;
  String auditor;

  @BeforeEach
  void world() {
    world = new World(directory);
    agency = world.agency("AGY", AgencyKind.FEDERAL, "USA");
    otherAgency = world.agency("OTH", AgencyKind.STATE, "USA");
    directory.ensureAgency(directory.operatorAgency(), "Operations", AgencyKind.FEDERAL, "USA");
    admin = world.user("admin", agency, Role.ADMINISTRATOR);
    operatorAdmin = world.user("opadmin", directory.operatorAgency(), Role.ADMINISTRATOR);
    investigator = world.user("inv", agency, Role.INVESTIGATOR);
    supervisor = world.user("sup", agency, Role.SUPERVISOR);
    auditor = world.user("aud", agency, Role.AUDITOR);
  }

  private RequestPostProcessor as(String username, Role role) {
    return user(username).roles(role.name());
  }

  @Test
  void anAgencyAdministratorCreatesUsersInTheirOwnAgencyOnly() throws Exception {
    String newUser = world.username("newcomer");
    mvc.perform(
            post("/admin/users")
                .with(as(admin, Role.ADMINISTRATOR))
                .with(csrf())
                .param("agency", agency)
                .param("username", newUser)
                .param("displayName", "New Comer")
                .param("roles", "ANALYST")
                .param("password", "long-enough-password"))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("notice", containsString(newUser)));
    assertThat(directory.user(newUser)).isPresent();

    mvc.perform(
            post("/admin/users")
                .with(as(admin, Role.ADMINISTRATOR))
                .with(csrf())
                .param("agency", otherAgency)
                .param("username", world.username("intruder"))
                .param("displayName", "X")
                .param("roles", "ANALYST")
                .param("password", "long-enough-password"))
        .andExpect(status().isForbidden());
    assertThat(directory.user(world.username("intruder"))).isEmpty();

    mvc.perform(
            get("/admin/users").param("agency", otherAgency).with(as(admin, Role.ADMINISTRATOR)))
        .andExpect(status().isForbidden());
    mvc.perform(
            get("/admin/users")
                .param("agency", otherAgency)
                .with(as(operatorAdmin, Role.ADMINISTRATOR)))
        .andExpect(status().isOk());
  }

  @Test
  void badUserInputIsShownNextToItsField() throws Exception {
    mvc.perform(
            post("/admin/users")
                .with(as(admin, Role.ADMINISTRATOR))
                .with(csrf())
                .param("agency", agency)
                .param("username", world.username("short"))
                .param("displayName", "Short")
                .param("roles", "ANALYST")
                .param("password", "short"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("password must be at least 12 characters")));
    mvc.perform(
            post("/admin/users")
                .with(as(admin, Role.ADMINISTRATOR))
                .with(csrf())
                .param("agency", agency)
                .param("username", world.username("liaison"))
                .param("displayName", "L")
                .param("roles", "FOREIGN_LIAISON")
                .param("password", "long-enough-password"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("not allowed in a FEDERAL agency")));
    assertThat(directory.user(world.username("short"))).isEmpty();
    assertThat(directory.user(world.username("liaison"))).isEmpty();
  }

  @Test
  void onlyOperatorAdministratorsCreateAgenciesAndBadCountriesAreNamed() throws Exception {
    String code = world.agency("NEWAG");
    mvc.perform(
            post("/admin/agencies")
                .with(as(admin, Role.ADMINISTRATOR))
                .with(csrf())
                .param("code", code)
                .param("name", "New")
                .param("kind", "LOCAL")
                .param("country", "USA"))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/admin/agencies")
                .with(as(operatorAdmin, Role.ADMINISTRATOR))
                .with(csrf())
                .param("code", code)
                .param("name", "New")
                .param("kind", "LOCAL")
                .param("country", "U5A"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    containsString(
                        "country code &#39;U5A&#39; is not an ISO 3166-1 alpha-3 code")));
    assertThat(directory.agency(code)).isEmpty();
    mvc.perform(
            post("/admin/agencies")
                .with(as(operatorAdmin, Role.ADMINISTRATOR))
                .with(csrf())
                .param("code", code)
                .param("name", "New")
                .param("kind", "LOCAL")
                .param("country", "usa"))
        .andExpect(status().is3xxRedirection());
    assertThat(directory.agency(code)).isPresent();
    mvc.perform(get("/admin/agencies").with(as(investigator, Role.INVESTIGATOR)))
        .andExpect(status().isForbidden());
  }

  @Test
  void aSupervisorDecidesReleasesFromTheInbox() throws Exception {
    String report = fileAmber();
    String partner = world.agency("PART", AgencyKind.FOREIGN_PARTNER, "CHN");
    mvc.perform(
            post("/purpose")
                .with(as(investigator, Role.INVESTIGATOR))
                .with(csrf())
                .param("purpose", "Case 77")
                .param("returnTo", "/releases"))
        .andExpect(redirectedUrl("/releases"));
    mvc.perform(
            post("/releases")
                .with(as(investigator, Role.INVESTIGATOR))
                .with(csrf())
                .sessionAttr("presstrace.purpose", "Case 77")
                .param("kind", "intel-report")
                .param("recordId", report)
                .param("targetAgency", partner)
                .param("justification", "Partner verifies the exporter"))
        .andExpect(redirectedUrl("/releases"))
        .andExpect(flash().attribute("notice", containsString(partner)));
    String releaseId =
        jdbc.sql("SELECT id FROM record_release WHERE record_id = :r")
            .param("r", report)
            .query(String.class)
            .single();

    mvc.perform(get("/releases").with(as(supervisor, Role.SUPERVISOR)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Partner verifies the exporter")))
        .andExpect(content().string(containsString("Approve")));
    mvc.perform(
            post("/releases/" + releaseId + "/approve")
                .with(as(investigator, Role.INVESTIGATOR))
                .with(csrf())
                .param("reason", "mine"))
        .andExpect(flash().attribute("error", containsString("supervisors")));
    mvc.perform(
            post("/releases/" + releaseId + "/approve")
                .with(as(supervisor, Role.SUPERVISOR))
                .with(csrf())
                .param("reason", ""))
        .andExpect(flash().attribute("error", containsString("reason")));
    mvc.perform(
            post("/releases/" + releaseId + "/approve")
                .with(as(supervisor, Role.SUPERVISOR))
                .with(csrf())
                .param("reason", "Agreed under the arrangement"))
        .andExpect(flash().attribute("notice", containsString("approved")));
    assertThat(
            jdbc.sql("SELECT status FROM record_release WHERE id = :id")
                .param("id", releaseId)
                .query(String.class)
                .single())
        .isEqualTo("APPROVED");
  }

  @Test
  void auditorsSearchAndExportTheTrailAndOthersCannot() throws Exception {
    String report = fileAmber();
    mvc.perform(get("/audit").param("recordId", report).with(as(auditor, Role.AUDITOR)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Create")))
        .andExpect(content().string(containsString(investigator)));
    mvc.perform(get("/audit").param("from", "yesterday").with(as(auditor, Role.AUDITOR)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("is not an ISO 8601 UTC time")));
    mvc.perform(get("/audit/export").param("recordId", report).with(as(auditor, Role.AUDITOR)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(report)))
        .andExpect(content().string(containsString(",CREATE,")))
        .andExpect(content().string(not(containsString("AUDIT_SEARCH"))));
    mvc.perform(get("/audit").with(as(supervisor, Role.SUPERVISOR)))
        .andExpect(status().isForbidden());
    mvc.perform(get("/audit/export").with(as(supervisor, Role.SUPERVISOR)))
        .andExpect(status().isForbidden());
    long searches =
        jdbc.sql(
                "SELECT COUNT(*) FROM audit_event WHERE username = :u AND action IN ('AUDIT_SEARCH', 'AUDIT_EXPORT')")
            .param("u", auditor)
            .query(Long.class)
            .single();
    assertThat(searches)
        .as(
            "the auditor's own searches are audited, the one with a bad 'from' too: it still"
                + " shows the trail, without that bound")
        .isEqualTo(3);
  }

  private String fileAmber() throws Exception {
    String location =
        mvc.perform(
                post("/api/v1/intel-reports")
                    .with(httpBasic(investigator, World.PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"title\": \"Press parts\", \"summary\": \"seen\", \"marking\": {\"tlp\": \"AMBER\", \"cuiCategory\": \"LEI\"}}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getHeader("Location");
    return location.substring(location.lastIndexOf('/') + 1);
  }
}
