package org.presstrace.casework.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
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
 * The subject pages: entry with each problem beside its field, what a subject resolved to, the
 * pointer alert without the other agency's record, search, the subject page and its 404.
 */
@PressTraceIntegrationTest
class SubjectPagesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;

  World world;
  String dea;
  String cbp;
  PageUser deaAgent;
  PageUser cbpAgent;

  @BeforeEach
  void agencies() {
    world = new World(directory);
    dea = world.agency("DEA", AgencyKind.FEDERAL, "USA");
    cbp = world.agency("CBP", AgencyKind.FEDERAL, "USA");
    deaAgent = new PageUser(mvc, world.user("dea-agent", dea, Role.INVESTIGATOR), "INVESTIGATOR");
    cbpAgent = new PageUser(mvc, world.user("cbp-agent", cbp, Role.INVESTIGATOR), "INVESTIGATOR");
  }

  @Test
  void anotherAgencysSubjectReachesTheEnteringAgencyAsAPointerOnly() throws Exception {
    Map<String, String> held = deaRecord();
    String deaPage = deaAgent.post("/resolution/subjects/new", held).getContentAsString();
    assertThat(deaPage).contains("Subject entered").contains("id=\"no-pointer\"");
    String deaId = idOf(deaPage);

    MockHttpServletResponse entered = cbpAgent.post("/resolution/subjects/new", cbpRecord());

    String page = entered.getContentAsString();
    assertThat(entered.getStatus()).as(page).isEqualTo(200);
    assertThat(page)
        .contains("Pointer alert raised")
        .contains(dea)
        .contains("DEA-2026-0042")
        .contains("SA Rivera, +1 202 555 0142");
    assertNoValueOfTheDeaRecord(page, deaId);
    String inbox = cbpAgent.page("/resolution/alerts");
    assertThat(inbox).contains("DEA-2026-0042").contains("SA Rivera, +1 202 555 0142");
    assertNoValueOfTheDeaRecord(inbox, deaId);
    for (String query : List.of("王伟", "Huaxia", "DEA-2026-0042", "wang.wei")) {
      String found = cbpAgent.page("/resolution/subjects?q=" + query);
      assertThat(found).contains("0</span> subjects you may read");
      assertNoValueOfTheDeaRecord(results(found), deaId);
    }
    assertThat(cbpAgent.page("/resolution/subjects?q=WANG")).contains("CBP-77-19");
    assertThat(cbpAgent.get("/resolution/subjects/" + deaId).getStatus()).isEqualTo(404);
    assertThat(cbpAgent.get("/resolution/subjects/no-such-subject").getStatus()).isEqualTo(404);
    String deaInbox = deaAgent.page("/resolution/alerts");
    assertThat(deaInbox).contains("CBP-77-19").contains("CBP Officer Chen, LA Field Office");
    assertThat(deaInbox).doesNotContain("WANG Wei").doesNotContain("Long Beach");
  }

  @Test
  void theEnteredPageDoesNotTellThatACompartmentHoldsTheSubject() throws Exception {
    String compartment = "OP-" + world.suffix();
    directory.ensureCompartment(compartment, "Case team " + world.suffix(), dea);
    String memberName = world.user("dea-member", dea, Role.INVESTIGATOR);
    directory.ensureMember(compartment, memberName);
    PageUser member = new PageUser(mvc, memberName, "INVESTIGATOR");
    // Entered again and again by a colleague outside the compartment; the rounds go on until the
    // compartment's record has the smaller id, which once made the page say "Linked to a record
    // you may not read".
    boolean hiddenWasSmallest = false;
    for (int round = 0; round < 40 && !hiddenWasSmallest; round++) {
      Map<String, String> person = deaRecord();
      person.put("name", List.of("王伟", "李娜", "张敏", "刘洋", "陈静").get(round % 5));
      person.put(
          "birthDate", java.time.LocalDate.parse(birthDate()).plusDays(400L * round).toString());
      person.put("address", round + " Yangtze Road " + world.suffix() + ", Wuhan");
      person.put(
          "phone", "+86 139 " + String.format(java.util.Locale.ROOT, "%08d", number() + round));
      person.put("email", "wang.wei." + round + "." + world.suffix() + "@example.cn");
      person.put("idNumber", "G" + round + "X" + world.suffix());
      Map<String, String> hidden = new HashMap<>(person);
      hidden.put("compartment", compartment);
      String hiddenId = idOf(member.post("/resolution/subjects/new", hidden).getContentAsString());

      String page = deaAgent.post("/resolution/subjects/new", person).getContentAsString();

      assertThat(page)
          .contains("A new entity: no stored subject you may read matched it.")
          .contains("id=\"no-pointer\"")
          .doesNotContain("may not read.")
          .doesNotContain("Another agency holds")
          .doesNotContain(hiddenId);
      hiddenWasSmallest = hiddenId.compareTo(idOf(page)) < 0;
    }
    assertThat(hiddenWasSmallest).as("a round where the hidden id sorted first").isTrue();
  }

  @Test
  void theSubjectPageShowsStatementsWithProvenanceMatchesAndJudgements() throws Exception {
    Map<String, String> first = deaRecord();
    String firstId = idOf(deaAgent.post("/resolution/subjects/new", first).getContentAsString());
    Map<String, String> second = new HashMap<>(first);
    second.put("name", "Wei WANG");
    second.put("email", "");
    second.put("caseReference", "DEA-2026-0043");
    second.put("source", "DEA-6 report 120");
    String submitted = deaAgent.post("/resolution/subjects/new", second).getContentAsString();
    assertThat(submitted).contains("Canonical entity").contains("id=\"no-pointer\"");
    String secondId = idOf(submitted);

    MockHttpServletResponse judged =
        deaAgent.post(
            "/resolution/review/judgements",
            Map.of(
                "left",
                secondId,
                "right",
                firstId,
                "judgement",
                "SAME",
                "note",
                "same passport photo",
                "returnTo",
                "/resolution/subjects/" + secondId));
    assertThat(judged.getRedirectedUrl()).isEqualTo("/resolution/subjects/" + secondId);

    String page = deaAgent.page("/resolution/subjects/" + secondId);
    assertThat(page)
        .contains("Wei WANG")
        .contains("DEA-6 report 120")
        .contains(dea)
        .contains("Recorded: Wei WANG and 王伟 are the same.")
        .contains("name=")
        .contains("phone=exact")
        .contains("judgement=same")
        .contains("same passport photo")
        .contains("/resolution/subjects/" + firstId);
    assertThat(deaAgent.page("/resolution/subjects/" + firstId)).contains("same passport photo");
  }

  @Test
  void badInputIsShownBesideEachFieldAndNothingIsStored() throws Exception {
    long before = subjects();
    expectError(with("name", ""), "name", "A person needs a name, or a first or last name");
    expectError(onlyBlankValues(), "name", "A person needs a name");
    expectError(with("schema", "Spaceship"), "schema", "schema must be Person, Company");
    expectError(with("schema", "Company", "birthDate", "1980-03-04"), "form", "has no property");
    expectError(with("caseReference", " "), "caseReference", "Give the case reference");
    expectError(with("contact", ""), "contact", "Give a point of contact");
    expectError(with("statedOn", "yesterday"), "statedOn", "Give the day as a date such as");
    expectError(with("statedOn", "2999-01-01"), "statedOn", "not in the future");
    expectError(with("tlp", "PURPLE"), "tlp", "is not one of");
    expectError(with("relTo", "XXX"), "relTo", "XXX");
    expectError(with("noforn", "on", "cuiCategory", ""), "cuiCategory", "need a CUI category");
    expectError(with("phone", "x".repeat(501)), "phone", "at most 500");
    expectError(with("birthDate", "1985-13-40"), "birthDate", "is not a day of the calendar");
    expectError(with("birthDate", "1985-02-30"), "birthDate", "is not a day of the calendar");
    expectError(with("birthDate", "04/03/1980"), "birthDate", "write it as YYYY-MM-DD");
    expectError(with("birthDate", "2999-01-01"), "birthDate", "is in the future");
    expectError(with("phone", "not-a-phone"), "phone", "is not a phone number");
    expectError(with("phone", "12 34"), "phone", "a phone number has 6 to 15");
    expectError(with("email", "zhaomin@"), "email", "is not an e-mail address");
    expectError(with("email", "zhaomin@localhost"), "email", "is not an e-mail address");
    assertThat(subjects()).isEqualTo(before);
    assertThat(alertsTo(cbp)).isZero();
  }

  @Test
  void threeBadIdentifiersAreShownTogetherBesideTheirFields() throws Exception {
    long before = subjects();

    String page =
        cbpAgent
            .post(
                "/resolution/subjects/new",
                with("birthDate", "1985-13-40", "phone", "not-a-phone", "email", "zhaomin@"))
            .getContentAsString();

    assertThat(page)
        .contains("id=\"birthDate-error\"")
        .contains("is not a day of the calendar")
        .contains("id=\"phone-error\"")
        .contains("is not a phone number")
        .contains("id=\"email-error\"")
        .contains("is not an e-mail address")
        .contains("href=\"#birthDate\"")
        .contains("href=\"#phone\"")
        .contains("href=\"#email\"")
        .doesNotContain("Subject entered");
    assertThat(subjects()).isEqualTo(before);
  }

  @Test
  void theSameFormSubmittedTwiceEntersOneSubjectAndOpensIt() throws Exception {
    String form = cbpAgent.page("/resolution/subjects/new");
    var issued =
        java.util.regex.Pattern.compile("name=\"formId\" value=\"([0-9a-f-]{36})\"").matcher(form);
    assertThat(issued.find()).as(form).isTrue();
    Map<String, String> record = with("formId", issued.group(1));
    long before = subjects();

    MockHttpServletResponse first = cbpAgent.post("/resolution/subjects/new", record);
    MockHttpServletResponse second = cbpAgent.post("/resolution/subjects/new", record);

    assertThat(first.getContentAsString()).contains("Subject entered");
    assertThat(subjects()).isEqualTo(before + 1);
    assertThat(second.getRedirectedUrl()).isEqualTo("/resolution/subjects/" + issued.group(1));
    assertThat(cbpAgent.page(second.getRedirectedUrl())).contains("already submitted");
  }

  @Test
  void aFormIdTheSessionWasNotIssuedNeverBecomesTheSubjectsId() throws Exception {
    String chosen = java.util.UUID.randomUUID().toString();

    String page =
        cbpAgent.post("/resolution/subjects/new", with("formId", chosen)).getContentAsString();

    assertThat(page).contains("Subject entered");
    assertThat(idOf(page)).isNotEqualTo(chosen);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM resolution_entity WHERE id = :id")
                .param("id", chosen)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void theListSearchesFiltersByKindAndAsksForAPurposeFirst() throws Exception {
    String reference = "LIST-" + world.suffix();
    deaAgent.post("/resolution/subjects/new", with("caseReference", reference));
    deaAgent.post(
        "/resolution/subjects/new",
        Map.of(
            "schema",
            "Company",
            "name",
            "Huake Chemical " + world.suffix(),
            "registrationNumber",
            "914403001234" + world.suffix(),
            "caseReference",
            reference,
            "contact",
            "SA Rivera",
            "tlp",
            "AMBER"));

    assertThat(deaAgent.page("/resolution/subjects?q=" + reference))
        .contains("2</span> subjects you may read");
    assertThat(deaAgent.page("/resolution/subjects?schema=Company&q=" + reference))
        .contains("1</span> subjects you may read")
        .contains("Huake Chemical");
    assertThat(deaAgent.page("/resolution/subjects?schema=Spaceship"))
        .contains("id=\"schema-error\"");
    var fresh = new PageUser(mvc, world.user("fresh", dea, Role.ANALYST), "ANALYST");
    fresh.session.removeAttribute(org.presstrace.access.Purpose.SESSION_ATTRIBUTE);
    assertThat(fresh.page("/resolution/subjects")).contains("State your purpose");
    assertThat(fresh.page("/resolution/subjects")).doesNotContain(reference);
  }

  private void expectError(Map<String, String> form, String field, String message)
      throws Exception {
    MockHttpServletResponse response = cbpAgent.post("/resolution/subjects/new", form);
    String page = response.getContentAsString();
    assertThat(response.getStatus()).as(page).isEqualTo(200);
    assertThat(page).as(field).contains("id=\"" + field + "-error\"").contains(message);
    assertThat(page).as(field).doesNotContain("Subject entered");
  }

  private Map<String, String> onlyBlankValues() {
    var form = new HashMap<String, String>();
    deaRecord().forEach((field, value) -> form.put(field, value));
    for (String property :
        List.of("name", "birthDate", "phone", "email", "address", "idNumber", "nationality")) {
      form.put(property, " ");
    }
    return form;
  }

  private Map<String, String> with(String... pairs) {
    var form = new HashMap<>(deaRecord());
    for (int i = 0; i < pairs.length; i += 2) {
      form.put(pairs[i], pairs[i + 1]);
    }
    return form;
  }

  private void assertNoValueOfTheDeaRecord(String page, String deaId) {
    assertThat(page)
        .doesNotContain("王伟")
        .doesNotContain("wang.wei." + world.suffix())
        .doesNotContain("Huaxia")
        .doesNotContain("example.cn")
        .doesNotContain("G12345")
        .doesNotContain("DEA-6 report 114")
        .doesNotContain(deaId);
  }

  /** DEA's subject: the Han name, a phone, and values only DEA holds. */
  private Map<String, String> deaRecord() {
    var form = new HashMap<String, String>();
    form.put("schema", "Person");
    form.put("name", "王伟");
    form.put("birthDate", birthDate());
    form.put("phone", phone());
    form.put("email", "wang.wei." + world.suffix() + "@example.cn");
    // The street carries this test's suffix: the same name at the same house number is a match,
    // and other tests enter the same person in the same database.
    form.put("address", number() % 1000 + " Huaxia Road " + world.suffix() + ", Wuhan");
    form.put("idNumber", "G12345" + world.suffix());
    form.put("nationality", "CN");
    form.put("caseReference", "DEA-2026-0042");
    form.put("contact", "SA Rivera, +1 202 555 0142");
    form.put("source", "DEA-6 report 114");
    form.put("tlp", "AMBER");
    form.put("cuiCategory", "LEI");
    return form;
  }

  /** CBP's subject: the same person in pinyin, the same phone and birth date. */
  private Map<String, String> cbpRecord() {
    var form = new HashMap<String, String>();
    form.put("schema", "Person");
    form.put("name", "WANG Wei");
    form.put("birthDate", birthDate());
    form.put("phone", phone().replace(" ", ""));
    form.put("address", "Port of Long Beach, Pier J");
    form.put("caseReference", "CBP-77-19");
    form.put("contact", "CBP Officer Chen, LA Field Office");
    form.put("source", "Entry summary 7501");
    form.put("tlp", "AMBER");
    form.put("cuiCategory", "LEI");
    return form;
  }

  /** A phone number of this test only, so that subjects of other tests never share it. */
  private String phone() {
    return "+86 139 " + String.format(java.util.Locale.ROOT, "%08d", number());
  }

  /** A birth date of this test only: the same person is entered once per test. */
  private String birthDate() {
    return java.time.LocalDate.of(1940, 1, 1).plusDays(number() % 20_000).toString();
  }

  private int number() {
    return Math.floorMod(world.suffix().hashCode(), 100_000_000);
  }

  /** The search results of a list page, without the search box that echoes the query. */
  private static String results(String listPage) {
    return listPage.substring(listPage.indexOf("id=\"subject-results\""));
  }

  private static String idOf(String submittedPage) {
    var matcher =
        java.util.regex.Pattern.compile("href=\"/resolution/subjects/([0-9a-f-]{36})\"")
            .matcher(submittedPage);
    assertThat(matcher.find()).as(submittedPage).isTrue();
    return matcher.group(1);
  }

  private long subjects() {
    return jdbc.sql("SELECT COUNT(*) FROM resolution_entity").query(Long.class).single();
  }

  private long alertsTo(String agency) {
    return jdbc.sql("SELECT COUNT(*) FROM pointer_alert WHERE recipient_agency = :a")
        .param("a", agency)
        .query(Long.class)
        .single();
  }
}
