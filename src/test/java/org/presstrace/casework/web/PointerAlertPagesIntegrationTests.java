package org.presstrace.casework.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Marking;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.casework.StoredAlert;
import org.presstrace.casework.SubjectDraft;
import org.presstrace.casework.Subjects;
import org.presstrace.resolution.Schema;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The deconfliction inbox: target alerts of the user's agency with the pointer only, acknowledged
 * by any member of that agency and by nobody else.
 */
@PressTraceIntegrationTest
class PointerAlertPagesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired Subjects subjects;

  @Test
  void theInboxShowsThePointerAndOnlyTheAgencyAcknowledgesIt() throws Exception {
    var world = new World(directory);
    String dea = world.agency("DEA", AgencyKind.FEDERAL, "USA");
    String cbp = world.agency("CBP", AgencyKind.FEDERAL, "USA");
    AccessContext deaAuthor = world.as(world.user("dea", dea, Role.INVESTIGATOR), Channel.API);
    AccessContext cbpAuthor = world.as(world.user("cbp", cbp, Role.INVESTIGATOR), Channel.API);
    String wallet = "0x" + world.suffix() + "beef@wallet.example";
    subjects.submit(deaAuthor, company(wallet, "Shenzhen Huake Chemical", "DEA-CASE-9"));
    StoredAlert toCbp =
        subjects.submit(cbpAuthor, company(wallet, "Huake Trading", "CBP-CASE-3")).alerts().get(0);
    var cbpColleague = new PageUser(mvc, world.user("cbp-colleague", cbp, Role.ANALYST), "ANALYST");
    var deaColleague = new PageUser(mvc, world.user("dea-colleague", dea, Role.ANALYST), "ANALYST");

    String inbox = cbpColleague.page("/resolution/alerts");
    assertThat(inbox)
        .contains("Target")
        .contains("CBP-CASE-3")
        .contains("DEA-CASE-9")
        .contains("Duty desk DEA-CASE-9")
        .contains("/resolution/alerts/" + toCbp.id() + "/acknowledge")
        .doesNotContain("Shenzhen")
        .doesNotContain(wallet);

    var notOurs = deaColleague.post("/resolution/alerts/" + toCbp.id() + "/acknowledge", Map.of());
    assertThat(notOurs.getRedirectedUrl()).isEqualTo("/resolution/alerts");
    assertThat(deaColleague.page("/resolution/alerts"))
        .contains("There is no such alert for your agency.")
        .doesNotContain("Huake Trading")
        .contains("CBP-CASE-3");
    assertThat(cbpColleague.page("/resolution/alerts")).contains(toCbp.id() + "/acknowledge");

    var acknowledged =
        cbpColleague.post("/resolution/alerts/" + toCbp.id() + "/acknowledge", Map.of());
    assertThat(acknowledged.getRedirectedUrl()).isEqualTo("/resolution/alerts");
    assertThat(cbpColleague.page("/resolution/alerts"))
        .contains("Acknowledged the alert on CBP-CASE-3")
        .doesNotContain("alert-" + toCbp.id());
    assertThat(cbpColleague.page("/resolution/alerts?show=all"))
        .contains("alert-" + toCbp.id())
        .contains("Acknowledged by <span>" + world.username("cbp-colleague"));
  }

  private static SubjectDraft company(String email, String name, String caseReference) {
    return new SubjectDraft(
        Schema.COMPANY,
        Map.of("name", List.of(name), "email", List.of(email)),
        caseReference,
        "Duty desk " + caseReference,
        null,
        null,
        Marking.of("ignored", Tlp.AMBER));
  }
}
