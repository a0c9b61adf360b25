package org.presstrace.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Another agency's compartment looks absent to a supervisor managing compartments: neither adding a
 * member nor creating a compartment reveals who owns a code.
 */
@PressTraceIntegrationTest
class CompartmentProbeIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;

  World world;
  String dea;
  String hsi;
  String deaSupervisor;
  String hsiSupervisor;
  String code;

  @BeforeEach
  void setUp() {
    world = new World(directory);
    dea = world.agency("DEA", AgencyKind.FEDERAL, "USA");
    hsi = world.agency("HSI", AgencyKind.FEDERAL, "USA");
    deaSupervisor = world.user("deasup", dea, Role.SUPERVISOR);
    hsiSupervisor = world.user("hsisup", hsi, Role.SUPERVISOR);
    code = "OPZ-" + world.suffix();
    directory.ensureCompartment(code, "Operation Z", dea);
  }

  MvcResult post(String user, String path, String body) throws Exception {
    return mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .with(httpBasic(user, World.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andReturn();
  }

  @Test
  void anotherAgencysCompartmentLooksAbsentWhenAddingAMember() throws Exception {
    String member = "{\"username\": \"" + hsiSupervisor + "\"}";
    MvcResult taken = post(hsiSupervisor, "/api/v1/compartments/" + code + "/members", member);
    String absentCode = "NOPE-" + world.suffix();
    MvcResult absent =
        post(hsiSupervisor, "/api/v1/compartments/" + absentCode + "/members", member);

    assertThat(taken.getResponse().getStatus()).isEqualTo(404);
    assertThat(absent.getResponse().getStatus()).isEqualTo(404);
    assertThat(taken.getResponse().getContentAsString().replace(code, "?"))
        .isEqualTo(absent.getResponse().getContentAsString().replace(absentCode, "?"))
        .doesNotContain(dea);
    assertThat(directory.caller(hsiSupervisor).orElseThrow().compartments()).doesNotContain(code);
    assertThat(
            post(deaSupervisor, "/api/v1/compartments/" + code + "/members", member)
                .getResponse()
                .getStatus())
        .as("the owning agency still adds (or asks for) members of any agency")
        .isBetween(200, 299);
  }

  @Test
  void creatingATakenCompartmentCodeIsRefusedWithoutNamingItsOwner() throws Exception {
    MvcResult result =
        post(
            hsiSupervisor,
            "/api/v1/compartments",
            "{\"code\": \"" + code.toLowerCase(java.util.Locale.ROOT) + "\", \"name\": \"Mine\"}");

    assertThat(result.getResponse().getStatus()).isEqualTo(409);
    assertThat(result.getResponse().getContentAsString())
        .contains("is taken; choose another")
        .doesNotContain(dea)
        .doesNotContain("Operation Z");
    String owner =
        jdbc.sql("SELECT owner_agency FROM compartment WHERE code = :code")
            .param("code", code)
            .query(String.class)
            .single();
    assertThat(owner).as("the stored compartment is untouched").isEqualTo(dea);
  }
}
