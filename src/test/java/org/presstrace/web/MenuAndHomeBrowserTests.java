package org.presstrace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Derivations;
import org.presstrace.access.DerivedMarking;
import org.presstrace.access.Marking;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.seizures.Alerts;
import org.presstrace.seizures.SeizureDraft;
import org.presstrace.seizures.Seizures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The menu by task and the home page, in Chromium at desktop (1280 px) and phone (390 px) width:
 * each role's groups, the phone's one-button menu, pages never wider than a phone, and the home
 * page's counts, which never include a record the user may not read. Run with {@code ./mvnw test
 * -Pbrowser}.
 */
class MenuAndHomeBrowserTests extends WorldBrowser {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final int DESKTOP = 1280;
  private static final int PHONE = 390;

  @Autowired Seizures seizures;
  @Autowired Alerts alerts;
  @Autowired Derivations derivations;

  private String agency;

  @Override
  int windowHeight() {
    return 900;
  }

  @BeforeEach
  void desktopAndAgency() {
    width(DESKTOP);
    agency = world.agency("NAV", AgencyKind.FEDERAL, "USA");
  }

  @Test
  void eachRoleSeesOnlyItsGroupsInTaskOrder() {
    String registrants = world.agency("REG", AgencyKind.REGISTRANT, "USA");
    String partner = world.agency("MPS", AgencyKind.FOREIGN_PARTNER, "CHN");

    signIn(world.user("ivy", agency, Role.INVESTIGATOR));
    assertThat(groups())
        .containsExactly(
            "Intelligence", "Registry", "Seizures", "Casework", "Substances", "Administration");
    assertThat(links("Casework"))
        .containsExactly(
            "Subjects",
            "Review queue",
            "Deconfliction",
            "Operations",
            "Link analysis",
            "Red flags");

    signIn(world.user("reg", registrants, Role.REGISTRANT));
    assertThat(groups()).containsExactly("Intelligence", "Registry", "Administration");
    assertThat(links("Registry"))
        .containsExactly(
            "My registration",
            "My equipment",
            "Transaction reports",
            "Import",
            "Check a certificate");

    signIn(world.user("adm", agency, Role.ADMINISTRATOR));
    assertThat(groups()).containsExactly("Registry", "Substances", "Administration");
    assertThat(links("Administration"))
        .contains("Agencies", "Users", "Grants")
        .doesNotContain("Audit trail");

    signIn(world.user("liaison", partner, Role.FOREIGN_LIAISON));
    assertThat(groups()).containsExactly("Intelligence", "Registry", "Seizures", "Administration");
    assertThat(links("Intelligence")).containsExactly("Intelligence reports", "Releases");
    assertThat(links("Registry")).containsExactly("Check a certificate");
  }

