package org.presstrace.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.presstrace.access.AccessContext;
import org.presstrace.access.Channel;
import org.presstrace.access.Marking;
import org.presstrace.access.Purpose;
import org.presstrace.access.Releases;
import org.presstrace.access.Tlp;
import org.presstrace.exchange.Incidents;
import org.presstrace.exchange.InstanceIdentity;
import org.presstrace.exchange.Notice;
import org.presstrace.exchange.NoticeDraft;
import org.presstrace.exchange.Notices;
import org.presstrace.exchange.Partners;
import org.presstrace.seizures.SeizureDraft;
import org.presstrace.seizures.Seizures;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What {@code presstrace demo --with-partner} does once both instances run: pairs them (each adds
 * the other from its pairing text, as {@code presstrace exchange pair} does, with the notice
 * message types agreed), files three pre-export notices from the United States to China, has China
 * object to one and confirm another, leaves the third awaiting its answer, waits (bounded) until
 * the answers are back, and prints both instances' URLs. Done once: a restarted demo finds the
 * pairing and only reports where the notices stand.
 */
final class DemoPartner {

  /** The partner instance's settings on top of the demo profile. */
  static final Map<String, Object> PARTNER_PROPERTIES =
      Map.of(
          "presstrace.home-country", "CHN",
          "presstrace.exchange.authority", "China National Narcotics Control Commission (demo)",
          "presstrace.demo.partner", "true");

  /** How long the demo waits for the notices and their answers to travel. */
  static final Duration TRAVEL = Duration.ofSeconds(60);

  /** The message types agreed between the two instances. */
  static final List<String> AGREED_TYPES =
      List.of(Notices.NOTICE, Notices.ANSWER, Incidents.INCIDENT);

  /** The reference of the seizure the demo releases to China and sends as an incident. */
  static final String INCIDENT_REFERENCE = "DEMO-INC-0001";

  static final String OBJECTED_INVOICE = "DEMO-INV-0001";
  static final String CONFIRMED_INVOICE = "DEMO-INV-0002";
  static final String PENDING_INVOICE = "DEMO-INV-0003";
  static final String OBJECTION =
      "The importer is not licensed for 4-piperidone and the consignee is a freight forwarder"
          + " named in an open precursor diversion case.";

  private final ConfigurableApplicationContext home;
  private final ConfigurableApplicationContext partner;
  private final Duration travel;

  DemoPartner(ConfigurableApplicationContext home, ConfigurableApplicationContext partner) {
    this(home, partner, TRAVEL);
  }

  DemoPartner(
      ConfigurableApplicationContext home,
      ConfigurableApplicationContext partner,
      Duration travel) {
    this.home = home;
    this.partner = partner;
    this.travel = travel;
  }

  /** Pairs, files, answers and waits as the class describes; prints where things stand. */
  void exchange(PrintStream out) {
    String partnerId = partner.getBean(InstanceIdentity.class).id();
    String homeId = home.getBean(InstanceIdentity.class).id();
    boolean fresh = pair(home, partner, partnerId);
    pair(partner, home, homeId);
    if (fresh) {
      fileNotices(partnerId);
      exchangeIncident(partnerId);
    }
    boolean arrived =
        await(
            () ->
                incoming(OBJECTED_INVOICE).isPresent()
                    && incoming(CONFIRMED_INVOICE).isPresent()
                    && incoming(PENDING_INVOICE).isPresent());
    if (arrived) {
      answer(OBJECTED_INVOICE, "OBJECT", OBJECTION);
      answer(CONFIRMED_INVOICE, "CONFIRM", null);
    }
    boolean answered =
        arrived
            && await(
                () ->
                    outgoing(OBJECTED_INVOICE).map(Notice::status).orElse(null)
                            == Notice.Status.OBJECTED
                        && outgoing(CONFIRMED_INVOICE).map(Notice::status).orElse(null)
                            == Notice.Status.CONFIRMED);
    announce(out, partnerId, homeId, arrived, answered);
  }

