package org.presstrace.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * HTTP Basic with the cache of verified credentials: whatever the cache holds, a changed password,
 * a lockout or a disabled account takes effect on the next request.
 */
@PressTraceIntegrationTest
class VerifiedCredentialsIntegrationTests {

  private static final String NEW_PASSWORD = "a-new-and-longer-passphrase";

  @Autowired MockMvcTester mvc;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;

  private World world;
  private String agency;
  private String investigator;

  @BeforeEach
  void setUp() {
    world = new World(directory);
    agency = world.agency("FED", AgencyKind.FEDERAL, "USA");
    investigator = world.user("investigator", agency, Role.INVESTIGATOR);
  }

  @Test
  void oldPasswordIsRefusedAtOnceAfterAPasswordChange() {
    assertThat(agencies(investigator, World.PASSWORD)).hasStatusOk();
    assertThat(agencies(investigator, World.PASSWORD)).hasStatusOk();

    assertThat(changePassword(World.PASSWORD, NEW_PASSWORD)).hasStatus(HttpStatus.NO_CONTENT);

    assertThat(agencies(investigator, World.PASSWORD)).hasStatus(HttpStatus.UNAUTHORIZED);
    assertThat(agencies(investigator, NEW_PASSWORD)).hasStatusOk();
  }

  @Test
  void passwordChangeNeedsTheCurrentPasswordAndALongEnoughNewOne() {
    assertThat(changePassword("not-the-current-one", NEW_PASSWORD))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .bodyText()
        .contains("currentPassword");
    assertThat(changePassword(World.PASSWORD, "short"))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .bodyText()
        .contains("newPassword");

    assertThat(agencies(investigator, World.PASSWORD)).hasStatusOk();
    assertThat(agencies(investigator, NEW_PASSWORD)).hasStatus(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void cachedCredentialsDoNotPassASignInDelay() {
    assertThat(agencies(investigator, World.PASSWORD)).hasStatusOk();

    for (int i = 0; i < 5; i++) {
      assertThat(agencies(investigator, "wrong password " + i)).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    assertThat(agencies(investigator, World.PASSWORD)).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
  }

  @Test
  void disabledUsersCachedCredentialsStopWorking() {
    String administrator = world.user("admin", agency, Role.ADMINISTRATOR);
    assertThat(agencies(investigator, World.PASSWORD)).hasStatusOk();

    assertThat(
            mvc.post()
                .uri("/api/v1/users/{u}/disable", investigator)
                .with(httpBasic(administrator, World.PASSWORD)))
        .hasStatusOk();

    assertThat(agencies(investigator, World.PASSWORD)).hasStatus(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aWrongPasswordIsRefusedEvenRightAfterTheRightOne() {
    assertThat(agencies(investigator, World.PASSWORD)).hasStatusOk();

    assertThat(agencies(investigator, World.PASSWORD + "x")).hasStatus(HttpStatus.UNAUTHORIZED);
    assertThat(agencies(investigator, "")).hasStatus(HttpStatus.UNAUTHORIZED);
  }

  private MvcTestResult changePassword(String current, String replacement) {
    return mvc.put()
        .uri("/api/v1/account/password")
        .with(httpBasic(investigator, World.PASSWORD))
        .contentType(MediaType.APPLICATION_JSON)
        .content(
            "{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + replacement + "\"}")
        .exchange();
  }

  private MvcTestResult agencies(String username, String password) {
    return mvc.get().uri("/api/v1/agencies").with(httpBasic(username, password)).exchange();
  }
}
