package org.presstrace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.presstrace.access.Role;

/**
 * Every page each demo role reaches, on the demo world, checked by axe-core against WCAG 2.1 A and
 * AA at desktop and phone width; the skip link and the focus ring tried with the keyboard. Run with
 * {@code ./mvnw test -Pbrowser}.
 *
 * <p>The pages are the navigation's entries a role sees (a new entry is checked without a line
 * here) and the {@link #RECORD_PAGES} reached from them: add a page below an entry there.
 */
@Tag("browser")
class AccessibilityBrowserTests extends DemoWorldBrowser {

  /** WCAG 2.1 level A and AA, as axe-core tags its rules. */
  static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  /** One demo login per role, and both kinds of registrant (maker and dealer). */
  static final List<String> LOGINS =
      List.of(
          "admin",
          "auditor",
          "dea.supervisor",
          "dea.investigator",
          "dea.analyst",
          "mps.liaison",
          "acme.registrant",
          "tristate.dealer");

  static final Set<Role> CASEWORK = Set.of(Role.INVESTIGATOR, Role.ANALYST, Role.SUPERVISOR);

  /**
   * A page below a navigation entry: its path, with {@code {id}} standing for the record {@code
   * sql} finds in the demo world ({@code {agency}} in it standing for the signed-in user's agency),
   * and the roles that reach it; {@code logins}, when not empty, narrows it to those (a page only
   * some registrants have a record for).
   */
  record RecordPage(String name, String path, String sql, Set<Role> roles, Set<String> logins) {

    RecordPage(String name, String path, String sql, Set<Role> roles) {
      this(name, path, sql, roles, Set.of());
    }

    RecordPage(String name, String path, Set<Role> roles) {
      this(name, path, null, roles);
    }

    boolean reachedBy(Role role, String login) {
      return roles.contains(role) && (logins.isEmpty() || logins.contains(login));
    }
  }

  static final List<RecordPage> RECORD_PAGES =
      List.of(
          new RecordPage(
              "a report",
              "/intel/{id}",
              "SELECT id FROM intel_report WHERE title LIKE 'Precursor shipment%'",
              Set.of(Role.INVESTIGATOR, Role.ANALYST, Role.SUPERVISOR, Role.FOREIGN_LIAISON)),
          new RecordPage("the report form", "/intel/new", Set.of(Role.INVESTIGATOR)),
          new RecordPage(
              "a subject",
              "/resolution/subjects/{id}",
              "SELECT id FROM resolution_entity WHERE owner_agency = 'DEA'"
                  + " AND compartment IS NULL ORDER BY label, case_reference"
                  + " FETCH FIRST 1 ROWS ONLY",
              CASEWORK),
          new RecordPage("the subject form", "/resolution/subjects/new", Set.of(Role.INVESTIGATOR)),
          new RecordPage(
              "a seizure",
              "/seizures/{id}",
              "SELECT id FROM seizure WHERE owner_agency = 'DEA' AND compartment IS NULL"
                  + " ORDER BY reference FETCH FIRST 1 ROWS ONLY",
              CASEWORK),
          new RecordPage("the seizure form", "/seizures/new", Set.of(Role.INVESTIGATOR)),
          new RecordPage("the seizure dashboard", "/seizures/dashboard", CASEWORK),
          new RecordPage(
              "a notice",
              "/exchange/notices/{id}",
              "SELECT id FROM exchange_notice WHERE invoice = 'DEMO-INV-0001'",
              CASEWORK),
          new RecordPage("the notice form", "/exchange/notices/new", Set.of(Role.INVESTIGATOR)),
          new RecordPage("a machine's trace", "/registry/trace?q=A173-5512", CASEWORK),
          new RecordPage(
              "a substance",
              "/substances/{id}",
              "SELECT id FROM substance WHERE LOWER(name) = 'fentanyl'",
              Set.of(Role.INVESTIGATOR, Role.ANALYST, Role.SUPERVISOR, Role.ADMINISTRATOR)),
          new RecordPage(
              "a transaction report",
              "/registry/transaction-reports/{id}",
              "SELECT t.id FROM transaction_report t JOIN registrant r ON r.id = t.registrant_id"
                  + " WHERE r.agency_code = '{agency}' ORDER BY t.filed_at"
                  + " FETCH FIRST 1 ROWS ONLY",
              Set.of(Role.REGISTRANT),
              // a dealer files no export reports
              Set.of("acme.registrant")));