  /**
   * Adds {@code other} to {@code instance}'s partners from its pairing text, unless it is there;
   * returns whether it was added.
   */
  private static boolean pair(
      ConfigurableApplicationContext instance,
      ConfigurableApplicationContext other,
      String otherId) {
    Partners partners = instance.getBean(Partners.class);
    AccessContext admin = as(instance, "admin", "Pairing the demo instances");
    if (partners.list(admin).stream().anyMatch(p -> p.id().equals(otherId))) {
      return false;
    }
    String text = other.getBean(InstanceIdentity.class).pairing().toJson();
    partners.pair(admin, text, null, AGREED_TYPES);
    return true;
  }

  private void fileNotices(String partnerId) {
    Notices notices = home.getBean(Notices.class);
    AccessContext dea = as(home, "dea.investigator", "Filing the demo's pre-export notices");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    notices.file(
        dea,
        draft(
            partnerId,
            OBJECTED_INVOICE,
            "Midwest Fine Chemicals Inc., Gary, IN",
            "Shenzhen Huaxin Trading Co., Ltd.",
            "Pearl River Freight Forwarding Ltd., Shenzhen",
            "4-piperidone",
            "25",
            today.plusDays(10),
            today.plusDays(7)));
    notices.file(
        dea,
        draft(
            partnerId,
            CONFIRMED_INVOICE,
            "Great Lakes Reagents LLC, Chicago, IL",
            "Shanghai Pharmaceutical Research Institute",
            "Shanghai Pharmaceutical Research Institute",
            "4-piperidone",
            "2",
            today.plusDays(12),
            today.plusDays(8)));
    notices.file(
        dea,
        draft(
            partnerId,
            PENDING_INVOICE,
            "Atlantic Specialty Chemicals Corp., Newark, NJ",
            "Guangzhou Yuntai Chemical Co., Ltd.",
            "Guangzhou Yuntai Chemical Co., Ltd.",
            "4-piperidone",
            "50",
            today.plusDays(20),
            today.plusDays(14)));
  }

  /**
   * A seizure of fentanyl pills at Nogales, marked TLP:GREEN // CUI//LEI // REL TO CHN, USA,
   * released to China's agency here with four eyes (asked by the DEA investigator, approved by the
   * DEA supervisor) and sent as an incident. A failure is printed and leaves the notices alone.
   */
  private void exchangeIncident(String partnerId) {
    try {
      AccessContext investigator =
          as(home, "dea.investigator", "Reporting the seizure shared with China");
      String agency =
          home.getBean(Partners.class)
              .get(as(home, "admin", "Releasing the demo seizure to China"), partnerId)
              .agency();
      var item =
          new SeizureDraft.SeizureItemDraft(
              "fentanyl",
              null,
              "PILLS",
              "0.55",
              "kg",
              null,
              null,
              "5000",
              "M 30",
              "blue",
              null,
              null,
              null);
      var draft =
          new SeizureDraft(
              INCIDENT_REFERENCE,
              LocalDateTime.now(ZoneId.of("America/Phoenix"))
                  .minusDays(3)
                  .truncatedTo(ChronoUnit.MINUTES)
                  .toString(),
              "America/Phoenix",
              "PORT_OF_ENTRY",
              "Nogales",
              "AZ",
              "Nogales",
              "31.3322",
              "-110.9381",
              "Pills found in a vehicle's spare tyre; the precursor came by the same forwarder",
              new Marking(
                  "DEA", Tlp.GREEN, "LEI", false, Marking.relTo(List.of("CHN", "USA")), null),
              List.of(item),
              List.of(),
              List.of());
      String seizure = home.getBean(Seizures.class).report(investigator, draft).seizure().id();
      Releases releases = home.getBean(Releases.class);
      var release =
          releases.request(
              investigator,
              "seizure",
              seizure,
              agency,
              "Joint investigation of the forwarder with China's competent authority");
      releases.approve(
          as(home, "dea.supervisor", "Approving the release to China"),
          release.id(),
          "Agreed for the joint investigation");
      home.getBean(Incidents.class).send(investigator, partnerId, seizure);
    } catch (RuntimeException e) {
      System.err.println("presstrace: the demo incident was not sent: " + e.getMessage());
    }
  }

