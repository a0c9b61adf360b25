package org.presstrace.web;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.presstrace.support.Chromium;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One headless Chromium per test class on the application's random port: started before the class's
 * tests, closed after them, with the steps every page test takes (signing in, stating a purpose,
 * waiting for the menu).
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ChromiumPages {

  static final Duration WAIT = Duration.ofSeconds(20);

  @LocalServerPort int port;

  Chromium chromium;
  WebDriver browser;

  /** The window's height in CSS pixels; its width is 1280. */
  int windowHeight() {
    return 1024;
  }

  @BeforeAll
  void startChromium() throws IOException {
    chromium = Chromium.start(1280, windowHeight());
    browser = chromium.browser();
  }

  @AfterAll
  void stopChromium() throws IOException {
    if (chromium != null) {
      chromium.close();
    }
  }

  /** Fills in the sign-in form and sends it, without waiting for what answers. */
  void submitSignIn(String username, String password) {
    browser.get(url("/login"));
    browser.findElement(By.id("username")).sendKeys(username);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.cssSelector("#main form button[type=submit]")).click();
  }

  /** Waits until a page with the site's menu, which only a signed-in user sees, is shown. */
  void awaitMenu() {
    new WebDriverWait(browser, WAIT)
        .ignoring(StaleElementReferenceException.class)
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav.site-nav")));
  }

  /** States {@code purpose} if the page shown asks for one, and waits until it is accepted. */
  void statePurposeIfAsked(String purpose) {
    if (!browser.findElements(By.id("purpose-heading")).isEmpty()) {
      browser.findElement(By.id("purpose")).sendKeys(purpose);
      browser.findElement(By.cssSelector("#main form[action$='/purpose'] button")).click();
      new WebDriverWait(browser, WAIT)
          .until(driver -> driver.findElements(By.id("purpose-heading")).isEmpty());
    }
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }
}
