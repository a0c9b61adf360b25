package org.presstrace.seizures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Marking;
import org.presstrace.access.Purpose;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.shared.PageQuery;
import org.presstrace.substances.ControlListChanged;
import org.presstrace.substances.DesignationView;
import org.presstrace.substances.Designations;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Re-screening of recorded seizure items when a designation changes a list, as Spring Modulith
 * scenarios: a designation is the stimulus, the published {@code ControlListChanged} reaches the
 * seizures module after commit, and each test waits for the state change it brings. The new verdict
 * is stored on the item, its owning agency gets one alert per item, substance and designation, no
 * other agency sees it, a second delivery adds nothing, and an item that already named the
 * substance raises nothing.
 */
@PressTraceIntegrationTest
@EnableScenarios
@RecordApplicationEvents
class SeizureRescreeningIntegrationTests {

  static final String PURPOSE = "Case 2026-SZ-0042";
  static final Duration WAIT = Duration.ofSeconds(20);

  @Autowired Seizures seizures;
  @Autowired Alerts alerts;
  @Autowired Designations designations;
  @Autowired ItemRescreening rescreening;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;
  @Autowired ApplicationEvents events;

  World world;
  String cbp;
  AccessContext asCbp;
  AccessContext asAdmin;
  String otherInvestigator;
  AccessContext asOther;
  String name;

  @BeforeEach
  void setUp() {
    world = new World(directory);
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    cbp = world.agency("CBP", AgencyKind.FEDERAL, "USA");
    asCbp = world.as(world.user("officer", cbp, Role.INVESTIGATOR, Role.ANALYST), Channel.API);
    asAdmin =
        world.as(world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.API);
    String hsi = world.agency("HSI", AgencyKind.FEDERAL, "USA");
    otherInvestigator = world.user("agent", hsi, Role.INVESTIGATOR, Role.ANALYST);
    asOther = world.as(otherInvestigator, Channel.API);
    name = madeUpName(world.suffix());
  }

  /**
   * A substance name of this test alone: made-up syllables drawn from {@code suffix}, with no stem
   * in common with other tests' names, so no screening of another test's name finds it.
   */
  static String madeUpName(String suffix) {
    String[] syllables = {
      "ka", "lo", "mi", "ru", "te", "vo", "zan", "qui", "bel", "dor", "fen", "gul", "hix", "jor",
      "pem", "sol"
    };
    var name = new StringBuilder("Zy");
    long n = Math.floorMod((long) suffix.hashCode() * 2_654_435_761L, 1L << 40);
    for (int i = 0; i < 9; i++) {
      name.append(syllables[(int) (n % 16)]);
      n /= 16;
    }
    return name.toString();
  }

  @Test
  void aDesignationScreensRecordedItemsAgainAfterItCommits(Scenario scenario) {
    String seizure = report(item(name, "powder", "2"));
    assertThat(items(seizure).get(0).screenStatus()).isEqualTo("NOT_LISTED");

    scenario
        .stimulate(() -> designate("CHN", SUPPLEMENTARY, "non-medical NPS", "2026-03-01"))
        .andWaitAtMost(WAIT)
        .andWaitForStateChange(() -> items(seizure).get(0).screenStatus(), "LISTED"::equals)
        .andVerify(
            (status, applied) -> {
              assertThat(
                      events.stream(ControlListChanged.class)
                          .filter(e -> e.designationId().equals(applied.id())))
                  .singleElement()
                  .satisfies(e -> assertThat(e.jurisdiction()).isEqualTo("CHN"));
              assertThat(items(seizure).get(0).substanceName()).isEqualTo(name);
              assertThat(newlyControlled(asCbp))
                  .singleElement()
                  .satisfies(alert -> assertThat(alert.subjectId()).isEqualTo(seizure));
            });
  }

  @Test
  void anItemThatANewDesignationControlsRaisesOneAlertToItsAgencyOnly(Scenario scenario)
      throws Exception {
    String seizure = report(item(name, "powder", "2"), item("fentanyl", "powder", "1"));
    assertThat(items(seizure).get(0).screenStatus()).isEqualTo("NOT_LISTED");
    assertThat(items(seizure).get(0).best()).isNull();

    DesignationView applied =
        designateAndAwaitRescreening(
            scenario, "CHN", SUPPLEMENTARY, "non-medical NPS", "2026-03-01");

    List<Alert> raised = newlyControlled(asCbp);
    assertThat(raised).singleElement();
    Alert alert = raised.get(0);
    String reference = seizures.get(purpose(asCbp), seizure).seizure().reference();
    assertThat(alert.recipientAgency()).isEqualTo(cbp);
    assertThat(alert.subjectKind()).isEqualTo("seizure");
    assertThat(alert.subjectId()).isEqualTo(seizure);
    assertThat(alert.title()).contains(reference).contains("item 1");
    assertThat(alert.message())
        .contains("Item 1 of seizure " + reference)
        .contains("now screens as " + name)
        .contains("controlled in CHN under " + SUPPLEMENTARY + " (non-medical NPS)")
        .contains("from 2026-03-01");

    SeizureDetail.Item rescreened = items(seizure).get(0);
    assertThat(rescreened.screenStatus()).isEqualTo("LISTED");
    assertThat(rescreened.substanceName()).isEqualTo(name);
    assertThat(rescreened.family()).isEqualTo("fentanyl");
    assertThat(rescreened.best()).isNotNull();
    assertThat(rescreened.best().method()).isEqualTo(DoseMethod.ASSUMED_PURITY);
    assertThat(items(seizure).get(1).substanceName()).isEqualTo("fentanyl");

    assertThat(newlyControlled(asOther)).isEmpty();
    mvc.perform(
            get("/api/v1/alerts/" + alert.id()).with(httpBasic(otherInvestigator, World.PASSWORD)))
        .andExpect(status().isNotFound());

    ControlListChanged event =
        events.stream(ControlListChanged.class)
            .filter(e -> e.designationId().equals(applied.id()))
            .findFirst()
            .orElseThrow();
    ItemRescreening target = AopTestUtils.getUltimateTargetObject(rescreening);
    target.on(event);
    target.on(event);
    assertThat(newlyControlled(asCbp)).singleElement().isEqualTo(alert);
    assertThat(
            jdbc.sql(
                    "SELECT alert_id FROM seizure_item_alert WHERE seizure_id = :s"
                        + " AND designation_id = :d")
                .param("s", seizure)
                .param("d", applied.id())
                .query(String.class)
                .list())
        .containsExactly(alert.id());
  }

