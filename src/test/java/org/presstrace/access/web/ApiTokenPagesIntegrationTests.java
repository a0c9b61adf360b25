package org.presstrace.access.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The "API tokens" pages: made from a form, shown once, refused beside the field. */
@PressTraceIntegrationTest
class ApiTokenPagesIntegrationTests {

  @Autowired MockMvcTester mvc;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;

  private String investigator;
  private String administrator;

  @BeforeEach
  void setUp() {
    World world = new World(directory);
    String agency = world.agency("FED", AgencyKind.FEDERAL, "USA");
    investigator = world.user("investigator", agency, Role.INVESTIGATOR);
    administrator = world.user("admin", agency, Role.ADMINISTRATOR);
  }

  @Test
  void aTokenMadeOnThePageIsShownOnceThenListedWithoutItsSecret() {
    MvcTestResult made =
        mvc.post()
            .uri("/account/tokens")
            .with(user(investigator))
            .with(csrf())
            .param("name", "laptop")
            .param("roles", "INVESTIGATOR")
            .param("days", "30")
            .exchange();

    assertThat(made).hasStatusOk();
    assertThat(made).bodyText().containsPattern("pt_[A-Za-z0-9_-]{43}").contains("not shown again");
    assertThat(mvc.get().uri("/account/tokens").with(user(investigator)))
        .bodyText()
        .contains("laptop")
        .doesNotContainPattern("pt_[A-Za-z0-9_-]{43}");
  }

  @Test
  void badInputIsShownBesideItsFieldAndNothingIsStored() {
    MvcTestResult refused =
        mvc.post()
            .uri("/account/tokens")
            .with(user(investigator))
            .with(csrf())
            .param("name", "laptop")
            .param("roles", "ANALYST")
            .param("days", "9999")
            .exchange();
    MvcTestResult tooLong =
        mvc.post()
            .uri("/account/tokens")
            .with(user(investigator))
            .with(csrf())
            .param("name", "laptop")
            .param("roles", "INVESTIGATOR")
            .param("days", "9999")
            .exchange();

    assertThat(refused).hasStatusOk().bodyText().contains("role analyst is not held by");
    assertThat(tooLong).hasStatusOk().bodyText().contains("days ahead");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM api_token WHERE username = :u")
                .param("u", investigator)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void onlyAdministratorsOfTheAgencySeeAUsersTokens() {
    assertThat(mvc.get().uri("/admin/users/{u}/tokens", investigator).with(user(administrator)))
        .hasStatusOk()
        .bodyText()
        .contains("API tokens of " + investigator);
    assertThat(mvc.get().uri("/admin/users/{u}/tokens", administrator).with(user(investigator)))
        .hasStatus(HttpStatus.FORBIDDEN);
  }
}
