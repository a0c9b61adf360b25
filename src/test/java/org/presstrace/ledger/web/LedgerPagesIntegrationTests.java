package org.presstrace.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.ledger.Ledger;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The auditor's ledger page: the signed head, one leaf with its checked proof, verification. */
@PressTraceIntegrationTest
class LedgerPagesIntegrationTests {

  @Autowired MockMvcTester mvc;
  @Autowired Directory directory;
  @Autowired Ledger ledger;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactionManager;

  World world;
  String auditor;

  @BeforeEach
  void setUp() {
    world = new World(directory);
    // Creating the agency and the user writes audit entries, so the log has leaves.
    auditor =
        world.user("auditor", world.agency("OVERSIGHT", AgencyKind.FEDERAL, "USA"), Role.AUDITOR);
    // Whatever else ran on this database, the log holds at least one leaf once integrated.
    new TransactionTemplate(transactionManager)
        .executeWithoutResult(
            status ->
                ledger.append(
                    "page-test",
                    world.suffix(),
                    "{\"type\":\"page-test\"}".getBytes(StandardCharsets.UTF_8)));
    assertThat(ledger.awaitIntegration()).isTrue();
  }

  @Test
  void anAuditorSeesTheSignedHeadAndALeafWhoseProofLeadsToIt() {
    long last = ledger.size() - 1;
    var page = mvc.get().uri("/ledger?index=" + last).with(user(auditor));

    assertThat(page)
        .hasStatusOk()
        .bodyText()
        .contains("Latest signed tree head")
        .contains(ledger.keyId())
        .contains(ledger.leaf(last).leafHash())
        .contains("The inclusion proof leads to the signed root above.");
    assertThat(viewsOfLeaf(last)).as("the view of the leaf is audited").isEqualTo(1);
  }

  @Test
  void aBadLeafNumberIsShownBesideTheFieldAndNothingIsRead() {
    assertThat(mvc.get().uri("/ledger?index=seven").with(user(auditor)))
        .hasStatusOk()
        .bodyText()
        .contains("id=\"index-error\"")
        .contains("&#39;seven&#39; is not a leaf number");
    assertThat(mvc.get().uri("/ledger?index=-1").with(user(auditor)))
        .bodyText()
        .contains("leaf -1 is not in the signed tree of");
    assertThat(mvc.get().uri("/ledger?index=999999999").with(user(auditor)))
        .bodyText()
        .contains("leaf 999999999 is not in the signed tree of");
    assertThat(viewsOfLeaf(999999999)).isZero();
  }

  @Test
  void anAuditorVerifiesTheWholeLog() {
    var verified = mvc.post().uri("/ledger/verification").with(user(auditor)).with(csrf());
    assertThat(verified).hasStatusOk().bodyText().contains("The ledger holds:");
  }

  @Test
  void nobodyButAnAuditorOpensThePage() {
    String analyst =
        world.user("analyst", world.agency("ANALYSIS", AgencyKind.FEDERAL, "USA"), Role.ANALYST);
    assertThat(mvc.get().uri("/ledger").with(user(analyst))).hasStatus(403);
    assertThat(mvc.post().uri("/ledger/verification").with(user(analyst)).with(csrf()))
        .hasStatus(403);
  }

  private long viewsOfLeaf(long index) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM audit_event WHERE kind = 'ledger-leaf' AND record_id = :id")
        .param("id", String.valueOf(index))
        .query(Long.class)
        .single();
  }
}