  @Test
  void anItemThatAlreadyNamedTheSubstanceRaisesNoNewAlert(Scenario scenario) {
    String earlier = report(item(name, "liquid", "3"));
    designateAndAwaitRescreening(scenario, "CHN", SUPPLEMENTARY, "non-medical NPS", "2026-03-01");
    assertThat(newlyControlled(asCbp)).hasSize(1);

    String later = report(item(name.toUpperCase(Locale.ROOT) + " HCl", "powder", "1"));
    assertThat(items(later).get(0).substanceName()).isEqualTo(name);

    designateAndAwaitRescreening(scenario, "USA", "CSA", "Schedule I", "2026-04-01");
    assertThat(newlyControlled(asCbp)).hasSize(1);
    assertThat(items(earlier).get(0).substanceName()).isEqualTo(name);
  }

  static final String SUPPLEMENTARY =
      "Non-medical narcotic and psychotropic substances (supplementary list)";

  private DesignationView designate(
      String jurisdiction, String instrument, String category, String effective) {
    return designations.apply(
        asAdmin,
        """
        {"jurisdiction": "%s", "instrument": "%s", "category": "%s", "effective": "%s",
         "source": "Test announcement %s %s", "substances": [{"name": "%s", "family": "fentanyl"}]}
        """
            .formatted(
                jurisdiction, instrument, category, effective, world.suffix(), jurisdiction, name),
        "json");
  }

  /**
   * Applies a designation as the stimulus of {@code scenario} and waits (at most {@link #WAIT})
   * until the seizure re-screening of the list change it published has completed, whether or not it
   * changed anything.
   */
  private DesignationView designateAndAwaitRescreening(
      Scenario scenario,
      String jurisdiction,
      String instrument,
      String category,
      String effective) {
    var applied = new AtomicReference<DesignationView>();
    scenario
        .stimulate(
            () ->
                applied.updateAndGet(
                    none -> designate(jurisdiction, instrument, category, effective)))
        .andWaitAtMost(WAIT)
        .andWaitForStateChange(() -> rescreeningCompleted(applied.get()), Boolean::booleanValue)
        .andVerify(completed -> assertThat(completed).isTrue());
    return applied.get();
  }

  /** Whether the re-screening listener completed its run for {@code designation}'s list change. */
  private boolean rescreeningCompleted(DesignationView designation) {
    return jdbc.sql(
                """
                SELECT COUNT(*) FROM event_publication
                WHERE listener_id LIKE '%ItemRescreening%' AND completion_date IS NOT NULL
                  AND serialized_event LIKE :id
                """)
            .param("id", "%" + designation.id() + "%")
            .query(Long.class)
            .single()
        > 0;
  }

  private List<Alert> newlyControlled(AccessContext context) {
    return alerts.page(context, "all", PageQuery.of(0, 100)).items().stream()
        .filter(a -> a.kind().equals(ItemRescreening.ALERT_KIND))
        .toList();
  }

  private List<SeizureDetail.Item> items(String seizure) {
    return seizures.get(purpose(asCbp), seizure).items();
  }

  private static AccessContext purpose(AccessContext context) {
    return new AccessContext(context.caller(), context.channel(), new Purpose(PURPOSE));
  }

  private static SeizureDraft.SeizureItemDraft item(String substance, String form, String kg) {
    return new SeizureDraft.SeizureItemDraft(
        substance, null, form, kg, "kg", null, null, null, null, null, null, null, null);
  }

  private String report(SeizureDraft.SeizureItemDraft... items) {
    var draft =
        new SeizureDraft(
            null,
            LocalDateTime.now(ZoneOffset.UTC)
                .minusHours(1)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString(),
            "UTC",
            "INTERIOR",
            null,
            "AZ",
            null,
            null,
            null,
            null,
            Marking.of(cbp, Tlp.AMBER),
            List.of(items),
            List.of(),
            List.of());
    return seizures.report(purpose(asCbp), draft).seizure().id();
  }
}
