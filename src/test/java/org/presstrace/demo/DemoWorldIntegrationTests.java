package org.presstrace.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.presstrace.ledger.LedgerVerifier;
import org.presstrace.support.PressTraceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole demo world, loaded as {@code bin/presstrace demo} loads it at start, on a fresh
 * database: every demo login works, each module's part of the world is there, the deconfliction
 * story holds for the agencies it is written for, and the ledger over all of it verifies.
 */
@PressTraceIntegrationTest
class DemoWorldIntegrationTests {

  static final Path DATA;

  static {
    try {
      DATA = Files.createTempDirectory("presstrace-demo-test");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void demo(DynamicPropertyRegistry properties) {
    properties.add("presstrace.demo.enabled", () -> "true");
    properties.add("presstrace.data-dir", DATA::toString);
  }

  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired LedgerVerifier ledger;

  @Test
  void everyDemoLoginSignsInWithThePasswordPrintedAtStartAndNoOneElseCanReadIt() throws Exception {
    Path file = DATA.resolve("demo-logins.properties");
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      assertThat(Files.getPosixFilePermissions(file))
          .containsOnly(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
    Properties logins = logins(file);
    assertThat(logins.stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(
            DemoWorld.LOGINS.stream().map(DemoWorld.Login::username).toList());
    for (DemoWorld.Login login : DemoWorld.LOGINS) {
      String password = logins.getProperty(login.username());
      assertThat(password).hasSizeGreaterThanOrEqualTo(16);
      assertThat(status(login.username(), password, "/api/v1/agencies")).isEqualTo(200);
      assertThat(status(login.username(), password + "x", "/api/v1/agencies")).isEqualTo(401);
    }
  }

  @Test
  void demoUsersHoldOneDutyAndTheAdministratorsGrantsWaitForASupervisor() throws Exception {
    assertThat(
            count(
                "SELECT COUNT(*) FROM user_role c JOIN user_role a ON a.username = c.username"
                    + " WHERE a.role IN ('ADMINISTRATOR', 'AUDITOR')"
                    + " AND c.role NOT IN ('ADMINISTRATOR', 'AUDITOR')"))
        .isZero();
    assertThat(
            count(
                "SELECT COUNT(*) FROM compartment_member WHERE compartment_code = 'OP-IRONPRESS'"
                    + " AND username IN ('dea.investigator', 'dea.supervisor')"))
        .isEqualTo(2);

    Properties logins = logins(DATA.resolve("demo-logins.properties"));
    mvc.perform(
        post("/api/v1/agencies/DEA/users")
            .with(httpBasic("admin", logins.getProperty("admin")))
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                "{\"username\": \"dea.newcomer\", \"displayName\": \"New\","
                    + " \"roles\": [\"analyst\"], \"password\": \"a-long-demo-password\"}"));
    String grant =
        jdbc.sql("SELECT id FROM access_grant WHERE grantee = 'dea.newcomer'")
            .query(String.class)
            .single();
    assertThat(count("SELECT COUNT(*) FROM user_role WHERE username = 'dea.newcomer'")).isZero();
    int approved =
        mvc.perform(
                post("/api/v1/grants/" + grant + "/approve")
                    .with(httpBasic("dea.supervisor", logins.getProperty("dea.supervisor")))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"reason\": \"Joins the analysis cell\"}"))
            .andReturn()
            .getResponse()
            .getStatus();
    assertThat(approved).isEqualTo(200);
    assertThat(count("SELECT COUNT(*) FROM user_role WHERE username = 'dea.newcomer'"))
        .isEqualTo(1);
  }

  @Test
  void everyDemoLoginFindsSomethingToDoOnItsHomePage() throws Exception {
    var counted =
        java.util.regex.Pattern.compile(
            "data-title=\"([^\"]+)\"(?:(?!data-title).)*?class=\"work-count\">(\\d+)<",
            java.util.regex.Pattern.DOTALL);
    var empty = new java.util.ArrayList<String>();
    for (DemoWorld.Login login : DemoWorld.LOGINS) {
      String html =
          mvc.perform(
                  get("/")
                      .sessionAttr(
                          org.presstrace.access.Purpose.SESSION_ATTRIBUTE, "Demo home page check")
                      .with(
                          org.springframework.security.test.web.servlet.request
                              .SecurityMockMvcRequestPostProcessors.user(login.username())
                              .roles(login.role().name())))
              .andReturn()
              .getResponse()
              .getContentAsString();
      var found = counted.matcher(html);
      boolean something = false;
      while (found.find()) {
        something |= Long.parseLong(found.group(2)) > 0;
      }
      if (!something) {
        empty.add(login.username());
      }
    }
    assertThat(empty).as("demo logins whose home page has nothing to do").isEmpty();
  }

  @Test
  void eachModuleHasItsPartOfTheWorld() {
    assertThat(count("SELECT COUNT(*) FROM registrant")).isGreaterThan(250);
    assertThat(count("SELECT COUNT(*) FROM machine")).isGreaterThan(2_500);
    assertThat(count("SELECT COUNT(*) FROM custody_event")).isGreaterThan(6_000);
    assertThat(count("SELECT COUNT(*) FROM compliance_item")).isPositive();
    assertThat(count("SELECT COUNT(*) FROM seizure")).isPositive();
    assertThat(count("SELECT COUNT(*) FROM intel_report")).isPositive();
    assertThat(count("SELECT COUNT(*) FROM resolution_entity")).isPositive();
    assertThat(count("SELECT COUNT(*) FROM planned_operation")).isPositive();
    assertThat(count("SELECT COUNT(DISTINCT owner_agency) FROM resolution_entity"))
        .isGreaterThanOrEqualTo(2);
    assertThat(count("SELECT COUNT(*) FROM resolution_link")).isGreaterThan(20);
  }

  @Test
  void deaSeesTheRedFlagsOfItsMoneyFlowsAndCbpSeesNoneOfThem() throws Exception {
    Properties logins = logins(DATA.resolve("demo-logins.properties"));
    JsonNode dea = redFlags("dea.analyst", logins);
    assertThat(dea.findValuesAsString("rule"))
        .contains(
            "MANY_SENDERS_ONE_BENEFICIARY",
            "SMALL_TRANSFERS_NO_PURPOSE",
            "SHARED_CONTACT",
            "STRUCTURING",
            "MEXICAN_FIRM_CHINESE_CHEMICALS",
            "CHEMICAL_FIRM_ADDRESS");
    JsonNode cbp = redFlags("cbp.investigator", logins);
    assertThat(cbp.toString()).doesNotContain("Chen Jie").doesNotContain("Holloway");
  }

  @Test
  void theDeconflictionStoryReachesBothAgenciesAsPointersOnly() throws Exception {
    Properties logins = logins(DATA.resolve("demo-logins.properties"));
    for (String user : new String[] {"dea.investigator", "cbp.investigator"}) {
      JsonNode alerts =
          json.readTree(
              mvc.perform(
                      get("/api/v1/resolution/alerts")
                          .with(httpBasic(user, logins.getProperty(user))))
                  .andReturn()
                  .getResponse()
                  .getContentAsString());
      assertThat(alerts.size()).as(user + "'s pointer alerts").isPositive();
      String other = user.startsWith("dea") ? "CBP" : "DEA";
      assertThat(alerts.findValuesAsString("otherAgency")).contains(other);
      assertThat(alerts.toString()).doesNotContain(AssetDemo.WALLET);
      if (user.startsWith("dea")) {
        assertThat(alerts.findValuesAsString("otherCaseReference"))
            .as("the wallet CBP found on a seized phone points to DEA's")
            .contains("CBP-SDO-2026-0877");
      }
    }
  }

  @Test
  void theLedgerOverTheWholeWorldVerifies() {
    var verification = ledger.verify();
    assertThat(verification.firstDivergence()).isNull();
    assertThat(verification.leaves()).isGreaterThan(6_000);
  }

  private JsonNode redFlags(String user, Properties logins) throws Exception {
    return json.readTree(
        mvc.perform(
                get("/api/v1/resolution/red-flags?size=100")
                    .with(httpBasic(user, logins.getProperty(user)))
                    .header("PressTrace-Purpose", "Demo check"))
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  @Test
  void registrantsReadNoCompartmentedOrAmberContentAnywhere() throws Exception {
    Properties logins = logins(DATA.resolve("demo-logins.properties"));
    var secrets = new java.util.TreeSet<String>();
    secrets.add("OP-IRONPRESS");
    secrets.add("Iron Press");
    jdbc.sql("SELECT title FROM intel_report WHERE tlp <> 'CLEAR' OR compartment IS NOT NULL")
        .query(String.class)
        .list()
        .forEach(secrets::add);
    jdbc.sql("SELECT reference FROM seizure WHERE tlp <> 'CLEAR' OR compartment IS NOT NULL")
        .query(String.class)
        .list()
        .forEach(secrets::add);
    jdbc.sql(
            "SELECT details FROM custody_event WHERE tlp IS NOT NULL AND tlp <> 'CLEAR'"
                + " AND details IS NOT NULL")
        .query(String.class)
        .list()
        .forEach(secrets::add);
    assertThat(secrets)
        .as("the demo world has protected content to look for")
        .hasSizeGreaterThan(5);
    var pages = new java.util.ArrayList<String>();
    JsonNode api =
        json.readTree(
            mvc.perform(
                    get("/v3/api-docs")
                        .with(
                            org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.user("docs")))
                .andReturn()
                .getResponse()
                .getContentAsString());
    api.get("paths")
        .propertyNames()
        .forEach(
            path -> {
              if (!path.contains("{") && api.get("paths").get(path).has("get")) {
                pages.add(path);
              }
            });
    assertThat(pages).hasSizeGreaterThan(20);
    int custodyRead = 0;
    for (String registrant : List.of("acme.registrant", "tristate.dealer", "greenvalley.owner")) {
      var urls = new java.util.ArrayList<>(pages);
      JsonNode machines =
          json.readTree(body(registrant, logins, "/api/v1/registry/machines?size=200"));
      for (JsonNode machine : machines.has("items") ? machines.get("items") : machines) {
        urls.add("/api/v1/registry/machines/" + machine.get("id").asString() + "/custody");
      }
      for (String url : urls) {
        var result =
            mvc.perform(
                    get(url)
                        .with(httpBasic(registrant, logins.getProperty(registrant)))
                        .header("PressTrace-Purpose", "Demo check"))
                .andReturn();
        String text = result.getResponse().getContentAsString();
        if (url.endsWith("/custody")) {
          custodyRead++;
        }
        for (String secret : secrets) {
          assertThat(text).as(registrant + " reads " + url).doesNotContain(secret);
        }
      }
    }
    assertThat(custodyRead).as("custody chains read by registrants").isGreaterThan(10);
  }

  private String body(String user, Properties logins, String path) throws Exception {
    return mvc.perform(
            get(path)
                .with(httpBasic(user, logins.getProperty(user)))
                .header("PressTrace-Purpose", "Demo check"))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private int status(String user, String password, String path) throws Exception {
    return mvc.perform(get(path).with(httpBasic(user, password)))
        .andReturn()
        .getResponse()
        .getStatus();
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  private static Properties logins(Path file) throws IOException {
    var properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    }
    return properties;
  }
}