  @Test
  void aGroupOpensFromTheKeyboardAndTheCurrentPageIsMarked() {
    signIn(world.user("ivy", agency, Role.INVESTIGATOR));
    WebElement seizuresGroup = summary("Seizures");
    WebElement alertsLink = link("Alerts");
    assertThat(alertsLink.isDisplayed()).isFalse();

    focus(seizuresGroup);
    seizuresGroup.sendKeys(Keys.ENTER);
    assertThat(alertsLink.isDisplayed()).isTrue();
    alertsLink.sendKeys(Keys.ENTER);

    new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlToBe(url("/alerts")));
    List<WebElement> current =
        browser.findElements(By.cssSelector("nav.site-nav a[aria-current='page']"));
    assertThat(current).hasSize(1);
    assertThat(current.get(0).getAttribute("textContent").strip()).isEqualTo("Alerts");
    assertThat(summary("Seizures").findElement(By.xpath("..")).getAttribute("class"))
        .contains("site-nav__group--current");
  }

  @Test
  void onAPhoneTheMenuIsOneLineBehindOneButton() {
    signIn(world.user("ivy", agency, Role.INVESTIGATOR));
    width(PHONE);
    browser.navigate().refresh();
    WebElement toggle = browser.findElement(By.cssSelector("nav.site-nav .site-nav__toggle"));
    WebElement nav = browser.findElement(By.cssSelector("nav.site-nav"));

    assertThat(toggle.isDisplayed()).isTrue();
    assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
    assertThat(summary("Casework").isDisplayed()).isFalse();
    assertThat(nav.getSize().getHeight()).isLessThanOrEqualTo(56);

    toggle.click();
    assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
    assertThat(summary("Casework").isDisplayed()).isTrue();
    summary("Casework").click();
    assertThat(link("Deconfliction").isDisplayed()).isTrue();

    focus(toggle);
    toggle.sendKeys(Keys.SPACE);
    assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
    assertThat(summary("Casework").isDisplayed()).isFalse();
    assertThat(scrollWidth()).isLessThanOrEqualTo(innerWidth());
  }

  @Test
  void onADesktopTheMenuButtonIsHiddenAndTheGroupsShow() {
    signIn(world.user("ivy", agency, Role.INVESTIGATOR));
    assertThat(browser.findElement(By.cssSelector(".site-nav__toggle")).isDisplayed()).isFalse();
    assertThat(summary("Intelligence").isDisplayed()).isTrue();
    assertThat(browser.findElement(By.cssSelector("nav.site-nav")).getSize().getHeight())
        .isLessThanOrEqualTo(56);
  }

  @Test
  void noMainListPageIsWiderThanAPhone() {
    String investigator = world.user("ivy", agency, Role.INVESTIGATOR, Role.SUPERVISOR);
    AccessContext author = world.as(investigator, Channel.API);
    seizure(author, "NAV-" + world.suffix() + " a long narrative place name", Tlp.AMBER);
    signIn(investigator);
    statePurpose("/seizures");
    width(PHONE);
    var tooWide = new ArrayList<String>();
    for (String page :
        List.of(
            "/",
            "/intel",
            "/releases",
            "/exchange/notices",
            "/exchange/incidents",
            "/registry/compliance",
            "/seizures",
            "/alerts",
            "/resolution/subjects",
            "/resolution/alerts",
            "/resolution/operations",
            "/resolution/red-flags",
            "/substances/screenings",
            "/grants")) {
      browser.get(url(page));
      if (scrollWidth() > innerWidth()) {
        tooWide.add(page + " is " + scrollWidth() + " px wide");
      }
    }
    signIn(world.user("adm", agency, Role.ADMINISTRATOR));
    for (String page : List.of("/admin/agencies", "/admin/users", "/substances/designations")) {
      browser.get(url(page));
      if (scrollWidth() > innerWidth()) {
        tooWide.add(page + " is " + scrollWidth() + " px wide");
      }
    }
    signIn(world.user("aud", agency, Role.AUDITOR));
    for (String page : List.of("/audit", "/ledger")) {
      browser.get(url(page));
      if (scrollWidth() > innerWidth()) {
        tooWide.add(page + " is " + scrollWidth() + " px wide");
      }
    }
    assertThat(tooWide).isEmpty();
  }

  @Test
  void theHomePageCountsOnlyAlertsTheUserMayReadAndNothingOfAnotherAgency() {
    String other = world.agency("OTH", AgencyKind.FEDERAL, "USA");
    String reader = world.user("reader", agency, Role.INVESTIGATOR);
    AccessContext otherAuthor =
        world.as(world.user("author", other, Role.INVESTIGATOR), Channel.API);
    String token = "home" + world.suffix();
    String green = seizure(otherAuthor, token + " green", Tlp.GREEN);
    String red = seizure(otherAuthor, token + " red", Tlp.RED);
    alert(otherAuthor, agency, green, token + " readable alert");
    alert(otherAuthor, agency, red, token + " alert from a RED seizure");
    alert(otherAuthor, other, green, token + " alert to another agency");

    signIn(reader);
    width(PHONE);
    browser.get(url("/"));

    WebElement openAlerts = workItem("Open alerts");
    assertThat(count(openAlerts)).isEqualTo(1);
    assertThat(openAlerts.getText())
        .contains(token + " readable alert")
        .doesNotContain("RED seizure")
        .doesNotContain("another agency");
    assertThat(workItem("Open pointer alerts")).isNotNull();
    assertThat(workItem("Compliance items assigned to you")).isNotNull();
    assertThat(browser.findElements(By.id("nothing-to-do"))).isEmpty();
    assertThat(scrollWidth()).isLessThanOrEqualTo(innerWidth());

    String colleague = world.user("colleague", other, Role.INVESTIGATOR);
    signIn(colleague);
    assertThat(count(workItem("Open alerts"))).isEqualTo(1);
    assertThat(workItem("Open alerts").getText()).contains(token + " alert to another agency");
  }

  @Test
  void aRoleWithNothingToDoIsToldSoPlainly() {
    signIn(world.user("adm", agency, Role.ADMINISTRATOR));
    assertThat(browser.findElement(By.id("nothing-to-do")).getText())
        .contains("Nothing needs doing");
    assertThat(workItemTitles()).containsExactly("Your grant requests awaiting a second person");

    String partner = world.agency("MPS", AgencyKind.FOREIGN_PARTNER, "CHN");
    signIn(world.user("liaison", partner, Role.FOREIGN_LIAISON));
    assertThat(browser.findElement(By.id("nothing-to-do")).isDisplayed()).isTrue();
    assertThat(workItemTitles())
        .contains("Records released to your agency")
        .doesNotContain("Open alerts", "Compliance items assigned to you");

    String registrants = world.agency("REG", AgencyKind.REGISTRANT, "USA");
    signIn(world.user("reg", registrants, Role.REGISTRANT));
    assertThat(workItemTitles()).doesNotContain("Open alerts", "Releases to approve");
  }

  @Test
  void seizuresOnTheHomePageWaitForAStatedPurpose() {
    signIn(world.user("ivy", agency, Role.INVESTIGATOR));
    WebElement recent = workItem("Seizures since");
    assertThat(recent.getText()).contains("need a stated purpose");
  }

  // ---- helpers ------------------------------------------------------------------------------

  private String seizure(AccessContext author, String name, Tlp tlp) {
    var item =
        new SeizureDraft.SeizureItemDraft(
            "fentanyl", null, "pills", null, null, null, null, "100", null, null, null, null, null);
    return seizures
        .report(
            author,
            new SeizureDraft(
                null,
                LocalDateTime.now(ZoneOffset.UTC).minusHours(2).withNano(0).toString(),
                "UTC",
                "INTERIOR",
                null,
                "VT",
                null,
                null,
                null,
                name,
                new Marking(author.caller().agency(), tlp, "LEI", false, null, null),
                List.of(item),
                List.of(),
                List.of()))
        .seizure()
        .id();
  }

  private void alert(AccessContext raiser, String recipient, String seizureId, String title) {
    alerts.raise(
        raiser,
        recipient,
        "TEST",
        "seizure",
        seizureId,
        title,
        "home page count check",
        derivations.derive(
            raiser, DerivedMarking.Source.of(org.presstrace.seizures.Seizures.KIND, seizureId)),
        null);
  }

  private List<String> groups() {
    return browser.findElements(By.cssSelector("nav.site-nav .site-nav__group summary")).stream()
        .map(summary -> summary.getAttribute("textContent").strip())
        .toList();
  }

  private List<String> links(String group) {
    return summary(group).findElements(By.xpath("../ul//a")).stream()
        .map(link -> link.getAttribute("textContent").strip())
        .toList();
  }

  private WebElement summary(String group) {
    return browser.findElement(
        By.xpath("//nav[@aria-label='Main']//summary[normalize-space(.)='" + group + "']"));
  }

  private WebElement link(String label) {
    return browser.findElement(
        By.xpath("//nav[@aria-label='Main']//a[normalize-space(.)='" + label + "']"));
  }

  private WebElement workItem(String titleStart) {
    return browser.findElement(
        By.xpath("//ul[@id='work']/li[starts-with(@data-title, '" + titleStart + "')]"));
  }

  private List<String> workItemTitles() {
    return browser.findElements(By.cssSelector("#work > li")).stream()
        .map(item -> item.getAttribute("data-title"))
        .toList();
  }

  private static long count(WebElement item) {
    return Long.parseLong(item.findElement(By.cssSelector(".work-count")).getText().strip());
  }

  private void focus(WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].focus();", element);
  }

  private long scrollWidth() {
    return ((Number)
            ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth;"))
        .longValue();
  }

  private long innerWidth() {
    return ((Number) ((JavascriptExecutor) browser).executeScript("return window.innerWidth;"))
        .longValue();
  }

  private void width(int pixels) {
    browser.manage().window().setSize(new Dimension(pixels, 900));
  }

  private void statePurpose(String page) {
    browser.get(url(page));
    statePurposeIfAsked();
  }
}
