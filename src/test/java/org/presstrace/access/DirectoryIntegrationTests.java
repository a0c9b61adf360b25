package org.presstrace.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Agency administrators manage their own users; supervisors build compartments across agencies,
 * each member approved by a second supervisor.
 */
@PressTraceIntegrationTest
class DirectoryIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Directory directory;

  @Test
  void aDisabledUserCannotSignInUntilEnabledAgain() throws Exception {
    var world = new World(directory);
    String agency = world.agency("DIR", AgencyKind.LOCAL, "USA");
    String admin = world.user("admin", agency, Role.ADMINISTRATOR);
    String analyst = world.user("analyst", agency, Role.ANALYST);
    String elsewhere =
        world.user("elsewhere", world.agency("ELSE", AgencyKind.LOCAL, "USA"), Role.ADMINISTRATOR);

    mvc.perform(
            post("/api/v1/users/" + analyst + "/disable")
                .with(httpBasic(elsewhere, World.PASSWORD)))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/api/v1/users/" + analyst + "/disable").with(httpBasic(admin, World.PASSWORD)))
        .andExpect(status().isOk());
    mvc.perform(get("/api/v1/agencies").with(httpBasic(analyst, World.PASSWORD)))
        .andExpect(status().isUnauthorized());
    mvc.perform(post("/api/v1/users/" + admin + "/disable").with(httpBasic(admin, World.PASSWORD)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("enabled"));
    mvc.perform(post("/api/v1/users/" + analyst + "/enable").with(httpBasic(admin, World.PASSWORD)))
        .andExpect(status().isOk());
    mvc.perform(get("/api/v1/agencies").with(httpBasic(analyst, World.PASSWORD)))
        .andExpect(status().isOk());
  }

  @Test
  void aCompartmentAdmitsItsMembersFromAnyAgencyAndNobodyElse() throws Exception {
    var world = new World(directory);
    String dea = world.agency("DEA", AgencyKind.FEDERAL, "USA");
    String hsi = world.agency("HSI", AgencyKind.FEDERAL, "USA");
    String supervisor = world.user("sup", dea, Role.SUPERVISOR);
    String secondSupervisor = world.user("sup2", dea, Role.SUPERVISOR);
    String investigator = world.user("inv", dea, Role.INVESTIGATOR);
    String partnerAgent = world.user("hsi", hsi, Role.INVESTIGATOR);
    String code = "TEAM-" + world.suffix();

    mvc.perform(
            post("/api/v1/compartments")
                .with(httpBasic(investigator, World.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\": \"" + code + "\", \"name\": \"Team\"}"))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/api/v1/compartments")
                .with(httpBasic(supervisor, World.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\": \"bad code!\", \"name\": \"Team\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("marking.compartment"));
    mvc.perform(
            post("/api/v1/compartments")
                .with(httpBasic(supervisor, World.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\": \"" + code + "\", \"name\": \"Team\"}"))
        .andExpect(status().isCreated());
    for (String member : new String[] {supervisor, investigator, partnerAgent}) {
      String grant =
          mvc.perform(
                  post("/api/v1/compartments/" + code + "/members")
                      .with(httpBasic(supervisor, World.PASSWORD))
                      .contentType(MediaType.APPLICATION_JSON)
                      .content("{\"username\": \"" + member + "\"}"))
              .andExpect(status().isAccepted())
              .andReturn()
              .getResponse()
              .getHeader("Location");
      mvc.perform(
              post(grant + "/approve")
                  .with(httpBasic(secondSupervisor, World.PASSWORD))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"reason\": \"On the case team\"}"))
          .andExpect(status().isOk());
    }
    mvc.perform(
            post("/api/v1/compartments/" + code + "/members")
                .with(httpBasic(supervisor, World.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"username\": \"nobody-"
                        + world.suffix().toLowerCase(java.util.Locale.ROOT)
                        + "\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("username"));

    String location =
        mvc.perform(
                post("/api/v1/intel-reports")
                    .with(httpBasic(investigator, World.PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"title\": \"Team only\", \"summary\": \"s\", \"marking\": {\"tlp\": \"GREEN\", \"compartment\": \""
                            + code
                            + "\"}}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getHeader("Location");
    String outsider = world.user("outsider", dea, Role.INVESTIGATOR);
    mvc.perform(
            get(location)
                .with(httpBasic(partnerAgent, World.PASSWORD))
                .header("PressTrace-Purpose", "Team case"))
        .andExpect(status().isOk());
    mvc.perform(
            get(location)
                .with(httpBasic(outsider, World.PASSWORD))
                .header("PressTrace-Purpose", "Team case"))
        .andExpect(status().isNotFound());
    assertThat(directory.user(partnerAgent).orElseThrow().compartments()).contains(code);
  }
}
