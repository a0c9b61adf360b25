package org.presstrace.casework.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Marking;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.casework.SubjectDraft;
import org.presstrace.casework.Subjects;
import org.presstrace.resolution.Schema;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@PressTraceIntegrationTest
class LinksApiIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired Subjects subjects;
  @Autowired JdbcClient jdbc;

  @Test
  void aPaymentIsCreatedListedAndReadWithItsEnds() throws Exception {
    var world = new World(directory);
    String agency = world.agency("HSI", AgencyKind.FEDERAL, "USA");
    String agent = world.user("agent", agency, Role.INVESTIGATOR);
    String payer = subject(world, agent, Schema.PERSON, "Mary Jones", Tlp.GREEN);
    String payee =
        subject(world, agent, Schema.COMPANY, "Hubei Xinyuan Chemical Co., Ltd.", Tlp.GREEN);

    MvcResult created = post(agent, payment(payer, payee, "480", "USD", "2026-10-02"));
    assertThat(created.getResponse().getStatus()).isEqualTo(201);
    String location = created.getResponse().getHeader("Location");
    assertThat(location).startsWith("/api/v1/resolution/links/");
    String body = created.getResponse().getContentAsString();
    assertThat(body)
        .contains("\"schema\":\"Payment\"")
        .contains("\"payer\":{\"kind\":\"subject\",\"id\":\"" + payer)
        .contains("\"label\":\"Hubei Xinyuan Chemical Co., Ltd.\"")
        .contains("\"amount\":480")
        .contains("\"agency\":\"" + agency + "\"");

    assertThat(read(agent, location).getResponse().getStatus()).isEqualTo(200);
    assertThat(
            read(agent, "/api/v1/resolution/links?subject=" + payee + "&schema=Payment")
                .getResponse()
                .getContentAsString())
        .contains(location.substring(location.lastIndexOf('/') + 1))
        .contains("\"totalItems\":1");
    assertThat(read(agent, "/api/v1/resolution/links?subject=nobody").getResponse().getStatus())
        .isEqualTo(404);
  }

  @Test
  void badLinksAreProblemsWithTheirField() throws Exception {
    var world = new World(directory);
    String agency = world.agency("HSI", AgencyKind.FEDERAL, "USA");
    String other = world.agency("FBI", AgencyKind.FEDERAL, "USA");
    String agent = world.user("agent", agency, Role.INVESTIGATOR);
    String stranger = world.user("stranger", other, Role.INVESTIGATOR);
    String payer = subject(world, agent, Schema.PERSON, "Mary Jones", Tlp.GREEN);
    String payee = subject(world, agent, Schema.COMPANY, "Hubei Xinyuan Chemical", Tlp.GREEN);
    String hidden = subject(world, stranger, Schema.COMPANY, "Secret Firm", Tlp.RED);
    String vessel =
        subjects
            .submit(
                world.as(agent, Channel.API),
                new SubjectDraft(
                    Schema.VESSEL,
                    Map.of("name", List.of("Ocean Pearl")),
                    "C-" + world.suffix(),
                    "Desk",
                    null,
                    null,
                    Marking.of(agency, Tlp.GREEN)))
            .subject()
            .id();
    long before = jdbc.sql("SELECT COUNT(*) FROM resolution_link").query(Long.class).single();
    String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();

    problem(agent, payment("missing", payee, "10", "USD", "2026-10-02"), "ends.payer");
    problem(agent, payment(payer, hidden, "10", "USD", "2026-10-02"), "ends.beneficiary");
    problem(agent, payment(payer, vessel, "10", "USD", "2026-10-02"), "ends.beneficiary");
    problem(agent, payment(payer, payee, "0", "USD", "2026-10-02"), "amount");
    problem(agent, payment(payer, payee, "-3", "USD", "2026-10-02"), "amount");
    problem(agent, payment(payer, payee, "10", "DOLLARS", "2026-10-02"), "currency");
    problem(agent, payment(payer, payee, "10", "USD", tomorrow), "date");
    problem(
        agent,
        payment(payer, payee, "10", "USD", "2026-10-02").replace("Payment", "Bribe"),
        "schema");
    problem(
        agent,
        payment(payer, payee, "10", "USD", "2026-10-02").replace("\"payer\"", "\"sender\""),
        "ends.sender");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM resolution_link").query(Long.class).single())
        .isEqualTo(before);
  }

  private void problem(String user, String body, String field) throws Exception {
    MvcResult result = post(user, body);
    assertThat(result.getResponse().getStatus()).as(body).isEqualTo(400);
    assertThat(result.getResponse().getContentAsString()).as(body).contains("\"" + field + "\"");
  }

  private String subject(World world, String user, Schema schema, String name, Tlp tlp) {
    return subjects
        .submit(
            world.as(user, Channel.API),
            new SubjectDraft(
                schema,
                Map.of("name", List.of(name)),
                "C-" + world.suffix(),
                "Desk",
                null,
                null,
                Marking.of("x", tlp)))
        .subject()
        .id();
  }

  private static String payment(
      String payer, String payee, String amount, String currency, String date) {
    return "{\"schema\":\"Payment\",\"ends\":{\"payer\":\""
        + payer
        + "\",\"beneficiary\":\""
        + payee
        + "\"},\"amount\":"
        + amount
        + ",\"currency\":\""
        + currency
        + "\",\"date\":\""
        + date
        + "\",\"source\":\"SAR 4471\",\"marking\":{\"tlp\":\"GREEN\"}}";
  }

  private MvcResult read(String user, String url) throws Exception {
    return mvc.perform(
            get(url).with(httpBasic(user, World.PASSWORD)).header("PressTrace-Purpose", "API test"))
        .andReturn();
  }

  private MvcResult post(String user, String body) throws Exception {
    return mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                    "/api/v1/resolution/links")
                .with(httpBasic(user, World.PASSWORD))
                .header("PressTrace-Purpose", "API test")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andReturn();
  }
}
