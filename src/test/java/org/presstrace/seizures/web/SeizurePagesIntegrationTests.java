package org.presstrace.seizures.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Directory;
import org.presstrace.access.Purpose;
import org.presstrace.access.Role;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The report form shows each problem beside its field and stores nothing; a good report lands. */
@PressTraceIntegrationTest
class SeizurePagesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;

  @Test
  void theFormShowsFieldErrorsThenFilesAGoodReportAndTheDashboardRenders() throws Exception {
    var world = new World(directory);
    String agency = world.agency("CBP", AgencyKind.FEDERAL, "USA");
    String officer = world.user("officer", agency, Role.INVESTIGATOR);
    String reference = "PG-" + world.suffix();
    String when =
        LocalDateTime.now(ZoneOffset.UTC).minusDays(1).withSecond(0).withNano(0).toString();
    var session = new MockHttpSession();
    session.setAttribute(Purpose.SESSION_ATTRIBUTE, "Case page test");
    var bad =
        mvc.perform(
                post("/seizures/new")
                    .with(user(officer).roles("INVESTIGATOR"))
                    .with(csrf())
                    .session(session)
                    .param("reference", reference)
                    .param("occurredAt", when)
                    .param("zone", "UTC")
                    .param("context", "PORT_OF_ENTRY")
                    .param("portOfEntry", "Nogales")
                    .param("region", "AZ")
                    .param("substance", "fentanyl")
                    .param("form", "POWDER")
                    .param("netWeight", "2")
                    .param("netUnit", "kg")
                    .param("pillCount", "500")
                    .param("purityPct", "140")
                    .param("tlp", "AMBER")
                    .param("cuiCategory", "LEI"))
            .andReturn();
    String page = bad.getResponse().getContentAsString();
    assertThat(bad.getResponse().getStatus()).as(page).isEqualTo(200);
    assertThat(page)
        .contains("id=\"pillCount-error\"")
        .contains("a pill count is for pills, not for powder")
        .contains("id=\"purityPct-error\"");
    assertThat(count(reference)).isZero();

    var good =
        mvc.perform(
                post("/seizures/new")
                    .with(user(officer).roles("INVESTIGATOR"))
                    .with(csrf())
                    .session(session)
                    .param("reference", reference)
                    .param("occurredAt", when)
                    .param("zone", "UTC")
                    .param("context", "PORT_OF_ENTRY")
                    .param("portOfEntry", "Nogales")
                    .param("region", "AZ")
                    .param("substance", "fentanyl")
                    .param("form", "PILLS")
                    .param("pillCount", "500")
                    .param("mgPerPill", "2")
                    .param("equipment", "PRESS:UNREG-" + world.suffix())
                    .param("parties", "person:J. Doe")
                    .param("tlp", "AMBER")
                    .param("cuiCategory", "LEI"))
            .andReturn();
    assertThat(good.getResponse().getStatus())
        .as(good.getResponse().getContentAsString())
        .isEqualTo(302);
    assertThat(count(reference)).isEqualTo(1);
    String detail =
        mvc.perform(
                get(good.getResponse().getRedirectedUrl())
                    .with(user(officer).roles("INVESTIGATOR"))
                    .session(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(detail).contains("Content per pill").contains("Unregistered").contains("J. Doe");
    var dashboard =
        mvc.perform(
                get("/seizures/dashboard")
                    .with(user(officer).roles("INVESTIGATOR"))
                    .session(session))
            .andReturn();
    assertThat(dashboard.getResponse().getStatus())
        .as(dashboard.getResponse().getContentAsString())
        .isEqualTo(200);
    assertThat(dashboard.getResponse().getContentAsString())
        .contains("data-series=")
        .contains("chart-doses");
  }

  private long count(String reference) {
    return jdbc.sql("SELECT COUNT(*) FROM seizure WHERE reference = :r")
        .param("r", reference)
        .query(Long.class)
        .single();
  }
}
