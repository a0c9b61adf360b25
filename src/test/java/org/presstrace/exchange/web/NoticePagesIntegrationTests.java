package org.presstrace.exchange.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Marking;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.exchange.Notices;
import org.presstrace.exchange.PartnerMessageHandler;
import org.presstrace.exchange.Partners;
import org.presstrace.exchange.ReceivedMessage;
import org.presstrace.shared.CountryCode;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The notice pages on one instance: filing (a substance that is not listed is named beside its
 * field and nothing is stored or queued), the received notice (applied by the {@code notice}
 * handler as a partner's message would be) and its answer form.
 */
@PressTraceIntegrationTest
class NoticePagesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired Partners partners;
  @Autowired JdbcClient jdbc;
  @Autowired List<PartnerMessageHandler> handlers;
  @Autowired org.presstrace.casework.Subjects subjects;

  World world;
  String investigator;
  String analyst;
  String partnerId;
  String agency;
  String otherInvestigator;
  String otherAgency;

  @BeforeEach
  void world() throws Exception {
    world = new World(directory);
    directory.ensureAgency(directory.operatorAgency(), "Operations", AgencyKind.FEDERAL, "USA");
    String admin = world.user("nadmin", directory.operatorAgency(), Role.ADMINISTRATOR);
    agency = world.agency("NDEA", AgencyKind.FEDERAL, "USA");
    otherAgency = world.agency("NCBP", AgencyKind.FEDERAL, "USA");
    otherInvestigator = world.user("noth", otherAgency, Role.INVESTIGATOR);
    investigator = world.user("ninv", agency, Role.INVESTIGATOR);
    analyst = world.user("nana", agency, Role.ANALYST);
    partnerId = "pt-notice-" + world.suffix().toLowerCase();
    String key =
        Base64.getEncoder()
            .encodeToString(
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded());
    partners.pair(
        world.as(admin, Channel.API),
        "{\"id\":\""
            + partnerId
            + "\",\"country\":\"CHN\",\"authority\":\"Ministry of Public Security\","
            + "\"baseUrl\":\"http://127.0.0.1:9\",\"publicKey\":\""
            + key
            + "\"}",
        null,
        List.of(Notices.NOTICE, Notices.ANSWER));
  }

  @Test
  void aNoticeIsFiledFromThePageAndAnUnlistedSubstanceIsNamedBesideItsField() throws Exception {
    mvc.perform(filing("sugar").with(as(investigator, Role.INVESTIGATOR)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"substance-error\"")))
        .andExpect(content().string(containsString("&#39;sugar&#39; is not a listed substance")))
        .andExpect(content().string(containsString("value=\"Acme Fine Chemicals\"")));
    assertThat(count("exchange_notice")).isZero();
    assertThat(count("exchange_outbox")).isZero();

    mvc.perform(filing("4-AP").with(as(analyst, Role.ANALYST))).andExpect(status().isForbidden());
    assertThat(count("exchange_notice")).isZero();

    String location =
        mvc.perform(filing("4-AP").with(as(investigator, Role.INVESTIGATOR)))
            .andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrlPattern("/exchange/notices/*"))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(count("exchange_notice")).isEqualTo(1);
    assertThat(count("exchange_outbox")).isEqualTo(1);
    mvc.perform(get("/exchange/notices").with(as(analyst, Role.ANALYST)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("4-AP")));

    mvc.perform(get(location + "/amend").with(as(investigator, Role.INVESTIGATOR)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Amend a pre-export notice")))
        .andExpect(content().string(containsString("value=\"Acme Fine Chemicals\"")));
    mvc.perform(amending(location, "-3").with(as(investigator, Role.INVESTIGATOR)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"quantity-error\"")));
    mvc.perform(amending(location, "40").with(as(investigator, Role.INVESTIGATOR)))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get(location).with(as(investigator, Role.INVESTIGATOR)))
        .andExpect(content().string(containsString("<dd id=\"version\">2</dd>")))
        .andExpect(content().string(containsString("40 kg")));
    assertThat(count("exchange_outbox")).as("the amended version is sent too").isEqualTo(2);
  }

  @Test
  void aReceivedNoticeIsShownWithItsOriginAndAnsweredFromThePage() throws Exception {
    String id = UUID.randomUUID().toString();
    LocalDate dispatch = LocalDate.now(ZoneOffset.UTC).plusDays(20);
    String body =
        "{\"id\":\""
            + id
            + "\",\"version\":1,\"exporter\":\"Hubei Chem\",\"importer\":\"Acme Labs\",\"consignee\":\"Acme"
            + " Labs\",\"substanceId\":\"npp\",\"substanceName\":\"NPP\",\"cas\":\"39742-60-4\","
            + "\"controlTable\":\"UN 1988 Convention Table I\",\"quantity\":\"20\",\"unit\":\"kg\","
            + "\"packages\":2,\"invoice\":\"HB-77\",\"route\":\"Wuhan - Shanghai - Long Beach\","
            + "\"exitPoint\":\"Shanghai\",\"entryPoint\":\"Long Beach\",\"dispatchDate\":\""
            + dispatch
            + "\",\"transport\":\"sea\",\"responseDeadline\":\""
            + dispatch.minusDays(5)
            + "\",\"filedBy\":\"officer (MPS, CHN)\",\"filedAt\":\"2026-12-01T00:00:00Z\"}";
    String importerName = "Acme Labs " + world.suffix();
    String exporterName = "Hubei Chem " + world.suffix();
    subject(investigator, importerName, Tlp.AMBER, "CASE-" + world.suffix());
    subject(otherInvestigator, exporterName, Tlp.RED, "HIDDEN-" + world.suffix());
    body = body.replace("Acme Labs", importerName).replace("Hubei Chem", exporterName);
    handler(Notices.NOTICE)
        .receive(
            new ReceivedMessage(
                partnerId,
                new CountryCode("CHN"),
                UUID.randomUUID().toString(),
                1,
                Notices.NOTICE,
                body,
                new Marking(
                    "MPS", Tlp.GREEN, "LEI", false, Marking.relTo(List.of("CHN", "USA")), null),
                Instant.now(),
                Instant.now()));

    mvc.perform(get("/exchange/notices/" + id).with(as(investigator, Role.INVESTIGATOR)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("State a purpose for the session")));
    mvc.perform(
            get("/exchange/notices/" + id)
                .sessionAttr(org.presstrace.access.Purpose.SESSION_ATTRIBUTE, "Case 2026-17")
                .with(as(investigator, Role.INVESTIGATOR)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"party-hits\"")))
        .andExpect(content().string(containsString("CASE-" + world.suffix())))
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString("HIDDEN-"))))
        .andExpect(
            content().string(containsString("Received from partner " + partnerId + " (CHN)")))
        .andExpect(content().string(containsString("TLP:GREEN // CUI//LEI//REL TO CHN, USA")))
        .andExpect(
            content().string(containsString("NPP (CAS 39742-60-4), UN 1988 Convention Table I")));

    mvc.perform(
            post("/exchange/notices/" + id + "/answers")
                .with(as(investigator, Role.INVESTIGATOR))
                .with(csrf())
                .param("kind", "ASK_INFORMATION")
                .param("reason", ""))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"reason-error\"")));
    assertThat(count("exchange_notice_answer")).isZero();

    mvc.perform(
            post("/exchange/notices/" + id + "/answers")
                .with(as(investigator, Role.INVESTIGATOR))
                .with(csrf())
                .param("kind", "ASK_INFORMATION")
                .param("reason", "Who is the end user of the NPP?"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/exchange/notices/" + id).with(as(investigator, Role.INVESTIGATOR)))
        .andExpect(content().string(containsString("Information requested")))
        .andExpect(content().string(containsString("Who is the end user of the NPP?")));
    assertThat(
            jdbc.sql("SELECT message_type FROM exchange_outbox WHERE partner_id = :p")
                .param("p", partnerId)
                .query(String.class)
                .list())
        .containsExactly(Notices.ANSWER);
  }

  @Test
  void theFilerSeesTheOpenRedFlagsNamingAPartyThatItMayReadAndNoOther() throws Exception {
    String importer = "Guangzhou Trading " + world.suffix();
    String consignee = "Shenzhen Logistics " + world.suffix();
    String readable = flag(agency, "OPEN", "guangzhou  TRADING " + world.suffix() + ".");
    String dismissed = flag(agency, "DISMISSED", importer);
    String otherAgencys = flag(otherAgency, "OPEN", consignee);
    String body =
        """
        {"partnerId": "%s", "exporter": "Acme Fine Chemicals", "importer": "%s",
         "consignee": "%s", "substance": "4-AP", "quantity": "12.5", "unit": "kg",
         "packages": 3, "invoice": "INV-9", "route": "Newark - Guangzhou",
         "exitPoint": "Newark", "entryPoint": "Guangzhou", "dispatchDate": "%s",
         "transport": "air"}
        """
            .formatted(partnerId, importer, consignee, LocalDate.now(ZoneOffset.UTC).plusDays(10));

    String filed =
        mvc.perform(
                post("/api/v1/exchange/notices")
                    .with(as(investigator, Role.INVESTIGATOR))
                    .header("PressTrace-Purpose", "Case 2026-17")
                    .contentType("application/json")
                    .content(body))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.id").isNotEmpty())
            .andExpect(jsonPath("$.importer").value(importer))
            .andExpect(jsonPath("$.redFlagHits.length()").value(1))
            .andExpect(jsonPath("$.redFlagHits[0].flagId").value(readable))
            .andExpect(jsonPath("$.redFlagHits[0].role").value("importer"))
            .andExpect(jsonPath("$.redFlagHits[0].status").value("OPEN"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(filed).doesNotContain(otherAgencys, dismissed);

    // Without a purpose nothing is screened, and the answer says why.
    mvc.perform(
            post("/api/v1/exchange/notices")
                .with(as(investigator, Role.INVESTIGATOR))
                .contentType("application/json")
                .content(body))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.redFlagHits").doesNotExist())
        .andExpect(jsonPath("$.redFlagScreening").value(containsString("purpose")));

    String id = com.jayway.jsonpath.JsonPath.read(filed, "$.id");
    String page =
        mvc.perform(
                get("/exchange/notices/" + id)
                    .with(as(investigator, Role.INVESTIGATOR))
                    .sessionAttr(org.presstrace.access.Purpose.SESSION_ATTRIBUTE, "Case 2026-17"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"red-flag-hits\"")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("guangzhou  TRADING " + world.suffix());
    // The other agency's flag on the consignee shows in no form: no row, no count, no id.
    assertThat(
            page.substring(
                page.indexOf("id=\"red-flag-hits\""),
                page.indexOf("</table>", page.indexOf("id=\"red-flag-hits\""))))
        .doesNotContain("consignee", otherAgencys);
    assertThat(page).doesNotContain(otherAgencys, dismissed);
  }

  private String flag(String owner, String status, String focus) {
    String id = UUID.randomUUID().toString();
    jdbc.sql(
            """
            INSERT INTO red_flag (id, rule_code, focus, explanation, status, raised_at,
                evaluated_at, owner_agency, tlp, noforn)
            VALUES (:id, 'SHARED_CONTACT', :focus, 'notice screening fixture', :status, :at, :at,
                :owner, 'AMBER', FALSE)
            """)
        .param("id", id)
        .param("focus", focus)
        .param("status", status)
        .param("at", java.time.OffsetDateTime.now(ZoneOffset.UTC))
        .param("owner", owner)
        .update();
    return id;
  }

  private void subject(String username, String name, Tlp tlp, String caseReference) {
    var context = world.as(username, Channel.API);
    subjects.submit(
        context,
        new org.presstrace.casework.SubjectDraft(
            org.presstrace.resolution.Schema.COMPANY,
            Map.of("name", List.of(name), "country", List.of("us")),
            caseReference,
            "duty desk",
            "notice test",
            LocalDate.now(ZoneOffset.UTC),
            Marking.of(context.caller().agency(), tlp)));
  }

  private PartnerMessageHandler handler(String type) {
    return handlers.stream().filter(h -> h.type().equals(type)).findFirst().orElseThrow();
  }

  private MockHttpServletRequestBuilder amending(String location, String quantity) {
    var request = filing("4-AP");
    var amendment = post(location + "/amendments").with(csrf());
    request
        .buildRequest(new org.springframework.mock.web.MockServletContext())
        .getParameterMap()
        .forEach(
            (name, values) -> {
              if (!name.equals("quantity")) {
                amendment.param(name, values);
              }
            });
    amendment.param("quantity", quantity);
    return amendment;
  }

  private MockHttpServletRequestBuilder filing(String substance) {
    Map<String, String> fields =
        Map.ofEntries(
            Map.entry("partnerId", partnerId),
            Map.entry("exporter", "Acme Fine Chemicals"),
            Map.entry("importer", "Guangzhou Trading"),
            Map.entry("consignee", "Guangzhou Trading"),
            Map.entry("substance", substance),
            Map.entry("quantity", "12.5"),
            Map.entry("unit", "kg"),
            Map.entry("packages", "3"),
            Map.entry("invoice", "INV-9"),
            Map.entry("route", "Newark - Guangzhou"),
            Map.entry("exitPoint", "Newark"),
            Map.entry("entryPoint", "Guangzhou"),
            Map.entry("dispatchDate", LocalDate.now(ZoneOffset.UTC).plusDays(10).toString()),
            Map.entry("transport", "air"));
    var request = post("/exchange/notices").with(csrf());
    fields.forEach(request::param);
    return request;
  }

  private long count(String table) {
    String column =
        table.equals("exchange_notice_answer")
            ? "notice_id IN (SELECT id FROM exchange_notice WHERE partner_id = :p)"
            : "partner_id = :p";
    return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + column)
        .param("p", partnerId)
        .query(Long.class)
        .single();
  }

  private RequestPostProcessor as(String username, Role role) {
    return user(username).roles(role.name());
  }
}
