package org.presstrace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Role;
import org.presstrace.registry.EquipmentKind;
import org.presstrace.registry.EquipmentOrigin;
import org.presstrace.registry.NewMachine;
import org.presstrace.registry.NewRegistrant;
import org.presstrace.registry.RegistrantCategory;
import org.presstrace.registry.RegistrantView;
import org.presstrace.registry.Registry;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pages as a user meets them: Debian's Chromium, headless, signs in through the real login form
 * and works the real forms. Run with {@code ./mvnw test -Pbrowser}.
 */
class BrowserTests extends WorldBrowser {

  @Autowired JdbcClient jdbc;
  @Autowired Registry registry;
  @Autowired org.presstrace.seizures.Seizures seizures;
  @Autowired org.presstrace.access.Releases releases;
  @Autowired org.presstrace.casework.Subjects subjects;

  private String investigator;
  private String auditor;
  private String administrator;

  @BeforeEach
  void users() {
    String agency = world.agency("DEA", AgencyKind.FEDERAL, "USA");
    investigator = world.user("ivy", agency, Role.INVESTIGATOR);
    auditor = world.user("otto", agency, Role.AUDITOR);
    administrator = world.user("ada", agency, Role.ADMINISTRATOR);
  }

  @Test
  void eachRoleSignsInAndSeesItsNavigation() {
    assertThat(signInAndReadNavigation(investigator))
        .contains("Home", "Intelligence reports", "Releases")
        .doesNotContain("Audit trail", "Agencies", "Users");
    assertThat(signInAndReadNavigation(auditor))
        .contains("Home", "Audit trail")
        .doesNotContain("Intelligence reports", "Agencies", "Users");
    assertThat(signInAndReadNavigation(administrator))
        .contains("Home", "Agencies", "Users")
        .doesNotContain("Intelligence reports", "Audit trail");
  }

