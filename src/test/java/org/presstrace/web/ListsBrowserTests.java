package org.presstrace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Marking;
import org.presstrace.access.Releases;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.intel.IntelReportDraft;
import org.presstrace.intel.IntelReports;
import org.presstrace.registry.EquipmentKind;
import org.presstrace.registry.EquipmentOrigin;
import org.presstrace.registry.NewMachine;
import org.presstrace.registry.NewRegistrant;
import org.presstrace.registry.RegistrantCategory;
import org.presstrace.registry.RegistrantView;
import org.presstrace.registry.Registry;
import org.presstrace.seizures.SeizureDraft;
import org.presstrace.seizures.Seizures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Long lists and the dashboard's main chart as people use them in Chromium: a filter and a page
 * survive approving a release or reporting a machine, and the chart's series and scale are chosen
 * with keyboard-usable checkboxes whose state the URL keeps. Run with {@code ./mvnw test
 * -Pbrowser}.
 */
class ListsBrowserTests extends WorldBrowser {

  @Autowired JdbcClient jdbc;
  @Autowired Releases releases;
  @Autowired IntelReports reports;
  @Autowired Registry registry;
  @Autowired Seizures seizures;

  @Test
  void approvingAReleaseOnPageTwoOfAFilteredInboxComesBackToThatPageAndFilter() {
    String agency = world.agency("REL", AgencyKind.FEDERAL, "USA");
    String target = world.agency("RTG", AgencyKind.STATE, "USA");
    String investigator = world.user("inv", agency, Role.INVESTIGATOR);
    String supervisor = world.user("sup", agency, Role.SUPERVISOR);
    var context = world.as(investigator, Channel.PAGE);
    String report =
        reports
            .create(
                context,
                new IntelReportDraft(
                    "Broker " + world.suffix(), "summary", Marking.of(agency, Tlp.AMBER)))
            .id();
    var release = releases.request(context, "intel-report", report, target, "joint case");
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    for (int i = 1; i <= 60; i++) {
      seedRelease(agency, target, investigator, "PENDING", now.minusMinutes(i));
    }
    for (int i = 1; i <= 10; i++) {
      seedRelease(agency, target, investigator, "REJECTED", now.minusMinutes(i));
    }
    jdbc.sql("UPDATE record_release SET requested_at = :at WHERE id = :id")
        .param("at", now.minusMinutes(40).minusSeconds(30))
        .param("id", release.id())
        .update();

    signIn(supervisor);
    browser.get(url("/releases"));
    assertThat(total()).isEqualTo("71");
    new Select(browser.findElement(By.id("status"))).selectByValue("PENDING");
    browser.findElement(By.id("who")).sendKeys(investigator);
    browser.findElement(By.cssSelector("form[aria-label='Filter releases'] button")).click();
    waitUntil(() -> total().equals("61"));

    WebElement pager = browser.findElement(By.cssSelector("nav[aria-label='Pages of releases']"));
    assertThat(pager.findElement(By.cssSelector("[aria-current=page]")).getText()).isEqualTo("1");
    pager.findElement(By.linkText("2")).click();
    waitUntil(() -> currentPage().equals("2"));

    WebElement form =
        browser.findElement(
            By.cssSelector("form[action*='/releases/" + release.id() + "/approve']"));
    form.findElement(By.name("reason")).sendKeys("partner needs it now");
    form.findElement(By.cssSelector("button[type=submit]")).click();

    waitUntil(() -> !browser.findElements(By.cssSelector(".alert--success")).isEmpty());
    assertThat(browser.findElement(By.cssSelector(".alert--success")).getText())
        .contains("approved");
    assertThat(browser.getCurrentUrl())
        .contains("status=PENDING")
        .contains("who=" + investigator)
        .contains("page=1");
    var status = new Select(browser.findElement(By.id("status"))).getFirstSelectedOption();
    assertThat(status.getAttribute("value")).isEqualTo("PENDING");
    assertThat(status.getText()).as("the page shows the state's label").isEqualTo("Pending");
    assertThat(browser.findElement(By.id("who")).getAttribute("value")).isEqualTo(investigator);
    assertThat(currentPage()).isEqualTo("2");
    assertThat(total()).as("the approved release left the pending list").isEqualTo("60");
    assertThat(releases.visible(world.as(supervisor, Channel.PAGE), release.id()).status().name())
        .isEqualTo("APPROVED");

    browser.navigate().refresh();
    assertThat(currentPage()).as("a reload keeps the page").isEqualTo("2");
    assertThat(total()).isEqualTo("60");
  }

