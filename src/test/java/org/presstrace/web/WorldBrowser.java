package org.presstrace.web;

import org.junit.jupiter.api.BeforeEach;
import org.presstrace.access.Directory;
import org.presstrace.support.TestDatabase;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ContextConfiguration;

/**
 * Chromium on the test application, with a fresh {@link World} (its own agencies and users) and no
 * session before each test. The classes that extend it share one application.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "presstrace.data-dir=${java.io.tmpdir}/presstrace-test",
      "logging.level.root=WARN"
    })
@ContextConfiguration(initializers = TestDatabase.class)
abstract class WorldBrowser extends ChromiumPages {

  @Autowired Directory directory;

  World world;

  @BeforeEach
  void freshWorldAndNoSession() {
    browser.get(url("/login"));
    browser.manage().deleteAllCookies();
    world = new World(directory);
  }

  /** Signs {@code username} in with the test password, as the only user of the browser. */
  void signIn(String username) {
    browser.manage().deleteAllCookies();
    submitSignIn(username, World.PASSWORD);
    awaitMenu();
  }

  /** States a purpose naming this test's world if the page shown asks for one. */
  void statePurposeIfAsked() {
    statePurposeIfAsked("Case " + world.suffix() + " page check");
  }
}