  /** Forms checked once more after being sent empty, with their error messages showing. */
  static final List<RecordPage> FORMS_SENT_EMPTY =
      List.of(
          new RecordPage("the report form", "/intel/new", Set.of(Role.INVESTIGATOR)),
          new RecordPage("the subject form", "/resolution/subjects/new", Set.of(Role.INVESTIGATOR)),
          new RecordPage("the seizure form", "/seizures/new", Set.of(Role.INVESTIGATOR)),
          new RecordPage("the notice form", "/exchange/notices/new", Set.of(Role.INVESTIGATOR)));

  /**
   * Runs axe-core on the page and answers its violations as lines: rule, impact, what the rule asks
   * and each offending element's selector.
   */
  private static final String RUN_AXE =
      """
      var done = arguments[arguments.length - 1];
      axe.run(document, {runOnly: {type: "tag", values: arguments[0]}, resultTypes: ["violations"]})
        .then(function (results) {
          done(results.violations.map(function (v) {
            return v.id + " (" + v.impact + "): " + v.help + " at "
              + v.nodes.map(function (n) { return n.target.join(" "); }).join(", ");
          }));
        })
        .catch(function (e) { done(["axe failed: " + e]); });
      """;

  private String axe;

  @BeforeAll
  void readAxe() throws IOException {
    String version;
    try (InputStream in =
        getClass().getResourceAsStream("/META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
      assertThat(in).as("the axe-core WebJar on the test classpath").isNotNull();
      var properties = new Properties();
      properties.load(in);
      version = properties.getProperty("version");
    }
    try (InputStream in =
        getClass()
            .getResourceAsStream(
                "/META-INF/resources/webjars/axe-core/" + version + "/axe.min.js")) {
      axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @BeforeEach
  void desktopWidth() {
    width(DESKTOP);
  }

  static Stream<String> logins() {
    return LOGINS.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("logins")
  void everyPageTheRoleReachesMeetsWcag21AaAtDesktopAndPhoneWidth(String login) {
    Role role = directory.caller(login).orElseThrow().roles().iterator().next();
    List<String> pages = pagesFor(role, login);
    var violations = new ArrayList<String>();
    for (int width : List.of(DESKTOP, PHONE)) {
      width(width);
      browser.manage().deleteAllCookies();
      violations.addAll(check("/login", login, role, width));
      signIn(login);
      for (String page : pages) {
        violations.addAll(check(page, login, role, width));
      }
      for (RecordPage form : FORMS_SENT_EMPTY) {
        if (form.reachedBy(role, login)) {
          violations.addAll(checkSentEmpty(form.path(), login, role, width));
        }
      }
    }
    assertThat(violations)
        .as(
            "WCAG 2.1 AA violations for %s (%s) on %d pages:%n%s",
            login, role, pages.size(), String.join(System.lineSeparator(), violations))
        .isEmpty();
  }

  @Test
  void axeFindsAViolationPlantedInAPage() {
    signIn("dea.investigator");
    browser.get(url("/"));
    ((JavascriptExecutor) browser)
        .executeScript(
            "var i = document.createElement('input'); i.id = 'planted';"
                + " document.getElementById('main').appendChild(i);");
    assertThat(axeViolations()).anyMatch(v -> v.startsWith("label ") && v.contains("#planted"));
  }

  @Test
  void theSkipLinkIsTheFirstThingTabReachesAndMovesFocusToTheMainContent() {
    signIn("dea.investigator");
    for (String page : List.of("/", "/intel", "/seizures/dashboard")) {
      open(page);
      ((JavascriptExecutor) browser).executeScript("document.activeElement.blur();");
      new Actions(browser).sendKeys(Keys.TAB).perform();
      WebElement first = active();
      assertThat(first.getAttribute("class")).as(page).contains("skip-link");
      assertThat(first.isDisplayed()).as("the focused skip link is shown").isTrue();
      assertThat(first.getRect().getX()).as("on screen").isGreaterThanOrEqualTo(0);

      first.sendKeys(Keys.ENTER);
      assertThat(active().getAttribute("id"))
          .as(page + ": focus after the skip link")
          .isEqualTo("main");
      new Actions(browser).sendKeys(Keys.TAB).perform();
      assertThat(
              (Boolean)
                  ((JavascriptExecutor) browser)
                      .executeScript(
                          "return document.getElementById('main')"
                              + ".contains(document.activeElement);"))
          .as(page + ": the next Tab stays in the main content")
          .isTrue();
    }
  }

  @Test
  void aLinkOrButtonFocusedByKeyboardShowsAFocusRing() {
    signIn("dea.investigator");
    open("/intel");
    ((JavascriptExecutor) browser).executeScript("document.activeElement.blur();");
    var seen = new ArrayList<String>();
    for (int i = 0; i < 15; i++) {
      new Actions(browser).sendKeys(Keys.TAB).perform();
      WebElement focused = active();
      String tag = focused.getTagName();
      if (!tag.equals("a") && !tag.equals("button")) {
        continue;
      }
      String ring =
          (String)
              ((JavascriptExecutor) browser)
                  .executeScript(
                      "var s = getComputedStyle(arguments[0]);"
                          + " return s.outlineStyle + ' ' + s.outlineWidth + ' | ' + s.boxShadow;",
                      focused);
      String what = tag + " '" + focused.getText() + "': " + ring;
      seen.add(what);
      boolean outline = !ring.startsWith("none ") && !ring.contains(" 0px |");
      boolean shadow = !ring.endsWith("| none");
      assertThat(outline || shadow).as("focus ring of " + what).isTrue();
    }
    assertThat(seen).as("links and buttons reached by Tab").hasSizeGreaterThanOrEqualTo(5);
  }

  /** The navigation's pages the role sees, then the record pages it reaches. */
  List<String> pagesFor(Role role, String login) {
    String agency = directory.caller(login).orElseThrow().agency();
    var pages = new ArrayList<String>();
    Set<String> authorities = Set.of("ROLE_" + role.name());
    for (Navigation.Item item : Navigation.ITEMS) {
      // Swagger UI is a third party's page, not one of PressTrace's templates.
      if (item.visibleTo(authorities) && !item.href().startsWith("/swagger-ui")) {
        pages.add(item.href());
      }
    }
    for (RecordPage page : RECORD_PAGES) {
      if (page.reachedBy(role, login)) {
        pages.add(
            page.sql() == null
                ? page.path()
                : page.path()
                    .replace("{id}", record(page.name(), page.sql().replace("{agency}", agency))));
      }
    }
    return pages;
  }

  private List<String> check(String page, String login, Role role, int width) {
    open(page);
    assertThat(browser.getTitle()).as(login + " reaches " + page).doesNotStartWith("Error");
    return axeViolations().stream()
        .map(v -> page + " [" + role + " " + login + ", " + width + " px] " + v)
        .toList();
  }

  /** Sends the page's main form as it is, past the browser's own checks, then runs axe. */
  private List<String> checkSentEmpty(String page, String login, Role role, int width) {
    open(page);
    ((JavascriptExecutor) browser)
        .executeScript(
            "var form = document.querySelector('#main form[method=post]');"
                + " form.noValidate = true;"
                + " form.querySelector('button[type=submit]').click();");
    new WebDriverWait(browser, WAIT)
        .until(
            driver ->
                !driver
                    .findElements(By.cssSelector(".field-error:not([hidden]), .alert--error"))
                    .isEmpty());
    return axeViolations().stream()
        .map(v -> page + " sent empty [" + role + " " + login + ", " + width + " px] " + v)
        .toList();
  }

  @SuppressWarnings("unchecked")
  private List<String> axeViolations() {
    ((JavascriptExecutor) browser).executeScript(axe);
    return (List<String>) ((JavascriptExecutor) browser).executeAsyncScript(RUN_AXE, WCAG_21_AA);
  }

  private WebElement active() {
    return browser.switchTo().activeElement();
  }
}