  @Test
  void wrongPasswordShowsTheErrorOnTheLoginPage() {
    submitSignIn(investigator, "not-the-password");

    new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlContains("/login?error"));
    assertThat(browser.findElement(By.cssSelector(".alert--error")).getText())
        .contains("username or password is wrong");
    assertThat(browser.findElements(By.cssSelector("nav.site-nav"))).isEmpty();
  }

  @Test
  void investigatorStatesAPurposeThenFilesAReport() {
    submitSignIn(investigator, World.PASSWORD);
    awaitMenu();

    browser.get(url("/intel"));
    assertThat(browser.findElement(By.id("purpose-heading")).getText())
        .isEqualTo("State your purpose");
    browser.findElement(By.id("purpose")).sendKeys("Case " + world.suffix() + " browser check");
    browser.findElement(By.cssSelector("#main form[action$='/purpose'] button")).click();
    new WebDriverWait(browser, WAIT)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.table caption")));
    assertThat(browser.findElements(By.id("purpose-heading"))).isEmpty();
    assertThat(browser.findElement(By.cssSelector("table.table caption")).getText())
        .contains("reports you may read");

    browser.findElement(By.linkText("File a report")).click();
    String title = "Press seized at the port " + world.suffix();
    browser.findElement(By.id("title")).sendKeys(title);
    browser.findElement(By.id("summary")).sendKeys("A rotary press with an obliterated serial.");
    new Select(browser.findElement(By.id("tlp"))).selectByVisibleText("GREEN");
    browser.findElement(By.cssSelector("#main form button[type=submit]")).click();

    new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlMatches("/intel/[0-9a-f-]{36}$"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(title);
    assertThat(browser.findElement(By.cssSelector("#main .banner")).getText())
        .isEqualTo("TLP:GREEN");
    assertThat(filed(title)).isEqualTo(1);
  }

  @Test
  void invalidRelToIsShownNextToItsFieldAndNothingIsFiled() {
    submitSignIn(investigator, World.PASSWORD);
    awaitMenu();

    browser.get(url("/intel/new"));
    String title = "Not to be filed " + world.suffix();
    browser.findElement(By.id("title")).sendKeys(title);
    browser.findElement(By.id("summary")).sendKeys("REL TO names no country.");
    new Select(browser.findElement(By.id("cuiCategory"))).selectByVisibleText("LEI");
    browser.findElement(By.id("relTo")).sendKeys("XXX");
    browser.findElement(By.cssSelector("#main form button[type=submit]")).click();

    WebElement error =
        new WebDriverWait(browser, WAIT)
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("relTo-error")));
    assertThat(error.getText()).contains("'XXX' is not a country code");
    assertThat(error.findElement(By.xpath("..")).findElement(By.id("relTo")).getAttribute("value"))
        .isEqualTo("XXX");
    assertThat(browser.findElement(By.id("title")).getAttribute("value")).isEqualTo(title);
    assertThat(filed(title)).isZero();
  }

  @Test
  void skipLinkIsTheFirstThingTheKeyboardReaches() {
    submitSignIn(investigator, World.PASSWORD);
    awaitMenu();

    for (String path : List.of("/", "/intel/new")) {
      browser.get(url(path));
      new Actions(browser).sendKeys(Keys.TAB).perform();

      var focused =
          (String)
              ((JavascriptExecutor) browser)
                  .executeScript("return document.activeElement.className;");
      assertThat(focused).as(path).contains("skip-link");
      assertThat(browser.switchTo().activeElement().getAttribute("href")).endsWith("#main");
    }
  }

  @Test
  void aDealerReportsATransferTheBuyerSeesTheMachineAndAnInvestigatorTracesTheNewHolder() {
    directory.ensureAgency(directory.operatorAgency(), "Operations", AgencyKind.FEDERAL, "USA");
    var admin =
        world.as(
            world.user("opadmin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.API);
    var dealer =
        activeRegistrant(admin, "Tablet Dealers " + world.suffix(), RegistrantCategory.DEALER);
    var buyer = activeRegistrant(admin, "Green Valley " + world.suffix(), RegistrantCategory.OWNER);
    String dealerUser = world.user("dealer", dealer.agencyCode(), Role.REGISTRANT);
    String buyerUser = world.user("buyer", buyer.agencyCode(), Role.REGISTRANT);
    String serial = "BRW-" + world.suffix() + "-77";
    registry.registerMachine(
        world.as(dealerUser, Channel.API),
        new NewMachine(
            serial,
            false,
            "Acme",
            "RT-8",
            EquipmentKind.TABLETING_ROTARY,
            null,
            "Bay 2",
            EquipmentOrigin.DECLARED,
            null,
            LocalDate.now(ZoneOffset.UTC),
            null));

    submitSignIn(dealerUser, World.PASSWORD);
    awaitMenu();
    browser.get(url("/registry/equipment"));
    statePurposeIfAsked();
    assertThat(browser.findElement(By.id("main")).getText()).contains(serial);
    new Select(browser.findElement(By.id("machineId"))).selectByIndex(0);
    browser.findElement(By.id("buyerRegistration")).sendKeys(buyer.registrationNumber());
    String now =
        LocalDateTime.now(ZoneOffset.UTC).minusMinutes(5).withSecond(0).withNano(0).toString();
    ((JavascriptExecutor) browser)
        .executeScript(
            "document.getElementById('checkedAt').value = arguments[0];"
                + "document.getElementById('shippedOn').value = arguments[1];",
            now,
            LocalDate.now(ZoneOffset.UTC).toString());
    browser
        .findElement(
            By.cssSelector("form[action$='/registry/equipment/transfer'] button[type=submit]"))
        .click();
    new WebDriverWait(browser, WAIT)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            driver ->
                driver
                    .findElement(By.id("main"))
                    .getText()
                    .contains("Transfer of serial " + serial));
    assertThat(browser.findElements(By.cssSelector("select#machineId option"))).isEmpty();

    browser.manage().deleteAllCookies();
    submitSignIn(buyerUser, World.PASSWORD);
    awaitMenu();
    browser.get(url("/registry/equipment"));
    statePurposeIfAsked();
    assertThat(browser.findElement(By.id("main")).getText()).contains(serial);

    browser.manage().deleteAllCookies();
    submitSignIn(investigator, World.PASSWORD);
    awaitMenu();
    browser.get(url("/registry/trace"));
    statePurposeIfAsked();
    browser
        .findElement(By.id("q"))
        .sendKeys(serial.toLowerCase(java.util.Locale.ROOT).replace("-", " "));
    browser
        .findElement(By.cssSelector("form[action$='/registry/trace'] button[type=submit]"))
        .click();
    WebElement result =
        new WebDriverWait(browser, WAIT)
            .until(
                ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("section.trace-result")));
    assertThat(result.getText())
        .contains(serial)
        .contains(buyer.label())
        .contains("Transferred")
        .doesNotContain("MachineTransferred");
  }

  @Test
  void aRegistrantUploadsAnImportFileAndSeesTheResultAfterTheProgressPage() throws IOException {
    directory.ensureAgency(directory.operatorAgency(), "Operations", AgencyKind.FEDERAL, "USA");
    var admin =
        world.as(
            world.user("opadmin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.API);
    var dealer =
        activeRegistrant(admin, "Upload Dealers " + world.suffix(), RegistrantCategory.DEALER);
    String dealerUser = world.user("uploader", dealer.agencyCode(), Role.REGISTRANT);
    String make = "Upl" + world.suffix().replaceAll("[^A-Za-z0-9]", "");
    var csv = new StringBuilder("record,serial,make,model,kind,location,occurred_on\n");
    for (int i = 0; i < 1500; i++) {
      csv.append("INVENTORY,UPL-")
          .append(i)
          .append(',')
          .append(make)
          .append(",RT-1,DIE,Bay 1,")
          .append(LocalDate.now(ZoneOffset.UTC).minusDays(1))
          .append('\n');
    }
    Path file = Files.createTempFile("presstrace-stock-", ".csv");
    Files.writeString(file, csv);

    submitSignIn(dealerUser, World.PASSWORD);
    awaitMenu();
    browser.get(url("/registry/imports"));
    browser.findElement(By.id("file")).sendKeys(file.toString());
    browser
        .findElement(By.cssSelector("form[action$='/registry/imports'] button[type=submit]"))
        .click();
    new WebDriverWait(browser, WAIT)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(ExpectedConditions.urlMatches("/registry/imports/[0-9a-f-]{36}$"));
    String result =
        new WebDriverWait(browser, Duration.ofMinutes(3))
            .until(
                driver -> {
                  String text = driver.findElement(By.id("import-job")).getText();
                  return text.contains("Imported") ? text : null;
                });
    assertThat(result).contains(file.getFileName().toString()).contains("1500 rows");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM machine WHERE make = :make")
                .param("make", make)
                .query(Long.class)
                .single())
        .isEqualTo(1500);
    Files.delete(file);
  }

  @Test
  void aRegistrantReportsATheftAndAnotherUserChecksItsCertificate() {
    directory.ensureAgency(directory.operatorAgency(), "Operations", AgencyKind.FEDERAL, "USA");
    var admin =
        world.as(
            world.user("certadmin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.API);
    var owner = activeRegistrant(admin, "Orchard Labs " + world.suffix(), RegistrantCategory.OWNER);
    String ownerUser = world.user("owner", owner.agencyCode(), Role.REGISTRANT);
    String serial = "BRC-" + world.suffix() + "-12";
    registry.registerMachine(
        world.as(ownerUser, Channel.API),
        new NewMachine(
            serial,
            false,
            "Acme",
            "SP-1",
            EquipmentKind.TABLETING_SINGLE_PUNCH,
            null,
            "Room 4",
            EquipmentOrigin.DECLARED,
            null,
            LocalDate.now(ZoneOffset.UTC),
            null));

    submitSignIn(ownerUser, World.PASSWORD);
    awaitMenu();
    openFromMenu("My registration");
    String code =
        new WebDriverWait(browser, WAIT)
            .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#main td code")))
            .getText();
    assertThat(code).matches("([0-9A-Z]{4}-){6}[0-9A-Z]{4}");

    openFromMenu("My equipment");
    statePurposeIfAsked();
    browser.findElement(By.xpath("//summary[contains(., '" + serial + "')]")).click();
    WebElement form =
        browser.findElement(By.cssSelector("form[action$='/registry/equipment/loss-report']"));
    ((JavascriptExecutor) browser)
        .executeScript(
            "arguments[0].querySelector('input[name=occurredOn]').value = arguments[1];",
            form,
            LocalDate.now(ZoneOffset.UTC).toString());
    form.findElement(By.name("details")).sendKeys("Break-in; police report 26-4411");
    form.findElement(By.cssSelector("button[type=submit]")).click();
    new WebDriverWait(browser, WAIT)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            driver ->
                driver
                    .findElement(By.id("main"))
                    .getText()
                    .contains("Serial " + serial + " reported stolen"));

    browser.manage().deleteAllCookies();
    submitSignIn(investigator, World.PASSWORD);
    awaitMenu();
    openFromMenu("Check a certificate");
    browser.findElement(By.id("code")).sendKeys(code.toLowerCase(java.util.Locale.ROOT));
    browser.findElement(By.cssSelector("#main form button[type=submit]")).click();
    WebElement answer =
        new WebDriverWait(browser, WAIT)
            .until(ExpectedConditions.presenceOfElementLocated(By.id("result-heading")));
    assertThat(answer.getText()).isEqualTo("Valid certificate");
    assertThat(browser.findElement(By.id("main")).getText()).contains(owner.legalName());
  }

  @Test
  void deaEntersASubjectCbpEntersItInPinyinAndCbpsInvestigatorAcknowledgesThePointer() {
    String dea = world.agency("DEA", AgencyKind.FEDERAL, "USA");
    String cbp = world.agency("CBP", AgencyKind.FEDERAL, "USA");
    String deaAgent = world.user("dea-agent", dea, Role.INVESTIGATOR);
    String cbpAnalyst = world.user("cbp-analyst", cbp, Role.ANALYST);
    String cbpInvestigator = world.user("cbp-investigator", cbp, Role.INVESTIGATOR);
    String phone =
        "+86 137 "
            + String.format(
                java.util.Locale.ROOT,
                "%08d",
                Math.floorMod(world.suffix().hashCode(), 100_000_000));

    enterSubject(deaAgent, "王伟", phone, "DEA-2026-" + world.suffix(), "SA Rivera, +1 202 555 0142");
    assertThat(browser.findElement(By.id("no-pointer")).getText()).contains("No pointer alert");

    browser.manage().deleteAllCookies();
    enterSubject(cbpAnalyst, "WANG Wei", phone.replace(" ", ""), "CBP-77-19", "Officer Chen");
    assertThat(browser.findElement(By.cssSelector("section.pointer")).getText())
        .contains("DEA-2026-" + world.suffix())
        .contains("SA Rivera, +1 202 555 0142")
        .doesNotContain("王伟");

    browser.manage().deleteAllCookies();
    submitSignIn(cbpInvestigator, World.PASSWORD);
    awaitMenu();
    openFromMenu("Deconfliction");
    WebElement alert =
        new WebDriverWait(browser, WAIT)
            .until(ExpectedConditions.presenceOfElementLocated(By.id("pointer-alerts")));
    assertThat(alert.getText())
        .contains("Target")
        .contains("CBP-77-19")
        .contains(dea)
        .contains("SA Rivera, +1 202 555 0142")
        .doesNotContain("王伟");
    alert.findElement(By.xpath(".//tr[contains(., 'CBP-77-19')]//button")).click();
    WebElement done =
        new WebDriverWait(browser, WAIT)
            .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".alert--success")));
    assertThat(done.getText()).contains("Acknowledged the alert on CBP-77-19");
    assertThat(
            jdbc.sql("SELECT acknowledged_by FROM pointer_alert WHERE recipient_agency = :agency")
                .param("agency", cbp)
                .query(String.class)
                .list())
        .containsExactly(cbpInvestigator);
  }

  private void enterSubject(
      String username, String name, String phone, String caseReference, String contact) {
    submitSignIn(username, World.PASSWORD);
    awaitMenu();
    browser.get(url("/resolution/subjects/new"));
    browser.findElement(By.id("name")).sendKeys(name);
    browser.findElement(By.id("birthDate")).sendKeys("1980-03-04");
    browser.findElement(By.id("phone")).sendKeys(phone);
    browser.findElement(By.id("caseReference")).sendKeys(caseReference);
    browser.findElement(By.id("contact")).sendKeys(contact);
    browser.findElement(By.cssSelector("#main form[method=post] button[type=submit]")).click();
    new WebDriverWait(browser, WAIT)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(ExpectedConditions.presenceOfElementLocated(By.id("pointer-heading")));
  }

  private RegistrantView activeRegistrant(
      org.presstrace.access.AccessContext admin, String name, RegistrantCategory category) {
    var registrant =
        registry.register(
            admin, new NewRegistrant(name, null, category, null, "1 Press Way", null, "USA"));
    return registry.activate(admin, registrant.id(), "inspection passed");
  }

  private List<String> signInAndReadNavigation(String username) {
    browser.manage().deleteAllCookies();
    submitSignIn(username, World.PASSWORD);
    awaitMenu();
    assertThat(browser.findElement(By.cssSelector(".site-user strong")).getText())
        .isEqualTo(username);
    return browser.findElements(By.cssSelector("nav.site-nav a")).stream()
        .map(link -> link.getAttribute("textContent").strip())
        .toList();
  }

  /** Opens the menu group that holds {@code label}'s link, then follows the link. */
  private void openFromMenu(String label) {
    WebElement link =
        browser.findElement(
            By.xpath("//nav[@aria-label='Main']//a[normalize-space(.)='" + label + "']"));
    ((JavascriptExecutor) browser)
        .executeScript(
            "var group = arguments[0].closest('details'); if (group) { group.open = true; }", link);
    link.click();
  }

  @Test
  void theSeizureDashboardChartsOnlyWhatTheAnalystMayRead() {
    String agencyA = world.agency("STATEA", AgencyKind.STATE, "USA");
    String analyst = world.user("ana", agencyA, Role.ANALYST);
    String agencyB = world.agency("CBPB", AgencyKind.FEDERAL, "USA");
    var reporter = world.as(world.user("rob", agencyB, Role.INVESTIGATOR), Channel.API);
    var supervisor = world.as(world.user("sue", agencyB, Role.SUPERVISOR), Channel.API);
    String released = seizure(reporter, org.presstrace.access.Tlp.AMBER, "1000", 40);
    seizure(reporter, org.presstrace.access.Tlp.AMBER, "20000", 70);
    seizure(reporter, org.presstrace.access.Tlp.GREEN, "300", 100);
    var release = releases.request(reporter, "seizure", released, agencyA, "joint case");
    releases.approve(supervisor, release.id(), "approved");

    submitSignIn(analyst, World.PASSWORD);
    awaitMenu();
    browser.get(url("/seizures/dashboard"));
    browser.findElement(By.id("purpose")).sendKeys("Case " + world.suffix() + " dashboard");
    browser.findElement(By.cssSelector("#main form[action$='/purpose'] button")).click();
    new WebDriverWait(browser, WAIT)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(ExpectedConditions.attributeToBe(By.id("seizure-charts"), "data-charts-drawn", "4"));
    assertThat(browser.findElement(By.id("total-pills")).getText())
        .as("B's unreleased 20,000 pills are not counted")
        .isEqualTo("1300");
    var js = (JavascriptExecutor) browser;
    Object pills =
        js.executeScript(
            "return document.getElementById('chart-volume').chart.data.datasets[0].data"
                + ".reduce(function (a, b) { return a + b; }, 0);");
    assertThat(((Number) pills).longValue()).isEqualTo(1300L);
    Object series =
        js.executeScript(
            "return document.getElementById('chart-doses').chart.data.datasets.length;");
    assertThat(((Number) series).intValue()).as("one line per method plus best").isEqualTo(5);
    Object drawnPixels =
        js.executeScript(
            "var c = document.getElementById('chart-doses');"
                + " var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + " var n = 0; for (var i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; }"
                + " return n;");
    assertThat(((Number) drawnPixels).longValue()).as("the canvas is painted").isPositive();
  }

  @Test
  void aPillCountOnPowderIsShownBesideItsFieldAndNoSeizureIsStored() {
    submitSignIn(investigator, World.PASSWORD);
    awaitMenu();
    browser.get(url("/seizures/new"));
    String reference = "BR-" + world.suffix();
    browser.findElement(By.id("reference")).sendKeys(reference);
    js(
        "document.getElementById('occurredAt').value = '"
            + LocalDateTime.now(ZoneOffset.UTC)
                .minusDays(1)
                .withSecond(0)
                .withNano(0)
                .toString()
                .substring(0, 16)
            + "';");
    browser.findElement(By.id("zone")).clear();
    browser.findElement(By.id("zone")).sendKeys("UTC");
    browser.findElement(By.id("portOfEntry")).sendKeys("Nogales");
    browser.findElement(By.id("region")).sendKeys("AZ");
    browser.findElement(By.id("substance")).sendKeys("fentanyl");
    new Select(browser.findElement(By.id("form"))).selectByValue("POWDER");
    browser.findElement(By.id("netWeight")).sendKeys("2");
    browser.findElement(By.id("pillCount")).sendKeys("500");
    browser.findElement(By.cssSelector("#main form button[type=submit]")).click();
    new WebDriverWait(browser, WAIT)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(ExpectedConditions.presenceOfElementLocated(By.id("pillCount-error")));
    assertThat(browser.findElement(By.id("pillCount-error")).getText())
        .isEqualTo("a pill count is for pills, not for powder");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM seizure WHERE reference = :r")
                .param("r", reference)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void theGraphPageExpandsASubjectOnClickAndShowsItsNewNeighbours() {
    var me = world.as(investigator, Channel.API);
    String tag = world.suffix().toLowerCase(java.util.Locale.ROOT);
    String first = graphSubject(me, "Petra Lindqvist " + tag, "phone", "+1 415 555 0" + digits(3));
    String middle =
        graphSubject(
            me,
            "Lindqvist Import Export " + tag,
            "phone",
            "+1 415 555 0" + digits(3),
            "email",
            "sales." + tag + "@lindqvist.example");
    String last =
        graphSubject(me, "Jonas Berg " + tag, "email", "sales." + tag + "@lindqvist.example");

    submitSignIn(investigator, World.PASSWORD);
    awaitMenu();
    openFromMenu("Link analysis");
    statePurposeIfAsked();
    browser.findElement(By.id("graph-q")).sendKeys("Petra Lindqvist " + tag);
    browser.findElement(By.cssSelector("#graph-search button[type=submit]")).click();
    new WebDriverWait(browser, WAIT)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("[data-subject='" + first + "']")))
        .click();
    new WebDriverWait(browser, WAIT).until(driver -> drawn(middle));
    assertThat(drawn(last)).as("two steps away, not drawn yet").isFalse();

    var canvas = browser.findElement(By.id("graph"));
    var js = (JavascriptExecutor) browser;
    // Offsets count from the centre of the part in view: bring the whole canvas into view first.
    js.executeScript("arguments[0].scrollIntoView({block: 'center'});", canvas);
    @SuppressWarnings("unchecked")
    var at =
        (java.util.Map<String, Number>)
            js.executeScript(
                "return document.getElementById('graph').cy.getElementById(arguments[0])"
                    + ".renderedPosition();",
                middle);
    int width = canvas.getSize().getWidth();
    int height = canvas.getSize().getHeight();
    new Actions(browser)
        .moveToElement(
            canvas, at.get("x").intValue() - width / 2, at.get("y").intValue() - height / 2)
        .click()
        .perform();

    new WebDriverWait(browser, WAIT).until(driver -> drawn(last));
    assertThat(browser.findElement(By.id("graph-detail")).getText())
        .contains("Lindqvist Import Export");
    assertThat(browser.findElement(By.id("graph-status")).getText()).contains("3 subjects");
  }

  @Test
  void theGraphListLetsAKeyboardUserExpandChoosePathEndsAndFindAPath() {
    var me = world.as(investigator, Channel.API);
    String tag = world.suffix().toLowerCase(java.util.Locale.ROOT);
    String phone = "+1 415 555 1" + digits(5);
    String email = "ops." + tag + "@holt.example";
    String first = graphSubject(me, "Maren Holt " + tag, "phone", phone);
    String middle = graphSubject(me, "Holt Trading Export " + tag, "phone", phone, "email", email);
    String last = graphSubject(me, "Ivo Brandt " + tag, "email", email);

    submitSignIn(investigator, World.PASSWORD);
    awaitMenu();
    openFromMenu("Link analysis");
    statePurposeIfAsked();
    browser.findElement(By.id("graph-q")).sendKeys("Maren Holt " + tag, Keys.ENTER);
    pressEnterOn(
        new WebDriverWait(browser, WAIT)
            .until(
                ExpectedConditions.elementToBeClickable(
                    By.cssSelector("[data-subject='" + first + "']"))));
    new WebDriverWait(browser, WAIT).until(driver -> listed(middle));
    assertThat(listed(last)).as("two steps away, not listed yet").isFalse();

    WebElement expand = listButton(middle, "Expand");
    assertThat(expand.getAccessibleName()).isEqualTo("Expand Holt Trading Export " + tag);
    pressEnterOn(expand);
    new WebDriverWait(browser, WAIT).until(driver -> listed(last));
    assertThat(browser.switchTo().activeElement()).as("focus stays on Expand").isEqualTo(expand);
    assertThat(row(middle).getText()).contains("neighbours drawn");
    assertThat(drawn(last)).as("the canvas draws what the list shows").isTrue();
    assertThat(browser.findElement(By.id("graph-edges")).getText())
        .contains("Holds the shared value")
        .contains("Ivo Brandt " + tag);

    pressEnterOn(listButton(first, "Path from"));
    pressEnterOn(listButton(last, "Path to"));
    assertThat(browser.findElement(By.id("path-from")).getAttribute("value")).isEqualTo(first);
    assertThat(browser.findElement(By.id("to-label")).getText()).isEqualTo("Ivo Brandt " + tag);
    pressEnterOn(browser.findElement(By.cssSelector("#graph-path button[type=submit]")));
    new WebDriverWait(browser, WAIT)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            driver ->
                driver
                    .findElement(By.id("graph-status"))
                    .getText()
                    .contains("Path found: 2 steps"));
    assertThat(row(middle).getText()).contains("on the path");
  }

  @Test
  void choosingAVesselShowsItsFieldsAndABadImoIsShownBesideItsField() {
    String reference = "CBP-VESSEL-" + world.suffix();
    submitSignIn(investigator, World.PASSWORD);
    awaitMenu();
    browser.get(url("/resolution/subjects/new"));
    assertThat(browser.findElements(By.id("birthDate"))).isNotEmpty();
    new Select(browser.findElement(By.id("schema"))).selectByVisibleText("Vessel");
    new WebDriverWait(browser, WAIT)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(ExpectedConditions.presenceOfElementLocated(By.id("imoNumber")));
    assertThat(browser.findElements(By.id("birthDate"))).isEmpty();
    browser.findElement(By.id("name")).sendKeys("Hai Xing 8");
    browser.findElement(By.id("imoNumber")).sendKeys("IMO 9074730");
    browser.findElement(By.id("caseReference")).sendKeys(reference);
    browser.findElement(By.id("contact")).sendKeys("Officer Chen");
    browser
        .findElement(By.cssSelector("#subject-entry form[method=post] button[type=submit]"))
        .click();

    WebElement error =
        new WebDriverWait(browser, WAIT)
            .until(ExpectedConditions.presenceOfElementLocated(By.id("imoNumber-error")));
    assertThat(error.getText()).contains("IMO 9074730 fails its check digit");
    assertThat(browser.findElement(By.id("imoNumber")).getAttribute("value"))
        .isEqualTo("IMO 9074730");
    assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("Hai Xing 8");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM resolution_entity WHERE case_reference = :reference")
                .param("reference", reference)
                .query(Long.class)
                .single())
        .isZero();
  }

  /** Focuses {@code element} as the Tab key would and presses Enter on it. */
  private void pressEnterOn(WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].focus();", element);
    assertThat(browser.switchTo().activeElement()).isEqualTo(element);
    new Actions(browser).sendKeys(Keys.ENTER).perform();
  }

  private WebElement row(String id) {
    return browser.findElement(By.cssSelector("#graph-nodes tr[data-id='" + id + "']"));
  }

  private WebElement listButton(String id, String text) {
    return row(id).findElements(By.tagName("button")).stream()
        .filter(button -> button.getText().equals(text))
        .findFirst()
        .orElseThrow();
  }

  private boolean listed(String id) {
    return !browser.findElements(By.cssSelector("#graph-nodes tr[data-id='" + id + "']")).isEmpty();
  }

  private boolean drawn(String id) {
    return (Boolean)
        ((JavascriptExecutor) browser)
            .executeScript(
                "var g = document.getElementById('graph');"
                    + " return !!(g && g.cy && g.cy.getElementById(arguments[0]).nonempty());",
                id);
  }

  private String digits(int n) {
    return String.format(
        java.util.Locale.ROOT, "%03d", Math.floorMod(world.suffix().hashCode() + n, 1000));
  }

  private String graphSubject(
      org.presstrace.access.AccessContext context, String name, String... values) {
    var properties = new java.util.LinkedHashMap<String, List<String>>();
    properties.put("name", List.of(name));
    for (int i = 0; i < values.length; i += 2) {
      properties.put(values[i], List.of(values[i + 1]));
    }
    return subjects
        .submit(
            context,
            new org.presstrace.casework.SubjectDraft(
                name.contains("Export")
                    ? org.presstrace.resolution.Schema.COMPANY
                    : org.presstrace.resolution.Schema.PERSON,
                properties,
                "CASE-" + world.suffix(),
                "Duty desk",
                null,
                null,
                org.presstrace.access.Marking.of("ignored", org.presstrace.access.Tlp.AMBER)))
        .subject()
        .id();
  }

  private void js(String script) {
    ((JavascriptExecutor) browser).executeScript(script);
  }

  private String seizure(
      org.presstrace.access.AccessContext reporter,
      org.presstrace.access.Tlp tlp,
      String pills,
      int daysAgo) {
    var item =
        new org.presstrace.seizures.SeizureDraft.SeizureItemDraft(
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
    return seizures
        .report(
            reporter,
            new org.presstrace.seizures.SeizureDraft(
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
                new org.presstrace.access.Marking(
                    reporter.caller().agency(), tlp, "LEI", false, null, null),
                List.of(item),
                List.of(),
                List.of()))
        .seizure()
        .id();
  }

  private long filed(String title) {
    return jdbc.sql("SELECT COUNT(*) FROM intel_report WHERE title = :title")
        .param("title", title)
        .query(Long.class)
        .single();
  }
}
