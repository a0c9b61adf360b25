package org.presstrace.exchange.web;

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

import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Marking;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.exchange.PartnerOutbox;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The partner page and API: administrators pair, see each outbox's state and disable a partner;
 * other roles are refused; a bad pairing text is shown beside its field and stores nothing.
 */
@PressTraceIntegrationTest
class PartnerPagesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;
  @Autowired PartnerOutbox outbox;

  World world;
  String admin;
  String investigator;
  String agency;

  @BeforeEach
  void world() {
    world = new World(directory);
    directory.ensureAgency(directory.operatorAgency(), "Operations", AgencyKind.FEDERAL, "USA");
    admin = world.user("xadmin", directory.operatorAgency(), Role.ADMINISTRATOR);
    agency = world.agency("XDEA", AgencyKind.FEDERAL, "USA");
    investigator = world.user("xinv", agency, Role.INVESTIGATOR);
  }

  @Test
  void administratorsPairFromThePageAndSeeTheOutboxWhileOthersAreRefused() throws Exception {
    String id = "pt-page-" + world.suffix().toLowerCase();
    mvc.perform(
            post("/exchange/partners")
                .with(as(admin, Role.ADMINISTRATOR))
                .with(csrf())
                .param("pairing", "{\"id\": \"" + id + "\"")
                .param("messageTypes", "notice"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("the pairing text is not JSON")))
        .andExpect(content().string(containsString("id=\"pairing-error\"")));
    mvc.perform(
            post("/exchange/partners")
                .with(as(admin, Role.ADMINISTRATOR))
                .with(csrf())
                .param("pairing", pairing(id, "http://127.0.0.1:9"))
                .param("messageTypes", "notice, Bad_Type"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("message type &#39;Bad_Type&#39;")))
        .andExpect(content().string(containsString("id=\"messageTypes-error\"")));
    assertThat(partnerCount(id)).isZero();

    mvc.perform(
            post("/exchange/partners")
                .with(as(investigator, Role.INVESTIGATOR))
                .with(csrf())
                .param("pairing", pairing(id, "http://127.0.0.1:9"))
                .param("messageTypes", "notice"))
        .andExpect(status().isForbidden());
    assertThat(partnerCount(id)).isZero();

    mvc.perform(
            post("/exchange/partners")
                .with(as(admin, Role.ADMINISTRATOR))
                .with(csrf())
                .param("pairing", pairing(id, "http://127.0.0.1:9"))
                .param("messageTypes", "notice, incident"))
        .andExpect(status().is3xxRedirection());
    assertThat(partnerCount(id)).isEqualTo(1);
    assertThat(directory.agency(id.toUpperCase()).orElseThrow().kind())
        .isEqualTo(AgencyKind.FOREIGN_PARTNER);

    // port 9 answers nothing: the message stays pending with its error and next attempt shown
    outbox.send(
        world.as(investigator, Channel.API), id, "notice", "{}", Marking.of(agency, Tlp.GREEN));
    jdbc.sql(
            "UPDATE exchange_outbox SET last_error = 'ConnectException', attempts = 1"
                + " WHERE partner_id = :id")
        .param("id", id)
        .update();
    mvc.perform(get("/exchange/partners").with(as(admin, Role.ADMINISTRATOR)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(id)))
        .andExpect(content().string(containsString("<td class=\"pending\">1</td>")))
        .andExpect(content().string(containsString("ConnectException")));
    mvc.perform(get("/exchange/partners").with(as(investigator, Role.INVESTIGATOR)))
        .andExpect(status().isForbidden());

    mvc.perform(
            post("/exchange/partners/" + id + "/enabled")
                .with(as(admin, Role.ADMINISTRATOR))
                .with(csrf())
                .param("enabled", "false"))
        .andExpect(status().is3xxRedirection());
    assertThat(
            jdbc.sql("SELECT enabled FROM exchange_partner WHERE id = :id")
                .param("id", id)
                .query(Boolean.class)
                .single())
        .isFalse();
  }

  @Test
  void theApiIsForAdministratorsAndRefusesBadPairingTexts() throws Exception {
    String id = "pt-api-" + world.suffix().toLowerCase();
    mvc.perform(get("/api/v1/exchange/partners").with(as(investigator, Role.INVESTIGATOR)))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/exchange/identity").with(as(admin, Role.ADMINISTRATOR)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(org.hamcrest.Matchers.startsWith("pt-")));
    mvc.perform(
            post("/api/v1/exchange/partners")
                .with(as(admin, Role.ADMINISTRATOR))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"pairing\": "
                        + quoted(pairing(id, "javascript:alert(1)"))
                        + ", \"messageTypes\": [\"notice\"]}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(content().string(containsString("is not an http or https URL")));
    assertThat(partnerCount(id)).isZero();
    mvc.perform(
            post("/api/v1/exchange/partners")
                .with(as(admin, Role.ADMINISTRATOR))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"pairing\": "
                        + quoted(pairing(id, "https://cn.example"))
                        + ", \"messageTypes\": [\"notice\"]}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.outbox.pending").value(0));
    mvc.perform(
            put("/api/v1/exchange/partners/" + id)
                .with(as(admin, Role.ADMINISTRATOR))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"messageTypes\": [\"notice\", \"incident\"]}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.messageTypes[0]").value("incident"));
    mvc.perform(
            post("/api/v1/exchange/partners")
                .with(as(admin, Role.ADMINISTRATOR))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"pairing\": " + quoted(pairing(id, "https://cn.example")) + "}"))
        .andExpect(status().isConflict());
  }

  private long partnerCount(String id) {
    return jdbc.sql("SELECT COUNT(*) FROM exchange_partner WHERE id = :id")
        .param("id", id)
        .query(Long.class)
        .single();
  }

  private static String pairing(String id, String url) throws Exception {
    String key =
        Base64.getEncoder()
            .encodeToString(
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded());
    return "{\"id\":\""
        + id
        + "\",\"country\":\"CHN\",\"authority\":\"Ministry of Public Security\",\"baseUrl\":\""
        + url
        + "\",\"publicKey\":\""
        + key
        + "\"}";
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private RequestPostProcessor as(String username, Role role) {
    return user(username).roles(role.name());
  }
}
