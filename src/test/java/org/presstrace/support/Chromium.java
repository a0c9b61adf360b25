package org.presstrace.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.util.FileSystemUtils;

/** Debian's Chromium, headless, with a profile of its own that is removed when it is closed. */
public final class Chromium implements AutoCloseable {

  private final Path profile;
  private final ChromeDriverService service;
  private final WebDriver browser;

  private Chromium(Path profile, ChromeDriverService service, WebDriver browser) {
    this.profile = profile;
    this.service = service;
    this.browser = browser;
  }

  /** A browser whose window is {@code width} by {@code height} CSS pixels. */
  public static Chromium start(int width, int height) throws IOException {
    Path profile = Files.createTempDirectory("presstrace-chromium-");
    var options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--window-size=" + width + "," + height,
        "--user-data-dir=" + profile);
    var service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
            .usingAnyFreePort()
            .build();
    WebDriver browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return new Chromium(profile, service, browser);
  }

  public WebDriver browser() {
    return browser;
  }

  @Override
  public void close() throws IOException {
    try {
      browser.quit();
    } finally {
      service.stop();
      FileSystemUtils.deleteRecursively(profile);
    }
  }
}
