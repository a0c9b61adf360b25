package org.presstrace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Marking;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.intel.IntelReportDraft;
import org.presstrace.intel.IntelReports;
import org.presstrace.registry.EquipmentKind;
import org.presstrace.registry.EquipmentOrigin;
import org.presstrace.registry.NewMachine;
import org.presstrace.registry.NewRegistrant;
import org.presstrace.registry.RegistrantCategory;
import org.presstrace.registry.Registry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A refused form, as a user meets it in Chromium: every problem at once, each beside its field and
 * listed in a summary at the top that has focus and links to each field, with what was typed kept.
 * Run with {@code ./mvnw test -Pbrowser}.
 */
class FormErrorsBrowserTests extends WorldBrowser {

  @Autowired JdbcClient jdbc;
  @Autowired IntelReports reports;
  @Autowired Registry registry;

  private String agency;
  private String investigator;

  @Override
  int windowHeight() {
    return 900;
  }

  @BeforeEach
  void investigator() {
    agency = world.agency("ERR", AgencyKind.FEDERAL, "USA");
    investigator = world.user("ivy", agency, Role.INVESTIGATOR);
  }

  @Test
  void theReportFormShowsEveryProblemAtOnceInPlainWords() {
    String relTo = "ZZZZ" + world.suffix();
    signIn(investigator);
    browser.get(url("/intel/new"));
    browser.findElement(By.id("relTo")).sendKeys(relTo);
    submit("/intel/new");

    assertSummaryWithFocus("title", "summary", "relTo");
    assertThat(errorOf("title")).isEqualTo("Give the report a title of at most 200 characters");
    assertThat(errorOf("summary")).startsWith("Write a summary");
    assertThat(browser.findElement(By.id("relTo")).getAttribute("value")).isEqualTo(relTo);
    assertThat(browser.getPageSource()).doesNotContain("must be 1-200 characters");
  }

  @Test
  void theSubjectFormShowsEveryProblemAtOnceAndKeepsWhatWasTyped() {
    signIn(investigator);
    browser.get(url("/resolution/subjects/new"));
    browser.findElement(By.id("source")).sendKeys("DEA-6 report " + world.suffix());
    submit("/resolution/subjects/new");

    assertSummaryWithFocus("name", "caseReference", "contact");
    assertThat(errorOf("caseReference")).startsWith("Give the case reference");
    assertThat(browser.findElement(By.id("source")).getAttribute("value"))
        .isEqualTo("DEA-6 report " + world.suffix());
  }

  @Test
  void aBadTransferFarDownALongEquipmentListIsShownInViewWithItsRow() {
    String registrant = longEquipmentList(141);
    signIn(registrant);
    browser.get(url("/registry/equipment?page=2"));
    statePurposeIfAsked();
    browser.get(url("/registry/equipment?page=2"));
    var item = new Select(browser.findElement(By.id("machineId")));
    item.selectByIndex(3);
    String serial = item.getFirstSelectedOption().getText().split(" ")[0];
    browser.findElement(By.id("buyerRegistration")).sendKeys("PPR-NOSUCH" + world.suffix());
    browser.findElement(By.id("purchaserIdNumber")).sendKeys("TX-PP-00172");
    String future =
        LocalDateTime.now(ZoneOffset.UTC).plusDays(3).withSecond(0).withNano(0).toString();
    String checked =
        LocalDateTime.now(ZoneOffset.UTC).minusMinutes(5).withSecond(0).withNano(0).toString();
    ((JavascriptExecutor) browser)
        .executeScript(
            "document.getElementById('oralNoticeAt').value = arguments[0];"
                + "document.getElementById('checkedAt').value = arguments[1];"
                + "document.getElementById('shippedOn').value = arguments[2];",
            future,
            checked,
            java.time.LocalDate.now(ZoneOffset.UTC).toString());
    submit("/registry/equipment/transfer");

    WebElement summary =
        assertSummaryWithFocus("buyerRegistration", "purchaserIdType", "oralNoticeAt");
    assertThat(summary.getText()).contains(serial);
    assertThat(inView(summary)).as("the summary is in view, not the top of the page").isTrue();
    assertThat(((Number) js("return window.scrollY;")).doubleValue()).isPositive();
    assertThat(browser.getCurrentUrl()).contains("page=2");
    assertThat(browser.findElement(By.id("main")).getText()).contains("items you hold");
    assertThat(
            new Select(browser.findElement(By.id("machineId"))).getFirstSelectedOption().getText())
        .startsWith(serial);
    assertThat(browser.findElement(By.id("purchaserIdNumber")).getAttribute("value"))
        .isEqualTo("TX-PP-00172");
  }

