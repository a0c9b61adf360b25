package org.presstrace.access.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * An agency's duty contact, the one point of contact deconfliction gives other agencies about its
 * records that may not leave it: set by administrators of the agency or of the operator only, and
 * refused with a problem detail when blank or too long, keeping what was stored.
 */
@PressTraceIntegrationTest
class DutyContactIntegrationTests {

  static final String DESK = "Duty desk, +1 202 555 0100";

  @Autowired MockMvc mvc;
  @Autowired Directory directory;

  World world;
  String agency;
  String otherAgency;
  String admin;
  String otherAdmin;
  String operatorAdmin;
  String investigator;

  @BeforeEach
  void world() {
    world = new World(directory);
    agency = world.agency("AGY", AgencyKind.FEDERAL, "USA");
    otherAgency = world.agency("OTH", AgencyKind.STATE, "USA");
    directory.ensureAgency(directory.operatorAgency(), "Operations", AgencyKind.FEDERAL, "USA");
    admin = world.user("admin", agency, Role.ADMINISTRATOR);
    otherAdmin = world.user("othadmin", otherAgency, Role.ADMINISTRATOR);
    operatorAdmin = world.user("opadmin", directory.operatorAgency(), Role.ADMINISTRATOR);
    investigator = world.user("inv", agency, Role.INVESTIGATOR);
  }

  @Test
  void anAgencyAdministratorSetsTheDutyContactAndEveryoneSeesItInTheAgencyView() throws Exception {
    set(admin, agency, "{\"dutyContact\": \"  " + DESK + "  \"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.dutyContact").value(DESK));
    mvc.perform(get("/api/v1/agencies").with(as(investigator, Role.INVESTIGATOR)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(DESK)));
    set(operatorAdmin, agency, "{\"dutyContact\": \"Operator-routed desk\"}")
        .andExpect(status().isOk());
    assertThat(dutyContact()).isEqualTo("Operator-routed desk");
  }

  @Test
  void onlyAdministratorsOfTheAgencyOrTheOperatorSetItsDutyContact() throws Exception {
    set(admin, agency, "{\"dutyContact\": \"" + DESK + "\"}").andExpect(status().isOk());
    set(otherAdmin, agency, "{\"dutyContact\": \"Attacker's phone\"}")
        .andExpect(status().isForbidden());
    set(investigator, agency, "{\"dutyContact\": \"Attacker's phone\"}")
        .andExpect(status().isForbidden());
    assertThat(dutyContact()).isEqualTo(DESK);
    set(operatorAdmin, world.agency("NONE"), "{\"dutyContact\": \"" + DESK + "\"}")
        .andExpect(status().isNotFound());
  }

  @Test
  void blankOrTooLongDutyContactGetsAProblemDetailAndKeepsTheStoredOne() throws Exception {
    set(admin, agency, "{\"dutyContact\": \"" + DESK + "\"}").andExpect(status().isOk());
    for (String body :
        new String[] {
          "{\"dutyContact\": \"   \"}",
          "{\"dutyContact\": null}",
          "{}",
          "{\"dutyContact\": \"" + "x".repeat(201) + "\"}"
        }) {
      set(admin, agency, body)
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.errors[0].field").value("dutyContact"));
    }
    set(admin, agency, "{\"dutyContact\": \"" + "x".repeat(201) + "\"}")
        .andExpect(jsonPath("$.detail", containsString("at most 200")));
    assertThat(dutyContact()).isEqualTo(DESK);
  }

  @Test
  void theAgenciesPageSetsTheDutyContactAndShowsBadInputBesideIt() throws Exception {
    mvc.perform(
            post("/admin/agencies/{code}/duty-contact", agency)
                .with(as(admin, Role.ADMINISTRATOR))
                .with(csrf())
                .param("dutyContact", " "))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("dutyContact is required")));
    mvc.perform(
            post("/admin/agencies/{code}/duty-contact", agency)
                .with(as(admin, Role.ADMINISTRATOR))
                .with(csrf())
                .param("dutyContact", DESK))
        .andExpect(status().is3xxRedirection());
    assertThat(dutyContact()).isEqualTo(DESK);
    mvc.perform(get("/admin/agencies").with(as(admin, Role.ADMINISTRATOR)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(DESK)));
  }

  private ResultActions set(String username, String code, String body) throws Exception {
    return mvc.perform(
        put("/api/v1/agencies/{code}/duty-contact", code)
            .with(as(username, Role.ADMINISTRATOR))
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  private String dutyContact() {
    return directory.agency(agency).orElseThrow().dutyContact();
  }

  private RequestPostProcessor as(String username, Role role) {
    return user(username).roles(role.name());
  }
}
