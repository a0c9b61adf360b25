package org.presstrace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Screenshots of the main pages on the demo world at desktop (1280 px) and phone (390 px) width,
 * for docs/pages.md. Written only when asked:
 *
 * <pre>
 * ./mvnw -B test -Pbrowser -Dtest=ScreenshotBrowserTests -Dpresstrace.screenshots=docs/screenshots
 * </pre>
 *
 * Each is the first screen of its page, reduced to a palette of at most 256 colours (pages are flat
 * colours and text) so that the images stay small in the repository.
 */
@Tag("browser")
class ScreenshotBrowserTests extends DemoWorldBrowser {

  static final String PROPERTY = "presstrace.screenshots";

  /**
   * One screenshot: its file name, who takes it, the page, what is done there first, and the part
   * of the page shown at the top (null for the top of the page; a phone always starts at the main
   * content, below the navigation).
   */
  record Shot(String name, String login, String page, Consumer<WebDriver> prepare, String from) {

    Shot(String name, String login, String page) {
      this(name, login, page, browser -> {}, null);
    }
  }

  @Test
  void writesTheMainPagesAtDesktopAndPhoneWidthWhenAsked() throws IOException {
    String target = System.getProperty(PROPERTY);
    Assumptions.assumeTrue(
        target != null && !target.isBlank(), "screenshots are written with -D" + PROPERTY + "=DIR");
    Path folder = Files.createDirectories(Path.of(target));
    String subject =
        record(
            "the subject Derek Holloway",
            "SELECT id FROM resolution_entity WHERE label = 'Derek Holloway'");
    String notice =
        record("the demo notice", "SELECT id FROM exchange_notice WHERE invoice = 'DEMO-INV-0001'");
    List<Shot> shots =
        List.of(
            new Shot("home", "dea.investigator", "/"),
            new Shot("trace", "dea.investigator", "/registry/trace?q=A173-5512"),
            new Shot("equipment", "tristate.dealer", "/registry/equipment"),
            new Shot(
                "seizure-dashboard",
                "dea.analyst",
                "/seizures/dashboard",
                browser -> {},
                "#chart-doses"),
            new Shot("subject", "dea.investigator", "/resolution/subjects/" + subject),
            new Shot(
                "link-analysis",
                "dea.investigator",
                "/resolution/graph",
                ScreenshotBrowserTests::drawDerekHolloway,
                "#graph-results"),
            new Shot("notice", "dea.investigator", "/exchange/notices/" + notice),
            new Shot("releases", "dea.supervisor", "/releases"));

    var written = new ArrayList<Path>();
    for (int width : List.of(DESKTOP, PHONE)) {
      width(width);
      String signedIn = null;
      for (Shot shot : shots) {
        if (!shot.login().equals(signedIn)) {
          signIn(shot.login());
          signedIn = shot.login();
        }
        open(shot.page());
        assertThat(browser.getTitle()).as(shot.name()).doesNotStartWith("Error");
        shot.prepare().accept(browser);
        String from = shot.from() != null ? shot.from() : width == PHONE ? "#main" : null;
        ((JavascriptExecutor) browser)
            .executeScript(
                "var e = arguments[0] && document.querySelector(arguments[0]);"
                    + " if (document.activeElement) document.activeElement.blur();"
                    + " window.scrollTo(0, e ? e.getBoundingClientRect().top + window.scrollY - 64 : 0);",
                from);
        // two frames: charts and the graph laid out and painted after the scroll
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "var done = arguments[0];"
                    + " requestAnimationFrame(function () { requestAnimationFrame(done); });");
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Path file =
            folder.resolve(shot.name() + "-" + (width == PHONE ? "phone" : "desktop") + ".png");
        ImageIO.write(paletted(ImageIO.read(new ByteArrayInputStream(png))), "png", file.toFile());
        written.add(file);
      }
    }
    for (Path file : written) {
      BufferedImage image = ImageIO.read(file.toFile());
      assertThat(image.getWidth()).as(file.toString()).isIn(DESKTOP, PHONE);
    }
  }

  /** Searches the link analysis for Derek Holloway and draws two steps around him. */
  private static void drawDerekHolloway(WebDriver browser) {
    browser.findElement(By.id("graph-q")).sendKeys("Derek Holloway");
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("graph-k")))
        .selectByValue("2");
    browser.findElement(By.cssSelector("#graph-search button[type=submit]")).click();
    new WebDriverWait(browser, WAIT)
        .until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("#graph-results button[data-subject]")))
        .click();
    new WebDriverWait(browser, WAIT)
        .until(
            driver ->
                driver
                        .findElements(By.cssSelector("#graph-nodes tbody tr:not(.graph-empty)"))
                        .size()
                    > 1);
  }

  /**
   * The image with its 255 most used colours and every other pixel mapped to the nearest of them; a
   * page's first screen has few colours beyond its text's anti-aliasing.
   */
  static BufferedImage paletted(BufferedImage image) {
    var counts = new HashMap<Integer, Integer>();
    int w = image.getWidth();
    int h = image.getHeight();
    int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
    for (int p : pixels) {
      counts.merge(p & 0xFFFFFF, 1, Integer::sum);
    }
    int[] palette =
        counts.entrySet().stream()
            .sorted(Map.Entry.<Integer, Integer>comparingByValue(Comparator.reverseOrder()))
            .limit(255)
            .mapToInt(Map.Entry::getKey)
            .toArray();
    byte[] r = new byte[palette.length];
    byte[] g = new byte[palette.length];
    byte[] b = new byte[palette.length];
    for (int i = 0; i < palette.length; i++) {
      r[i] = (byte) (palette[i] >> 16);
      g[i] = (byte) (palette[i] >> 8);
      b[i] = (byte) palette[i];
    }
    var model = new IndexColorModel(8, palette.length, r, g, b);
    var out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, model);
    var nearest = new HashMap<Integer, Integer>();
    var raster = out.getRaster();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int rgb = pixels[y * w + x] & 0xFFFFFF;
        raster.setSample(x, y, 0, nearest.computeIfAbsent(rgb, c -> closest(c, palette)));
      }
    }
    return out;
  }

  private static int closest(int rgb, int[] palette) {
    int best = 0;
    long bestDistance = Long.MAX_VALUE;
    for (int i = 0; i < palette.length; i++) {
      int dr = ((rgb >> 16) & 0xFF) - ((palette[i] >> 16) & 0xFF);
      int dg = ((rgb >> 8) & 0xFF) - ((palette[i] >> 8) & 0xFF);
      int db = (rgb & 0xFF) - (palette[i] & 0xFF);
      long distance = 3L * dr * dr + 4L * dg * dg + 2L * db * db;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = i;
      }
    }
    return best;
  }
}
