package org.presstrace.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Marking;
import org.presstrace.access.Release;
import org.presstrace.access.Releases;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.intel.IntelReport;
import org.presstrace.intel.IntelReportDraft;
import org.presstrace.intel.IntelReports;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The release check for a message carrying a stored record: the partner reads as its foreign
 * partner agency, so an AMBER report leaves only after a supervisor approved its release to that
 * agency (four eyes), and a NOFORN one never; the message carries the record's marking.
 */
@PressTraceIntegrationTest
class PartnerOutboxIntegrationTests {

  @Autowired Directory directory;
  @Autowired Partners partners;
  @Autowired PartnerOutbox outbox;
  @Autowired IntelReports reports;
  @Autowired Releases releases;
  @Autowired JdbcClient jdbc;

  World world;
  AccessContext investigator;
  AccessContext supervisor;
  String agency;
  String partnerId;

  @BeforeEach
  void pairAPartner() throws Exception {
    world = new World(directory);
    directory.ensureAgency(directory.operatorAgency(), "Operations", AgencyKind.FEDERAL, "USA");
    AccessContext admin =
        world.as(world.user("padmin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.API);
    agency = world.agency("RDEA", AgencyKind.FEDERAL, "USA");
    investigator = world.as(world.user("rinv", agency, Role.INVESTIGATOR), Channel.API);
    supervisor = world.as(world.user("rsup", agency, Role.SUPERVISOR), Channel.API);
    partnerId = "pt-record-" + world.suffix().toLowerCase();
    String key =
        Base64.getEncoder()
            .encodeToString(
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded());
    partners.pair(
        admin,
        "{\"id\":\""
            + partnerId
            + "\",\"country\":\"CHN\",\"authority\":\"MPS\",\"baseUrl\":\"http://127.0.0.1:9\","
            + "\"publicKey\":\""
            + key
            + "\"}",
        null,
        List.of("report"));
  }

  @Test
  void anAmberReportLeavesOnlyAfterItsReleaseToThePartnerIsApproved() {
    IntelReport report =
        reports.create(
            investigator,
            new IntelReportDraft(
                "Precursor broker",
                "Shipments of 4-AP through a forwarder",
                new Marking(agency, Tlp.AMBER, "LEI", false, Marking.relTo(List.of("CHN")), null)));

    assertThatThrownBy(() -> send(report.id()))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("not released to " + partnerId.toUpperCase());
    assertThat(queued()).isZero();

    Release release =
        releases.request(
            investigator, "intel-report", report.id(), partnerId.toUpperCase(), "PEN follow-up");
    assertThatThrownBy(() -> send(report.id()))
        .as("a pending release is not a release")
        .isInstanceOf(AccessDeniedException.class);
    releases.approve(supervisor, release.id(), "agreed with the partner");

    OutgoingMessage sent = send(report.id());
    assertThat(sent.marking().tlp()).isEqualTo(Tlp.AMBER);
    assertThat(sent.marking().ownerAgency()).isEqualTo(agency);
    assertThat(queued()).isEqualTo(1);
  }

  @Test
  void aNofornReportNeverLeavesEvenWhenTheSenderTriesItsOwnMarking() {
    IntelReport report =
        reports.create(
            investigator,
            new IntelReportDraft(
                "Source reporting",
                "Do not share",
                new Marking(agency, Tlp.GREEN, "LEI", true, null, null)));
    assertThatThrownBy(() -> send(report.id()))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("NOFORN");
    assertThat(queued()).isZero();
  }

  private OutgoingMessage send(String reportId) {
    return outbox.send(
        investigator,
        partnerId,
        "report",
        "{\"report\":\"" + reportId + "\"}",
        IntelReports.KIND,
        reportId);
  }

  private long queued() {
    return jdbc.sql("SELECT COUNT(*) FROM exchange_outbox WHERE partner_id = :p")
        .param("p", partnerId)
        .query(Long.class)
        .single();
  }
}