  @Test
  void theReleaseFormShowsBothProblemsOnTheReportItCameFrom() {
    AccessContext context = world.as(investigator, Channel.PAGE);
    String id =
        reports
            .create(
                context,
                new IntelReportDraft(
                    "Release check " + world.suffix(),
                    "Pill press seen in transit.",
                    Marking.of(agency, Tlp.AMBER)))
            .id();
    String target = "NOPE" + world.suffix();
    signIn(investigator);
    browser.get(url("/intel/" + id));
    statePurposeIfAsked();
    browser.findElement(By.id("targetAgency")).sendKeys(target);
    submit("/releases");

    assertThat(browser.getCurrentUrl()).contains("/intel/" + id);
    assertSummaryWithFocus("targetAgency", "justification");
    assertThat(errorOf("justification")).startsWith("Say why");
    assertThat(browser.findElement(By.id("targetAgency")).getAttribute("value")).isEqualTo(target);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM record_release WHERE record_id = :id")
                .param("id", id)
                .query(Long.class)
                .single())
        .isZero();
  }

  /**
   * The summary lists one link per field in {@code fields}, in order, and has focus; each field is
   * marked invalid and described by the message beside it, and a link moves focus to its field.
   */
  private WebElement assertSummaryWithFocus(String... fields) {
    WebElement summary =
        new WebDriverWait(browser, WAIT)
            .until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
    new WebDriverWait(browser, WAIT)
        .until(driver -> "error-summary".equals(js("return document.activeElement.id;")));
    List<String> links =
        summary.findElements(By.cssSelector("a")).stream()
            .map(link -> link.getAttribute("href").replaceFirst("^.*#", ""))
            .toList();
    assertThat(links).containsExactly(fields);
    for (String field : fields) {
      WebElement input = browser.findElement(By.id(field));
      assertThat(input.getAttribute("aria-invalid")).as(field).isEqualTo("true");
      assertThat(input.getAttribute("aria-describedby")).as(field).contains(field + "-error");
      assertThat(errorOf(field)).as(field).isNotBlank();
      assertThat(summary.getText()).contains(errorOf(field));
    }
    summary.findElement(By.cssSelector("a[href$='#" + fields[fields.length - 1] + "']")).click();
    assertThat(js("return document.activeElement.id;")).isEqualTo(fields[fields.length - 1]);
    ((JavascriptExecutor) browser).executeScript("arguments[0].focus();", summary);
    return summary;
  }

  private String errorOf(String field) {
    return browser.findElement(By.id(field + "-error")).getText();
  }

  private boolean inView(WebElement element) {
    return (Boolean)
        js(
            "var r = document.getElementById('error-summary').getBoundingClientRect();"
                + " return r.top >= 0 && r.top < window.innerHeight;");
  }

  private Object js(String script) {
    return ((JavascriptExecutor) browser).executeScript(script);
  }

  private void submit(String action) {
    browser
        .findElement(
            By.cssSelector("form[method=post][action*='" + action + "'] button[type=submit]"))
        .click();
  }

  /** A dealer holding {@code count} items; answers its user. */
  private String longEquipmentList(int count) {
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    AccessContext admin =
        world.as(world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.PAGE);
    var dealer =
        registry.register(
            admin,
            new NewRegistrant(
                "Long List Dealer " + world.suffix(),
                null,
                RegistrantCategory.DEALER,
                null,
                "1 Way",
                null,
                null));
    dealer = registry.activate(admin, dealer.id(), "inspected");
    String user = world.user("dealer", dealer.agencyCode(), Role.REGISTRANT);
    AccessContext holder = world.as(user, Channel.PAGE);
    for (int i = 0; i < count; i++) {
      registry.registerMachine(
          holder,
          new NewMachine(
              "LL-" + world.suffix() + "-" + i,
              false,
              "Acme",
              "RT-9",
              EquipmentKind.TABLETING_ROTARY,
              null,
              "Bay " + i,
              EquipmentOrigin.DECLARED,
              null,
              null,
              null));
    }
    return user;
  }
}
