package org.presstrace.casework.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Planned operations: each bad field beside itself with nothing stored, a plan listed, and an
 * overlap with another agency shown at once to the planner and in both inboxes, as a pointer.
 */
@PressTraceIntegrationTest
class OperationPagesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;

  @Test
  void anOverlapIsShownAtOnceAsAPointerAndBadFieldsAreShownBesideThemselves() throws Exception {
    var world = new World(directory);
    String dea = world.agency("DEA", AgencyKind.FEDERAL, "USA");
    String cbp = world.agency("CBP", AgencyKind.FEDERAL, "USA");
    var deaAgent = new PageUser(mvc, world.user("dea", dea, Role.INVESTIGATOR), "INVESTIGATOR");
    var cbpAgent = new PageUser(mvc, world.user("cbp", cbp, Role.SUPERVISOR), "SUPERVISOR");
    // A place of this test only, in the Pacific, so that other tests' operations never overlap.
    // Whole thousandths divided once, so that each prints with three decimals: arithmetic on the
    // doubles may leave a binary tail (-43.903999999999996) that the form refuses for its decimals.
    int thousandths = 40_000 + Math.floorMod(world.suffix().hashCode(), 10_000);
    double latitude = -thousandths / 1000.0;
    // 111 m north.
    double nearby = -(thousandths - 1) / 1000.0;

    long before = operations();
    expectError(deaAgent, plan("DEA-OP", latitude, "start", ""), "start", "start is required");
    expectError(deaAgent, plan("DEA-OP", latitude, "start", "tomorrow"), "start", "not a date");
    expectError(
        deaAgent,
        plan("DEA-OP", latitude, "end", "2026-12-01T03:00"),
        "end",
        "must end after it starts");
    expectError(deaAgent, plan("DEA-OP", latitude, "zone", "Mars/Olympus"), "zone", "time zone");
    expectError(deaAgent, plan("DEA-OP", latitude, "latitude", "91"), "latitude", "between -90");
    expectError(deaAgent, plan("DEA-OP", latitude, "longitude", "east"), "longitude", "number");
    expectError(deaAgent, plan("DEA-OP", latitude, "radiusMetres", "0"), "radiusMetres", "above 0");
    expectError(
        deaAgent, plan("DEA-OP", latitude, "radiusMetres", "40"), "radiusMetres", "at least 500");
    expectError(
        deaAgent, plan("DEA-OP", latitude, "end", "2026-12-05T03:00"), "end", "at most 24 hours");
    expectError(deaAgent, plan(" ", latitude), "caseReference", "caseReference is required");
    expectError(deaAgent, plan("DEA-OP", latitude, "contact", ""), "contact", "is required");
    expectError(deaAgent, plan("DEA-OP", latitude, "tlp", "PURPLE"), "tlp", "is not one of");
    assertThat(operations()).isEqualTo(before);

    MockHttpServletResponse first =
        deaAgent.post("/resolution/operations", plan("DEA-OP-7", latitude));
    assertThat(first.getRedirectedUrl()).isEqualTo("/resolution/operations");
    assertThat(deaAgent.page("/resolution/operations"))
        .contains("Operation <span>DEA-OP-7</span> planned. No other agency")
        .contains("<td>DEA-OP-7</td>");

    MockHttpServletResponse second =
        cbpAgent.post("/resolution/operations", plan("CBP-OP-3", nearby));
    assertThat(second.getRedirectedUrl())
        .as(second.getContentAsString())
        .isEqualTo("/resolution/operations");
    // Both operations are TLP:RED: each agency learns of the overlap and the other agency (here
    // without a duty contact on record), never the other's case, contact, place or window.
    String shown = cbpAgent.page("/resolution/operations");
    assertThat(shown)
        .contains("id=\"conflicts\"")
        .contains(dea + " (restricted case): no duty contact on record")
        .doesNotContain("DEA-OP-7")
        .doesNotContain("Ops desk DEA-OP-7");
    assertThat(cbpAgent.page("/resolution/alerts"))
        .contains("Event")
        .contains("restricted")
        .doesNotContain("DEA-OP-7")
        .doesNotContain(Double.toString(latitude));
    String deaList = deaAgent.page("/resolution/operations");
    assertThat(deaList)
        .contains(cbp + " (restricted case): no duty contact on record")
        .doesNotContain("CBP-OP-3");
    assertThat(deaAgent.page("/resolution/alerts"))
        .doesNotContain("CBP-OP-3")
        .doesNotContain(Double.toString(nearby));
  }

  private static void expectError(
      PageUser user, Map<String, String> form, String field, String message) throws Exception {
    MockHttpServletResponse response = user.post("/resolution/operations", form);
    String page = response.getContentAsString();
    assertThat(response.getStatus()).as(page).isEqualTo(200);
    assertThat(page).as(field).contains("id=\"" + field + "-error\"").contains(message);
  }

  private static Map<String, String> plan(String reference, double latitude, String... changes) {
    var form = new HashMap<String, String>();
    form.put("caseReference", reference);
    form.put("contact", "Ops desk " + reference);
    form.put("start", "2026-12-01T04:00");
    form.put("end", "2026-12-01T08:00");
    form.put("zone", "UTC");
    form.put("latitude", Double.toString(latitude));
    form.put("longitude", "-170.5");
    form.put("radiusMetres", "500");
    form.put("tlp", "RED");
    form.put("cuiCategory", "LEI");
    for (int i = 0; i < changes.length; i += 2) {
      form.put(changes[i], changes[i + 1]);
    }
    return form;
  }

  private long operations() {
    return jdbc.sql("SELECT COUNT(*) FROM planned_operation").query(Long.class).single();
  }
}
