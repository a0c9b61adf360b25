package org.presstrace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Marking;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.casework.SubjectDraft;
import org.presstrace.casework.Subjects;
import org.presstrace.resolution.Schema;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pages as people meet them, in Chromium: what a hover does to a button's label, and a form
 * sent after the session ended. Run with {@code ./mvnw test -Pbrowser}.
 */
class PagesBrowserTests extends WorldBrowser {

  /**
   * The contrast of each visible button's label against what is behind it, as WCAG 2.1 computes it
   * (relative luminance, 1.4.3); a transparent background is the nearest painted ancestor's.
   */
  private static final String BUTTON_CONTRAST =
      """
      function rgb(text) {
        var m = text.match(/rgba?\\(([\\d.]+), ([\\d.]+), ([\\d.]+)(?:, ([\\d.]+))?\\)/);
        return m ? [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]] : [0, 0, 0, 0];
      }
      function behind(element) {
        for (var e = element; e; e = e.parentElement) {
          var c = rgb(getComputedStyle(e).backgroundColor);
          if (c[3] > 0.5) return c;
        }
        return [255, 255, 255, 1];
      }
      function luminance(c) {
        var l = c.slice(0, 3).map(function (v) {
          v = v / 255;
          return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        });
        return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
      }
      var button = arguments[0];
      var a = luminance(rgb(getComputedStyle(button).color));
      var b = luminance(behind(button));
      return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      """;

  @Autowired JdbcClient jdbc;
  @Autowired Subjects subjects;

  private String agency;
  private String investigator;

  @BeforeEach
  void noSessionStorageAndAnInvestigator() {
    ((JavascriptExecutor) browser).executeScript("sessionStorage.clear();");
    agency = world.agency("HOV", AgencyKind.FEDERAL, "USA");
    investigator = world.user("ivy", agency, Role.INVESTIGATOR);
  }

  @Test
  void everyButtonKeepsAReadableLabelAtRestAndOnHover() {
    String name = "Zhao Min " + world.suffix();
    var context = world.as(investigator, Channel.PAGE);
    String first = subject(context, name, "CASE-A-" + world.suffix());
    subject(context, name, "CASE-B-" + world.suffix());
    signIn();

    for (String path :
        List.of("/resolution/subjects/" + first, "/resolution/subjects/new", "/intel")) {
      browser.get(url(path));
      statePurposeIfAsked();
      List<WebElement> buttons =
          browser.findElements(By.cssSelector("#main .button")).stream()
              .filter(WebElement::isDisplayed)
              .toList();
      assertThat(buttons).as(path).isNotEmpty();
      for (WebElement button : buttons) {
        String label = path + " '" + button.getText() + "'";
        assertThat(contrast(button)).as(label + " at rest").isGreaterThanOrEqualTo(4.5);
        new Actions(browser).moveToElement(button).perform();
        assertThat(contrast(button)).as(label + " on hover").isGreaterThanOrEqualTo(4.5);
      }
    }
  }

  @Test
  void aFormSentAfterTheSessionEndedComesBackWithWhatWasTyped() {
    String name = "Li Na " + world.suffix();
    String reference = "END-" + world.suffix();
    signIn();
    browser.get(url("/resolution/subjects/new"));
    browser.findElement(By.id("name")).sendKeys(name);
    browser.findElement(By.id("caseReference")).sendKeys(reference);
    browser.findElement(By.id("contact")).sendKeys("SA Ortiz");

    browser.manage().deleteAllCookies();
    browser.findElement(By.cssSelector("#main form[method=post] button[type=submit]")).click();

    WebElement ended =
        new WebDriverWait(browser, WAIT)
            .until(ExpectedConditions.presenceOfElementLocated(By.id("session-ended")));
    assertThat(ended.getText()).contains("Your session ended");
    assertThat(browser.getPageSource()).doesNotContain("roles do not allow");
    browser.findElement(By.id("username")).sendKeys(investigator);
    browser.findElement(By.id("password")).sendKeys(World.PASSWORD);
    browser.findElement(By.cssSelector("#main form button[type=submit]")).click();

    new WebDriverWait(browser, WAIT)
        .until(ExpectedConditions.presenceOfElementLocated(By.id("draft-restored")));
    assertThat(browser.getCurrentUrl()).endsWith("/resolution/subjects/new");
    assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo(name);
    assertThat(browser.findElement(By.id("caseReference")).getAttribute("value"))
        .isEqualTo(reference);
    assertThat(stored(reference)).isZero();

    browser.findElement(By.cssSelector("#main form[method=post] button[type=submit]")).click();
    new WebDriverWait(browser, WAIT)
        .until(ExpectedConditions.presenceOfElementLocated(By.id("resolved-heading")));
    assertThat(stored(reference)).isEqualTo(1);
    browser.get(url("/resolution/subjects/new"));
    assertThat(browser.findElements(By.id("draft-restored")))
        .as("a draft is put back once, after signing in again, never later")
        .isEmpty();
    assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEmpty();
  }

  @Test
  void anotherPersonSigningInAfterTheSessionEndedNeverSeesWhatWasTyped() {
    String colleague = world.user("colleague", agency, Role.INVESTIGATOR);
    String name = "Secret Name " + world.suffix();
    signIn();
    browser.get(url("/resolution/subjects/new"));
    browser.findElement(By.id("name")).sendKeys(name);
    browser.manage().deleteAllCookies();
    browser.findElement(By.cssSelector("#main form[method=post] button[type=submit]")).click();
    new WebDriverWait(browser, WAIT)
        .until(ExpectedConditions.presenceOfElementLocated(By.id("session-ended")));

    browser.findElement(By.id("username")).sendKeys(colleague);
    browser.findElement(By.id("password")).sendKeys(World.PASSWORD);
    browser.findElement(By.cssSelector("#main form button[type=submit]")).click();
    new WebDriverWait(browser, WAIT)
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav.site-nav")));

    assertThat(browser.getCurrentUrl()).endsWith("/resolution/subjects/new");
    assertThat(browser.findElements(By.id("draft-restored"))).isEmpty();
    assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEmpty();
    assertThat(browser.getPageSource()).doesNotContain(name);
  }

  private double contrast(WebElement button) {
    return ((Number) ((JavascriptExecutor) browser).executeScript(BUTTON_CONTRAST, button))
        .doubleValue();
  }

  private String subject(
      org.presstrace.access.AccessContext context, String name, String reference) {
    return subjects
        .submit(
            context,
            new SubjectDraft(
                Schema.PERSON,
                Map.of("name", List.of(name), "birthDate", List.of("1981-05-06")),
                reference,
                "SA Ortiz",
                null,
                null,
                Marking.of(agency, Tlp.AMBER)))
        .subject()
        .id();
  }

  private long stored(String reference) {
    return jdbc.sql("SELECT COUNT(*) FROM resolution_entity WHERE case_reference = :reference")
        .param("reference", reference)
        .query(Long.class)
        .single();
  }

  private void signIn() {
    signIn(investigator);
  }
}
