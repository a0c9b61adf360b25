package org.presstrace.casework.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

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
import org.springframework.test.web.servlet.MvcResult;

@PressTraceIntegrationTest
class ResolutionApiIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;
  @Autowired org.presstrace.casework.DeconflictionLimits limits;

  @Test
  void aPointerOverTheApiCarriesNothingOfTheOtherRecord() throws Exception {
    var world = new World(directory);
    String dea = world.agency("DEA", AgencyKind.FEDERAL, "USA");
    String cbp = world.agency("CBP", AgencyKind.FEDERAL, "USA");
    String deaAgent = world.user("dea", dea, Role.INVESTIGATOR);
    String cbpAgent = world.user("cbp", cbp, Role.INVESTIGATOR);
    String wallet = "wallet" + world.suffix() + "@proton.me";
    MvcResult held =
        post(
            deaAgent,
            "/api/v1/resolution/subjects",
            subject("深圳市华科化工有限公司", wallet, "DEA-CASE-9", "AMBER"));
    assertThat(held.getResponse().getStatus()).isEqualTo(201);

    MvcResult entered =
        post(
            cbpAgent,
            "/api/v1/resolution/subjects",
            subject("Shenzhen Huake Chemical Co., Ltd.", wallet, "CBP-CASE-3", "AMBER"));

    String body = entered.getResponse().getContentAsString();
    assertThat(entered.getResponse().getStatus()).isEqualTo(201);
    assertThat(body).contains("\"otherAgency\":\"" + dea + "\"").contains("DEA-CASE-9");
    assertThat(body).doesNotContain("深圳").doesNotContain("华科");
    // Not even the id of one of DEA's records, as the cluster's canonical id (the smallest id in
    // it): DEA holds five records of the firm, so the smallest is one of DEA's five times in six.
    var deaIds = new java.util.ArrayList<String>();
    deaIds.add(idOf(held));
    for (int i = 0; i < 4; i++) {
      deaIds.add(
          idOf(
              post(
                  deaAgent,
                  "/api/v1/resolution/subjects",
                  subject("深圳市华科化工有限公司", wallet, "DEA-CASE-9", "AMBER"))));
    }
    MvcResult again =
        post(
            cbpAgent,
            "/api/v1/resolution/subjects",
            subject("Shenzhen Huake Chemical Co., Ltd.", wallet, "CBP-CASE-4", "AMBER"));
    String second = again.getResponse().getContentAsString();
    deaIds.forEach(id -> assertThat(second).doesNotContain(id));
    // the canonical id is taken over CBP's own two records only: the smaller of the two ids
    String smaller = idOf(again).compareTo(idOf(entered)) < 0 ? idOf(again) : idOf(entered);
    assertThat(second).contains("\"canonicalId\":\"" + smaller + "\"");
    String alerts =
        mvc.perform(get("/api/v1/resolution/alerts").with(httpBasic(deaAgent, World.PASSWORD)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(alerts).contains("CBP-CASE-3").doesNotContain("Shenzhen Huake");
  }

  @Test
  void badInputIsAProblemWithItsField() throws Exception {
    var world = new World(directory);
    String agency = world.agency("HSI", AgencyKind.FEDERAL, "USA");
    String agent = world.user("agent", agency, Role.INVESTIGATOR);
    long before = jdbc.sql("SELECT COUNT(*) FROM resolution_entity").query(Long.class).single();
    problem(
        agent,
        "/api/v1/resolution/subjects",
        subject("X", "a@b.c", "C-1", "AMBER").replace("\"Company\"", "\"Spaceship\""),
        "schema");
    problem(
        agent,
        "/api/v1/resolution/subjects",
        subject("X", "a@b.c", "C-1", "PURPLE"),
        "marking.tlp");
    problem(
        agent,
        "/api/v1/resolution/subjects",
        "{\"schema\":\"Person\",\"properties\":{\"shoeSize\":[\"44\"]},\"caseReference\":\"C\","
            + "\"contact\":\"D\",\"marking\":{\"tlp\":\"RED\"}}",
        "properties");
    problem(
        agent,
        "/api/v1/resolution/operations",
        "{\"caseReference\":\"OP\",\"contact\":\"D\",\"start\":\"2026-12-01T10:00:00Z\","
            + "\"end\":\"2026-12-01T09:00:00Z\",\"latitude\":1,\"longitude\":1,"
            + "\"radiusMetres\":500,\"marking\":{\"tlp\":\"RED\"}}",
        "end");
    problem(
        agent,
        "/api/v1/resolution/operations",
        "{\"caseReference\":\"OP\",\"contact\":\"D\",\"start\":\"2026-12-01T10:00:00Z\","
            + "\"end\":\"2026-12-01T11:00:00Z\",\"latitude\":91,\"longitude\":1,"
            + "\"radiusMetres\":500,\"marking\":{\"tlp\":\"RED\"}}",
        "latitude");
    problem(
        agent,
        "/api/v1/resolution/review/judgements",
        "{\"left\":\"a\",\"right\":\"b\",\"judgement\":\"MAYBE\"}",
        "judgement");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM resolution_entity").query(Long.class).single())
        .isEqualTo(before);
  }

  @Test
  void aTinyCircleOrALongWindowIsAProblemNamingTheFieldAndStoresNothing() throws Exception {
    var world = new World(directory);
    String agency = world.agency("HSI", AgencyKind.FEDERAL, "USA");
    String agent = world.user("agent", agency, Role.INVESTIGATOR);

    problem(agent, "/api/v1/resolution/operations", operation(1, 60, 2), "radiusMetres");
    problem(agent, "/api/v1/resolution/operations", operation(1, 500, 25), "end");

    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM planned_operation WHERE created_by = :by")
                .param("by", agent)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void planningBeyondTheUserRateIsA429WithRetryAfter() throws Exception {
    var world = new World(directory);
    String agency = world.agency("HSI", AgencyKind.FEDERAL, "USA");
    String agent = world.user("agent", agency, Role.INVESTIGATOR);
    for (int i = 0; i < limits.plansPerUser(); i++) {
      assertThat(
              post(agent, "/api/v1/resolution/operations", operation(i, 500, 4))
                  .getResponse()
                  .getStatus())
          .isEqualTo(201);
    }

    MvcResult refused = post(agent, "/api/v1/resolution/operations", operation(50, 500, 4));

    assertThat(refused.getResponse().getStatus()).isEqualTo(429);
    assertThat(refused.getResponse().getContentType()).contains("problem+json");
    assertThat(refused.getResponse().getContentAsString()).contains("too-many-requests");
    long retryAfter = Long.parseLong(refused.getResponse().getHeader("Retry-After"));
    assertThat(retryAfter).isPositive().isLessThanOrEqualTo(limits.planWindow().toSeconds());
  }

  private static String operation(int at, int radius, int hours) {
    return "{\"caseReference\":\"OP\",\"contact\":\"D\",\"start\":\"2031-02-01T00:00:00Z\","
        + "\"end\":\""
        + java.time.Instant.parse("2031-02-01T00:00:00Z").plusSeconds(hours * 3600L)
        + "\",\"latitude\":"
        + (-60 + at)
        + ",\"longitude\":-30,\"radiusMetres\":"
        + radius
        + ",\"marking\":{\"tlp\":\"AMBER\"}}";
  }

  @Test
  void aJudgementOnAnUnknownPairOrOneTheCallerCannotReadIsA404AndStoresNothing() throws Exception {
    var world = new World(directory);
    String dea = world.agency("DEA", AgencyKind.FEDERAL, "USA");
    String cbp = world.agency("CBP", AgencyKind.FEDERAL, "USA");
    String deaAgent = world.user("dea", dea, Role.INVESTIGATOR);
    String cbpAgent = world.user("cbp", cbp, Role.INVESTIGATOR);
    String shared =
        idOf(
            post(
                deaAgent,
                "/api/v1/resolution/subjects",
                subject(
                    "Brennick Haulage " + world.suffix(),
                    "a" + world.suffix() + "@x.example",
                    "DEA-J-1",
                    "GREEN")));
    String hidden =
        idOf(
            post(
                deaAgent,
                "/api/v1/resolution/subjects",
                subject(
                    "Farrant Freight " + world.suffix(),
                    "b" + world.suffix() + "@x.example",
                    "DEA-J-2",
                    "AMBER")));
    long before = jdbc.sql("SELECT COUNT(*) FROM resolution_judgement").query(Long.class).single();

    for (String body :
        java.util.List.of(
            "{\"left\":\"" + shared + "\",\"right\":\"no-such-subject\",\"judgement\":\"SAME\"}",
            "{\"left\":\"" + shared + "\",\"right\":\"" + hidden + "\",\"judgement\":\"SAME\"}",
            "{\"left\":\""
                + hidden
                + "\",\"right\":\""
                + shared
                + "\",\"judgement\":\"NOT_SAME\"}")) {
      MvcResult refused = post(cbpAgent, "/api/v1/resolution/review/judgements", body);
      assertThat(refused.getResponse().getStatus()).as(body).isEqualTo(404);
      assertThat(refused.getResponse().getContentAsString()).doesNotContain("Farrant");
    }
    assertThat(jdbc.sql("SELECT COUNT(*) FROM resolution_judgement").query(Long.class).single())
        .isEqualTo(before);
    problem(
        cbpAgent,
        "/api/v1/resolution/review/shares",
        "{\"left\":\"" + shared + "\",\"right\":\"" + shared + "\",\"toAgency\":\"\"}",
        "toAgency");
  }

  private static String idOf(MvcResult created) {
    String location = created.getResponse().getHeader("Location");
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private void problem(String user, String url, String body, String field) throws Exception {
    MvcResult result = post(user, url, body);
    assertThat(result.getResponse().getStatus()).as(body).isEqualTo(400);
    assertThat(result.getResponse().getContentAsString()).as(body).contains("\"" + field + "\"");
  }

  private MvcResult post(String user, String url, String body) throws Exception {
    return mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url)
                .with(httpBasic(user, World.PASSWORD))
                .header("PressTrace-Purpose", "API test")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andReturn();
  }

  private static String subject(String name, String email, String caseReference, String tlp) {
    return "{\"schema\":\"Company\",\"properties\":{\"name\":[\""
        + name
        + "\"],\"email\":[\""
        + email
        + "\"],\"country\":[\"CN\"]},\"caseReference\":\""
        + caseReference
        + "\",\"contact\":\"Duty desk "
        + caseReference
        + "\",\"marking\":{\"tlp\":\""
        + tlp
        + "\"}}";
  }
}