  @Test
  void reportingAMachineStolenOnAFilteredPageOfMyEquipmentComesBackToIt() {
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    var admin =
        world.as(world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.PAGE);
    RegistrantView dealer =
        registry.activate(
            admin,
            registry
                .register(
                    admin,
                    new NewRegistrant(
                        "Browser Lists Dealer " + world.suffix(),
                        null,
                        RegistrantCategory.DEALER,
                        null,
                        "1 Way",
                        null,
                        null))
                .id(),
            "inspected");
    String dealerUser = world.user("dealer", dealer.agencyCode(), Role.REGISTRANT);
    var holder = world.as(dealerUser, Channel.PAGE);
    for (int i = 0; i < 55; i++) {
      machine(
          holder, String.format("BL%s-%02d", world.suffix(), i), EquipmentKind.TABLETING_ROTARY);
    }
    for (int i = 0; i < 6; i++) {
      machine(holder, "BD" + world.suffix() + "-" + i, EquipmentKind.DIE);
    }

    signIn(dealerUser);
    browser.get(url("/registry/equipment"));
    statePurposeIfAsked();
    assertThat(total()).isEqualTo("61");
    new Select(browser.findElement(By.id("type"))).selectByValue("TABLETING_ROTARY");
    browser.findElement(By.cssSelector("form[aria-label='Filter my equipment'] button")).click();
    waitUntil(() -> total().equals("55"));
    browser
        .findElement(By.cssSelector("nav[aria-label='Pages of my equipment']"))
        .findElement(By.linkText("Next"))
        .click();
    waitUntil(() -> currentPage().equals("2"));

    String serial = String.format("BL%s-%02d", world.suffix(), 50);
    WebElement cell =
        browser.findElement(By.xpath("//tr[td[1][normalize-space()='" + serial + "']]"));
    cell.findElement(By.tagName("summary")).click();
    WebElement form = cell.findElement(By.tagName("form"));
    ((JavascriptExecutor) browser)
        .executeScript(
            "arguments[0].value = arguments[1];",
            form.findElement(By.cssSelector("input[name=occurredOn]")),
            LocalDate.now(ZoneOffset.UTC).toString());
    form.findElement(By.cssSelector("button[type=submit]")).click();

    waitUntil(() -> !browser.findElements(By.cssSelector(".alert--success")).isEmpty());
    assertThat(browser.findElement(By.cssSelector(".alert--success")).getText())
        .contains(serial)
        .contains("stolen");
    assertThat(browser.getCurrentUrl()).contains("type=TABLETING_ROTARY").contains("page=1");
    var type = new Select(browser.findElement(By.id("type"))).getFirstSelectedOption();
    assertThat(type.getAttribute("value")).isEqualTo("TABLETING_ROTARY");
    assertThat(type.getText())
        .as("the page shows the kind's label")
        .isEqualTo("Rotary tablet press");
    assertThat(currentPage()).isEqualTo("2");
    assertThat(total()).isEqualTo("55");

    new Select(browser.findElement(By.id("machineId"))).selectByIndex(0);
    browser.findElement(By.id("buyerRegistration")).sendKeys("PPR-NOBODY");
    ((JavascriptExecutor) browser)
        .executeScript(
            "document.getElementById('checkedAt').value = arguments[0];"
                + " document.getElementById('shippedOn').value = arguments[1];",
            LocalDateTime.now(ZoneOffset.UTC).minusHours(1).withSecond(0).withNano(0).toString(),
            LocalDate.now(ZoneOffset.UTC).toString());
    browser.findElement(By.cssSelector("form[aria-labelledby=transfer-heading] button")).click();
    waitUntil(() -> !browser.findElements(By.cssSelector(".field-error")).isEmpty());
    assertThat(total()).as("a refused transfer shows the same filtered page").isEqualTo("55");
    assertThat(currentPage()).isEqualTo("2");
    var kept = new Select(browser.findElement(By.id("type"))).getFirstSelectedOption();
    assertThat(kept.getAttribute("value")).isEqualTo("TABLETING_ROTARY");
    assertThat(kept.getText())
        .as("the page shows the kind's label")
        .isEqualTo("Rotary tablet press");
  }

