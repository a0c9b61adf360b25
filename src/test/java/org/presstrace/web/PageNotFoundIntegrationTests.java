package org.presstrace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Purpose;
import org.presstrace.access.Role;
import org.presstrace.registry.NewRegistrant;
import org.presstrace.registry.RegistrantCategory;
import org.presstrace.registry.Registry;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A page asked for a record that is hidden from the reader, absent, or named by a malformed id
 * answers with the 404 page, the same for all three so that the answer tells nothing of which, and
 * logs no stack trace: the fault is the client's, not the server's.
 */
@PressTraceIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PageNotFoundIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired Registry registry;

  private MvcResult page(String path, Role role) throws Exception {
    var world = new World(directory);
    String name = world.user("reader", world.agency("PNF", AgencyKind.FEDERAL, "USA"), role);
    return page(path, name, role);
  }

  private MvcResult page(String path, String name, Role role) throws Exception {
    return mvc.perform(
            get(path)
                .with(user(name).roles(role.name()))
                .sessionAttr(Purpose.SESSION_ATTRIBUTE, new Purpose("Case 2026-041 review")))
        .andReturn();
  }

  private static void assertNotFoundPage(MvcResult result, CapturedOutput output) throws Exception {
    assertThat(result.getResponse().getStatus()).isEqualTo(404);
    assertThat(result.getResponse().getContentAsString())
        .contains("There is nothing here that you may see")
        .doesNotContain("Exception");
    assertThat(output.getAll()).doesNotContain("\tat org.presstrace").doesNotContain(" ERROR ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/intel/", "/seizures/"})
  void anAbsentRecordIsTheNotFoundPage(String prefix, CapturedOutput output) throws Exception {
    assertNotFoundPage(page(prefix + UUID.randomUUID(), Role.ANALYST), output);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/intel/not-a-uuid", "/intel/12345"})
  void aMalformedIdIsTheNotFoundPage(String path, CapturedOutput output) throws Exception {
    assertNotFoundPage(page(path, Role.ANALYST), output);
  }

  @Test
  void anAbsentTransactionReportIsTheNotFoundPage(CapturedOutput output) throws Exception {
    var world = new World(directory);
    directory.ensureAgency(directory.operatorAgency(), "Operations", AgencyKind.FEDERAL, "USA");
    var admin =
        world.as(
            world.user("opadmin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.API);
    var dealer =
        registry.register(
            admin,
            new NewRegistrant(
                "Page Dealers " + world.suffix(),
                null,
                RegistrantCategory.DEALER,
                null,
                "1 Press Way",
                null,
                "USA"));
    registry.activate(admin, dealer.id(), "inspection passed");
    String clerk = world.user("clerk", dealer.agencyCode(), Role.REGISTRANT);
    assertNotFoundPage(
        page("/registry/transaction-reports/" + UUID.randomUUID(), clerk, Role.REGISTRANT), output);
    assertNotFoundPage(
        page("/registry/transaction-reports/not-an-id", clerk, Role.REGISTRANT), output);
  }

  /** No page takes the path at all: the error dispatch renders the page (see ErrorAnswers). */
  @Test
  void aPathNoPageTakesIsNotFound() throws Exception {
    assertThat(page("/seizures/zzzz", Role.ANALYST).getResponse().getStatus()).isEqualTo(404);
  }
}