  /** Whether China's investigator sees the demo's incident. */
  private boolean incidentArrived() {
    try {
      return partner
          .getBean(Incidents.class)
          .list(as(partner, "nncc.investigator", "Reading incidents from the United States"))
          .stream()
          .anyMatch(incident -> INCIDENT_REFERENCE.equals(incident.reference()));
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static NoticeDraft draft(
      String partnerId,
      String invoice,
      String exporter,
      String importer,
      String consignee,
      String substance,
      String kilograms,
      LocalDate dispatch,
      LocalDate deadline) {
    return new NoticeDraft(
        partnerId,
        exporter,
        importer,
        consignee,
        substance,
        kilograms,
        "kg",
        kilograms.length() == 1 ? 1 : 4,
        invoice,
        "Chicago O'Hare (ORD) - Shanghai Pudong (PVG) - by road to the consignee",
        "Chicago O'Hare International Airport",
        "Shanghai Pudong International Airport",
        dispatch,
        "air",
        deadline);
  }

  private void answer(String invoice, String kind, String reason) {
    Notice notice = incoming(invoice).orElseThrow();
    if (notice.status() != Notice.Status.AWAITING_ANSWER) {
      return;
    }
    partner
        .getBean(Notices.class)
        .answer(
            as(partner, "nncc.investigator", "Answering the demo's pre-export notices"),
            notice.id(),
            kind,
            reason);
  }

  private Optional<Notice> incoming(String invoice) {
    return find(partner, "nncc.investigator", Notice.Direction.INCOMING, invoice);
  }

  private Optional<Notice> outgoing(String invoice) {
    return find(home, "dea.investigator", Notice.Direction.OUTGOING, invoice);
  }

  private static Optional<Notice> find(
      ConfigurableApplicationContext instance,
      String user,
      Notice.Direction direction,
      String invoice) {
    return instance
        .getBean(Notices.class)
        .list(as(instance, user, "Following the demo's pre-export notices"), direction)
        .stream()
        .filter(n -> n.invoice().equals(invoice))
        .findFirst();
  }

  private boolean await(Supplier<Boolean> condition) {
    long end = System.nanoTime() + travel.toNanos();
    while (true) {
      if (condition.get()) {
        return true;
      }
      if (System.nanoTime() > end) {
        return false;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  private void announce(
      PrintStream out, String partnerId, String homeId, boolean arrived, boolean answered) {
    out.println();
    out.println("PressTrace demo with partner:");
    out.println(
        "  United States  "
            + url(home)
            + "  logins above, in "
            + logins(home)
            + ", partner "
            + partnerId);
    out.println(
        "  China          "
            + url(partner)
            + "  logins above, in "
            + logins(partner)
            + ", partner "
            + homeId);
    if (!arrived) {
      out.println(
          "  The notices have not reached the partner within "
              + travel.toSeconds()
              + " s; the outbox keeps retrying (Exchange > Partners shows where it stands).");
    } else if (!answered) {
      out.println(
          "  The partner's answers have not come back within "
              + travel.toSeconds()
              + " s; the outbox keeps retrying (Exchange > Partners shows where it stands).");
    }
    for (String invoice : List.of(OBJECTED_INVOICE, CONFIRMED_INVOICE, PENDING_INVOICE)) {
      outgoing(invoice)
          .ifPresent(
              n ->
                  out.println(
                      "  Notice "
                          + invoice
                          + " ("
                          + n.quantity().toPlainString()
                          + " "
                          + n.unit()
                          + " "
                          + n.substanceName()
                          + "): "
                          + n.status()
                          + (n.status() == Notice.Status.AWAITING_ANSWER
                              ? ", answer due by " + n.responseDeadline()
                              : "")));
    }
    out.println(
        "  Incidents: "
            + (await(this::incidentArrived)
                ? "seizure "
                    + INCIDENT_REFERENCE
                    + " (5,000 fentanyl pills, Nogales) released to China and received there"
                : "seizure " + INCIDENT_REFERENCE + " sent; not received by China yet"));
    out.println();
  }

  private static String url(ConfigurableApplicationContext instance) {
    return "http://localhost:" + instance.getEnvironment().getProperty("local.server.port") + "/";
  }

  private static String logins(ConfigurableApplicationContext instance) {
    return Path.of(instance.getEnvironment().getProperty("presstrace.data-dir"))
        .resolve("demo-logins.properties")
        .toAbsolutePath()
        .toString();
  }

  private static AccessContext as(
      ConfigurableApplicationContext instance, String username, String purpose) {
    return new AccessContext(Contexts.user(instance, username), Channel.CLI, new Purpose(purpose));
  }
}