  @Test
  void theDosesChartShowsTheBestEstimateAndTogglesScaleAndMethodsKeptInTheUrl() {
    String agency = world.agency("DSH", AgencyKind.FEDERAL, "USA");
    String analyst = world.user("ana", agency, Role.ANALYST);
    var reporter = world.as(world.user("rep", agency, Role.INVESTIGATOR), Channel.API);
    seizure(reporter, "5000000", 20);
    seizure(reporter, "40", 50);

    signIn(analyst);
    browser.get(url("/seizures/dashboard"));
    statePurposeIfAsked();
    waitUntil(
        () ->
            "4"
                .equals(
                    browser
                        .findElement(By.id("seizure-charts"))
                        .getAttribute("data-charts-drawn")));

    assertThat(visibleSeries())
        .as("the best available estimate by default")
        .containsExactly("best available");
    assertThat(axisType()).isEqualTo("linear");
    assertThat(browser.findElement(By.id("series-best")).isSelected()).isTrue();

    WebElement log = browser.findElement(By.id("scale-log"));
    focusAndPressSpace(log);
    waitUntil(() -> axisType().equals("logarithmic"));
    assertThat(log.isSelected()).isTrue();
    assertThat(browser.getCurrentUrl()).contains("scale=log");

    focusAndPressSpace(browser.findElement(By.id("series-PILL_CONTENT")));
    waitUntil(() -> visibleSeries().contains("Content per pill"));
    focusAndPressSpace(browser.findElement(By.id("series-best")));
    waitUntil(() -> !visibleSeries().contains("best available"));
    assertThat(visibleSeries()).containsExactly("Content per pill");
    assertThat(browser.getCurrentUrl())
        .contains("series=PILL_CONTENT")
        .doesNotContain("series=best");

    browser.navigate().refresh();
    waitUntil(
        () ->
            "4"
                .equals(
                    browser
                        .findElement(By.id("seizure-charts"))
                        .getAttribute("data-charts-drawn")));
    assertThat(visibleSeries())
        .as("a reload keeps the chosen series")
        .containsExactly("Content per pill");
    assertThat(axisType()).isEqualTo("logarithmic");
    assertThat(browser.findElement(By.id("series-best")).isSelected()).isFalse();

    WebElement table = browser.findElement(By.id("doses-table"));
    assertThat(table.isDisplayed()).as("the figures stay in a table for screen readers").isTrue();
    assertThat(table.findElements(By.cssSelector("thead th")))
        .extracting(WebElement::getText)
        .contains(
            "Laboratory purity",
            "Content per pill",
            "Assumed purity",
            "Gross weight, not adjusted",
            "Best available");
    assertThat(table.findElements(By.cssSelector("tbody tr"))).isNotEmpty();
    assertThat(browser.findElement(By.id("chart-doses")).getAttribute("aria-describedby"))
        .isEqualTo("doses-table-caption");
  }

  // ---- helpers -------------------------------------------------------------------------------

  @SuppressWarnings("unchecked")
  private List<String> visibleSeries() {
    return (List<String>)
        ((JavascriptExecutor) browser)
            .executeScript(
                "var c = document.getElementById('chart-doses').chart;"
                    + " return c.data.datasets.filter(function (d, i) { return c.isDatasetVisible(i); })"
                    + ".map(function (d) { return d.label; });");
  }

  private String axisType() {
    return (String)
        ((JavascriptExecutor) browser)
            .executeScript("return document.getElementById('chart-doses').chart.scales.y.type;");
  }

  private void focusAndPressSpace(WebElement box) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].focus();", box);
    box.sendKeys(Keys.SPACE);
  }

  private String total() {
    return browser.findElement(By.id("list-total")).getText();
  }

  private String currentPage() {
    var current = browser.findElements(By.cssSelector("nav.pager [aria-current=page]"));
    return current.isEmpty() ? "" : current.get(0).getText();
  }

  private void waitUntil(java.util.function.BooleanSupplier condition) {
    new WebDriverWait(browser, WAIT)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .ignoring(org.openqa.selenium.NoSuchElementException.class)
        .until(driver -> condition.getAsBoolean());
  }

  private void seedRelease(
      String owner, String target, String requester, String status, OffsetDateTime at) {
    jdbc.sql(
            """
            INSERT INTO record_release (id, kind, record_id, owner_agency, target_agency,
                                        justification, status, requested_by, requested_at)
            VALUES (:id, 'intel-report', :record, :owner, :target, 'seeded', :status,
                    :requester, :at)
            """)
        .param("id", UUID.randomUUID().toString())
        .param("record", UUID.randomUUID().toString())
        .param("owner", owner)
        .param("target", target)
        .param("status", status)
        .param("requester", requester)
        .param("at", at)
        .update();
  }

  private void machine(AccessContext holder, String serial, EquipmentKind kind) {
    registry.registerMachine(
        holder,
        new NewMachine(
            serial,
            false,
            "Acme",
            "RT-9",
            kind,
            null,
            "Bay 1",
            EquipmentOrigin.DECLARED,
            null,
            null,
            null));
  }

  private void seizure(AccessContext reporter, String pills, int daysAgo) {
    var item =
        new SeizureDraft.SeizureItemDraft(
            "fentanyl",
            null,
            "pills",
            null,
            null,
            null,
            null,
            pills,
            "M 30",
            "blue",
            null,
            "2",
            null);
    seizures.report(
        reporter,
        new SeizureDraft(
            null,
            LocalDateTime.now(ZoneOffset.UTC).minusDays(daysAgo).withNano(0).toString(),
            "UTC",
            "PORT_OF_ENTRY",
            "Nogales",
            "AZ",
            null,
            null,
            null,
            null,
            new Marking(reporter.caller().agency(), Tlp.AMBER, "LEI", false, null, null),
            List.of(item),
            List.of(),
            List.of()));
  }
}
