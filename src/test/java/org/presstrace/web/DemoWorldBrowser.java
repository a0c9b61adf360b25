package org.presstrace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.HasCdp;
import org.presstrace.access.AccessContext;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Purpose;
import org.presstrace.exchange.NoticeDraft;
import org.presstrace.exchange.Notices;
import org.presstrace.exchange.Partners;
import org.presstrace.registry.Party;
import org.presstrace.registry.ReportKind;
import org.presstrace.registry.ReportedItem;
import org.presstrace.registry.TransactionReportForm;
import org.presstrace.registry.TransactionReports;
import org.presstrace.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Chromium on the demo world, as {@code bin/presstrace demo} loads it, signed in with the demo
 * logins; one pre-export notice and one Form 452 export report are added so that every kind of
 * record page has a record. The browser tests that extend it share one application and one world.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {"logging.level.root=WARN"})
@ContextConfiguration(initializers = TestDatabase.class)
abstract class DemoWorldBrowser extends ChromiumPages {

  @Override
  int windowHeight() {
    return 900;
  }

  static final Path DATA;

  static {
    try {
      DATA = Files.createTempDirectory("presstrace-demo-pages");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void demo(DynamicPropertyRegistry properties) {
    properties.add("presstrace.demo.enabled", () -> "true");
    properties.add("presstrace.data-dir", DATA::toString);
  }

  static final int DESKTOP = 1280;
  static final int PHONE = 390;
  static final String NOTICE_PARTNER = "pt-cn-demo";

  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;
  @Autowired Partners partners;
  @Autowired Notices notices;
  @Autowired TransactionReports transactionReports;

  private Properties passwords;

  @BeforeAll
  void demoLoginsAndRecords() throws IOException, NoSuchAlgorithmException {
    passwords = new Properties();
    try (Reader in = Files.newBufferedReader(DATA.resolve("demo-logins.properties"))) {
      passwords.load(in);
    }
    if (partners.list(as("admin")).stream().noneMatch(p -> p.id().equals(NOTICE_PARTNER))) {
      fileANotice();
      fileATransactionReport("acme.registrant", "ACME-TABLET");
    }
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
  }

  /** The first of what {@code sql} finds in the demo world; fails when it finds nothing. */
  String record(String what, String sql) {
    List<String> found = jdbc.sql(sql).query(String.class).list();
    assertThat(found).as("the demo world has " + what).isNotEmpty();
    return found.get(0);
  }

  /**
   * Shows the pages {@code width} CSS pixels wide, as a phone does below 600 px (Chromium's window
   * does not get that narrow by itself).
   */
  void width(int width) {
    ((HasCdp) browser)
        .executeCdpCommand(
            "Emulation.setDeviceMetricsOverride",
            Map.of(
                "width",
                width,
                "height",
                width < 600 ? 844 : 800,
                "deviceScaleFactor",
                1,
                "mobile",
                width < 600));
    browser.get(url("/login"));
    assertThat(
            ((Number) ((JavascriptExecutor) browser).executeScript("return window.innerWidth;"))
                .intValue())
        .isEqualTo(width);
  }

  void signIn(String login) {
    browser.get(url("/login"));
    browser.manage().deleteAllCookies();
    submitSignIn(login, passwords.getProperty(login));
    awaitMenu();
  }

  /** Opens {@code page}, stating a purpose first if the page asks for one. */
  void open(String page) {
    browser.get(url(page));
    if (!browser.findElements(By.id("purpose-heading")).isEmpty()) {
      statePurposeIfAsked("Review of the pages");
      browser.get(url(page));
    }
  }

  AccessContext as(String username) {
    return new AccessContext(
        directory.caller(username).orElseThrow(), Channel.CLI, new Purpose("Review of the pages"));
  }

  /** One notice to China's instance (paired, never reached), for the notice pages. */
  private void fileANotice() throws NoSuchAlgorithmException {
    String key =
        java.util.Base64.getEncoder()
            .encodeToString(
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded());
    partners.pair(
        as("admin"),
        "{\"id\":\""
            + NOTICE_PARTNER
            + "\",\"country\":\"CHN\",\"authority\":\"China National Narcotics Control"
            + " Commission (demo)\",\"baseUrl\":\"http://127.0.0.1:9\",\"publicKey\":\""
            + key
            + "\"}",
        null,
        List.of(Notices.NOTICE, Notices.ANSWER));
    notices.file(
        as("dea.investigator"),
        new NoticeDraft(
            NOTICE_PARTNER,
            "Acme Fine Chemicals",
            "Guangzhou Huayi Trading Co.",
            "Guangzhou Huayi Trading Co.",
            "4-piperidone",
            "25",
            "kg",
            5,
            "DEMO-INV-0001",
            "Newark - Guangzhou",
            "Newark",
            "Guangzhou",
            LocalDate.of(2031, 3, 2),
            "air",
            LocalDate.of(2031, 2, 20)));
  }

  /**
   * One Form 452 export report of the registrant's (a manufacturer or exporter), for the
   * registrant's report page.
   */
  private void fileATransactionReport(String login, String agency) {
    String machine =
        record(
            "a press " + agency + " holds",
            "SELECT m.id FROM machine m JOIN registrant r ON r.id = m.current_holder"
                + " WHERE r.agency_code = '"
                + agency
                + "' AND m.state = 'HELD'"
                + " AND m.installed_in IS NULL AND m.kind = 'TABLETING_ROTARY'"
                + " ORDER BY m.serial_normalised FETCH FIRST 1 ROWS ONLY");
    var item =
        jdbc.sql("SELECT make, model, serial_as_entered FROM machine WHERE id = :id")
            .param("id", machine)
            .query(
                (row, n) ->
                    new ReportedItem(machine, row.getString(1), row.getString(2), row.getString(3)))
            .single();
    String name =
        jdbc.sql("SELECT legal_name FROM registrant WHERE agency_code = :agency")
            .param("agency", agency)
            .query(String.class)
            .single();
    transactionReports.file(
        as(login),
        new TransactionReportForm(
            ReportKind.EXPORT,
            "Sale to a licensed generic-drug maker",
            LocalDate.of(2031, 3, 2),
            "Newark",
            new Party("Lagos Generic Pharma Ltd", "NGA"),
            new Party(name, "USA"),
            null,
            null,
            List.of(item)));
  }
}
