package org.presstrace.exchange.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Marking;
import org.presstrace.access.Purpose;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.exchange.Incidents;
import org.presstrace.exchange.PartnerMessageHandler;
import org.presstrace.exchange.Partners;
import org.presstrace.exchange.ReceivedMessage;
import org.presstrace.seizures.SeizureDraft;
import org.presstrace.seizures.Seizures;
import org.presstrace.shared.CountryCode;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The incident pages on one instance: a received incident (applied by the {@code incident} handler
 * as a partner's message would be) shows its origin and marking banner to a reader inside the
 * marking and is not found for one outside it; the send form names a refusal beside the seizure
 * field and queues nothing.
 */
@PressTraceIntegrationTest
class IncidentPagesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired Partners partners;
  @Autowired Seizures seizures;
  @Autowired JdbcClient jdbc;
  @Autowired List<PartnerMessageHandler> handlers;
  @Autowired TransactionTemplate transactions;

  World world;
  String investigator;
  String agency;
  String partnerId;

  @BeforeEach
  void world() throws Exception {
    world = new World(directory);
    directory.ensureAgency(directory.operatorAgency(), "Operations", AgencyKind.FEDERAL, "USA");
    String admin = world.user("iadmin", directory.operatorAgency(), Role.ADMINISTRATOR);
    agency = world.agency("IDEA", AgencyKind.FEDERAL, "USA");
    investigator = world.user("iinv", agency, Role.INVESTIGATOR);
    partnerId = "pt-incident-" + world.suffix().toLowerCase();
    String key =
        Base64.getEncoder()
            .encodeToString(
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded());
    partners.pair(
        world.as(admin, Channel.API),
        "{\"id\":\""
            + partnerId
            + "\",\"country\":\"CHN\",\"authority\":\"Ministry of Public Security\","
            + "\"baseUrl\":\"http://127.0.0.1:9\",\"publicKey\":\""
            + key
            + "\"}",
        null,
        List.of(Incidents.INCIDENT));
  }

  @Test
  void aReceivedIncidentShowsItsOriginAndMarkingOnlyInsideTheMarking() throws Exception {
    String green = receive(Tlp.GREEN);
    String amber = receive(Tlp.AMBER);

    mvc.perform(get("/exchange/incidents/" + green).with(user(investigator).roles("INVESTIGATOR")))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("TLP:GREEN // CUI//LEI//REL TO CHN, USA"),
                        containsString("Received from partner " + partnerId + " (CHN)"),
                        containsString("M 30"))));
    mvc.perform(get("/exchange/incidents").with(user(investigator).roles("INVESTIGATOR")))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("/exchange/incidents/" + green),
                        not(containsString("/exchange/incidents/" + amber)))));
    mvc.perform(get("/exchange/incidents/" + amber).with(user(investigator).roles("INVESTIGATOR")))
        .andExpect(status().isNotFound());
  }

  @Test
  void anUnreleasedSeizureIsRefusedBesideItsFieldAndNothingIsQueued() throws Exception {
    var draft =
        new SeizureDraft(
            null,
            LocalDateTime.now(ZoneId.of("America/Phoenix"))
                .minusHours(3)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString(),
            "America/Phoenix",
            "INTERIOR",
            null,
            "AZ",
            null,
            null,
            null,
            null,
            new Marking(
                agency, Tlp.GREEN, "LEI", false, Marking.relTo(List.of("CHN", "USA")), null),
            List.of(
                new SeizureDraft.SeizureItemDraft(
                    "fentanyl",
                    null,
                    "POWDER",
                    "1",
                    "kg",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null)),
            List.of(),
            List.of());
    String seizure =
        seizures
            .report(
                new org.presstrace.access.AccessContext(
                    world.as(investigator, Channel.API).caller(),
                    Channel.API,
                    new Purpose("Incident page test")),
                draft)
            .seizure()
            .id();
    long queued = queued();

    mvc.perform(
            post("/exchange/incidents/send")
                .param("partnerId", partnerId)
                .param("seizureId", seizure)
                .sessionAttr(Purpose.SESSION_ATTRIBUTE, "Incident page test")
                .with(user(investigator).roles("INVESTIGATOR"))
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("id=\"seizureId-error\""),
                        containsString("not releasable to partner " + partnerId))));
    assertThat(queued()).isEqualTo(queued);
  }

  private String receive(Tlp tlp) {
    String sourceId = UUID.randomUUID().toString();
    String body =
        "{\"format\":\"presstrace-incident/v1\",\"sourceKind\":\"seizure\",\"sourceId\":\""
            + sourceId
            + "\",\"agency\":\"DEA\",\"reference\":\"INC-PAGE\",\"stixId\":\"incident--"
            + UUID.randomUUID()
            + "\",\"occurredAt\":\"2026-11-01T10:00-07:00\",\"zone\":\"America/Phoenix\","
            + "\"context\":\"PORT_OF_ENTRY\",\"portOfEntry\":\"Nogales\",\"region\":\"AZ\","
            + "\"place\":null,\"items\":[{\"substance\":\"fentanyl\",\"cas\":null,\"form\":\"PILLS\","
            + "\"netQuantity\":\"0.11\",\"netUnit\":\"KG\",\"pillCount\":1000,\"imprint\":\"M 30\","
            + "\"colour\":\"blue\",\"purityPct\":null,\"mgPerPill\":null,\"estimates\":[{\"method\":"
            + "\"ASSUMED_PURITY\",\"fentanylMg\":\"2300\",\"doses\":1150}]}],\"sentBy\":\"inv\"}";
    var message =
        new ReceivedMessage(
            partnerId,
            new CountryCode("CHN"),
            UUID.randomUUID().toString(),
            1,
            Incidents.INCIDENT,
            body,
            new Marking("DEA", tlp, "LEI", false, Marking.relTo(List.of("CHN", "USA")), null),
            Instant.now(),
            Instant.now());
    PartnerMessageHandler handler =
        handlers.stream()
            .filter(h -> h.type().equals(Incidents.INCIDENT))
            .findFirst()
            .orElseThrow();
    transactions.executeWithoutResult(status -> handler.receive(message));
    return jdbc.sql("SELECT id FROM exchange_incident WHERE source_id = :s")
        .param("s", sourceId)
        .query(String.class)
        .single();
  }

  private long queued() {
    return jdbc.sql("SELECT COUNT(*) FROM exchange_outbox").query(Long.class).single();
  }
}
