package org.presstrace.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.presstrace.access.AccessContext;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Marking;
import org.presstrace.access.NewUser;
import org.presstrace.access.Purpose;
import org.presstrace.access.Releases;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.seizures.FiscalYear;
import org.presstrace.seizures.SeizureDraft;
import org.presstrace.seizures.SeizureDraft.SeizureItemDraft;
import org.presstrace.seizures.Seizures;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * About 3,000 synthetic seizures over three fiscal years, reported by CBP (mostly at southwest
 * ports of entry), DEA (interior) and Texas DPS: mostly fentanyl pills and powder, some
 * methamphetamine and precursors, more in spring and summer and rising year on year; a few with
 * presses (one of them the demo's stolen press). Some are released to other agencies, most are not.
 * Loaded through the seizures module's bulk import, one transaction per agency.
 */
@Component
@ConditionalOnProperty(name = "presstrace.demo.enabled", havingValue = "true")
class SeizureDemo {

  /** A port or area: name, context, state, IANA zone, latitude, longitude, weight of choice. */
  private record Place(
      String port,
      String context,
      String region,
      String zone,
      double lat,
      double lon,
      int weight) {}

  private static final List<Place> CBP_PLACES =
      List.of(
          new Place("Nogales", "PORT_OF_ENTRY", "AZ", "America/Phoenix", 31.3323, -110.9381, 30),
          new Place(
              "San Ysidro", "PORT_OF_ENTRY", "CA", "America/Los_Angeles", 32.5422, -117.0297, 24),
          new Place("Lukeville", "PORT_OF_ENTRY", "AZ", "America/Phoenix", 31.8809, -112.8167, 8),
          new Place(
              "Otay Mesa", "PORT_OF_ENTRY", "CA", "America/Los_Angeles", 32.5500, -116.9386, 10),
          new Place(
              "Calexico", "PORT_OF_ENTRY", "CA", "America/Los_Angeles", 32.6785, -115.4989, 7),
          new Place("Douglas", "PORT_OF_ENTRY", "AZ", "America/Phoenix", 31.3345, -109.5603, 4),
          new Place("El Paso", "PORT_OF_ENTRY", "TX", "America/Denver", 31.7587, -106.4869, 5),
          new Place("Laredo", "PORT_OF_ENTRY", "TX", "America/Chicago", 27.5036, -99.5075, 4),
          new Place(null, "BETWEEN_PORTS", "AZ", "America/Phoenix", 31.45, -111.30, 9),
          new Place(null, "BETWEEN_PORTS", "CA", "America/Los_Angeles", 32.60, -116.50, 6),
          new Place(null, "BETWEEN_PORTS", "TX", "America/Chicago", 26.20, -98.20, 4),
          new Place(
              "JFK International Mail Facility",
              "MAIL_EXPRESS",
              "NY",
              "America/New_York",
              40.6413,
              -73.7781,
              3),
          new Place(
              "Cincinnati express hub",
              "MAIL_EXPRESS",
              "KY",
              "America/New_York",
              39.0489,
              -84.6678,
              3));

  private static final List<Place> DEA_PLACES =
      List.of(
          new Place(null, "INTERIOR", "CA", "America/Los_Angeles", 34.05, -118.24, 20),
          new Place(null, "INTERIOR", "AZ", "America/Phoenix", 33.45, -112.07, 16),
          new Place(null, "INTERIOR", "TX", "America/Chicago", 29.76, -95.37, 10),
          new Place(null, "INTERIOR", "NY", "America/New_York", 40.71, -74.01, 10),
          new Place(null, "INTERIOR", "IL", "America/Chicago", 41.88, -87.63, 7),
          new Place(null, "INTERIOR", "WA", "America/Los_Angeles", 47.61, -122.33, 6),
          new Place(null, "INTERIOR", "OH", "America/New_York", 39.96, -83.00, 5),
          new Place(null, "INTERIOR", "CO", "America/Denver", 39.74, -104.99, 5),
          new Place(null, "MAIL_EXPRESS", "CA", "America/Los_Angeles", 33.94, -118.41, 4));

  private static final List<Place> STATE_PLACES =
      List.of(
          new Place(null, "INTERIOR", "TX", "America/Chicago", 29.42, -98.49, 6),
          new Place(null, "INTERIOR", "TX", "America/Chicago", 32.78, -96.80, 4),
          new Place(null, "INTERIOR", "TX", "America/Denver", 31.76, -106.44, 3));

  private static final String[] NAMES = {
    "J. Doe", "R. Roe", "M. Example", "A. Sample", "L. Placeholder", "C. Testcase"
  };

  private final Seizures seizures;
  private final Releases releases;
  private final Directory directory;
  private final Random random = new Random(2026);
  private int serial = 100;

  SeizureDemo(Seizures seizures, Releases releases, Directory directory) {
    this.seizures = seizures;
    this.releases = releases;
    this.directory = directory;
  }

  /**
   * Loads the seizures; {@code stolenSerial} is a press the demo registry has as stolen, seized in
   * one recent CBP seizure at Nogales.
   */
  void load(String stolenSerial) {
    directory.ensureUser(
        new NewUser(
            "txdps.investigator",
            "Casey Alvarez",
            "TXDPS",
            Set.of(Role.INVESTIGATOR),
            UUID.randomUUID().toString()));
    directory.ensureUser(
        new NewUser(
            "cbp.supervisor",
            "Jordan Ellis",
            "CBP",
            Set.of(Role.SUPERVISOR),
            UUID.randomUUID().toString()));
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate start = FiscalYear.firstDay(FiscalYear.of(today) - 2);
    // Seizures up to the day before yesterday: a late hour of yesterday (UTC) in an American
    // zone can still be ahead of now just after midnight UTC, and the import refuses the future.
    LocalDate end = today.minusDays(1);
    var cbp = load("cbp.investigator", CBP_PLACES, start, end, 1_800, Tlp.AMBER, stolenSerial);
    var dea = load("dea.investigator", DEA_PLACES, start, end, 950, Tlp.AMBER, null);
    load("txdps.investigator", STATE_PLACES, start, end, 300, Tlp.GREEN, null);
    release("cbp.investigator", "cbp.supervisor", cbp, "DEA", 60);
    release("cbp.investigator", "cbp.supervisor", cbp, "TXDPS", 15);
    release("dea.investigator", "dea.supervisor", dea, "CBP", 40);
  }

  private List<String> load(
      String reporter,
      List<Place> places,
      LocalDate start,
      LocalDate end,
      int count,
      Tlp usual,
      String stolenSerial) {
    var drafts = new ArrayList<SeizureDraft>();
    long days = ChronoUnit.DAYS.between(start, end);
    while (drafts.size() < count) {
      LocalDate day = start.plusDays((long) (random.nextDouble() * days));
      double year = ChronoUnit.DAYS.between(start, day) / 365.0;
      double season = 1 + 0.35 * Math.sin(2 * Math.PI * (day.getMonthValue() - 3) / 12.0);
      if (random.nextDouble() * 1.7 * 1.6 > season * (1 + 0.3 * year)) {
        continue;
      }
      drafts.add(draft(pick(places), day, usual, null));
    }
    if (stolenSerial != null) {
      drafts.add(draft(CBP_PLACES.get(0), end.minusDays(3), Tlp.AMBER, stolenSerial));
    }
    var context = as(reporter);
    var report = seizures.importAll(context, drafts);
    if (!report.accepted()) {
      throw new IllegalStateException("demo seizures refused: " + report.problems().get(0));
    }
    var amber = new ArrayList<String>();
    for (int i = 0; i < drafts.size(); i++) {
      if (drafts.get(i).marking().tlp() == Tlp.AMBER) {
        amber.add(report.ids().get(i));
      }
    }
    return amber;
  }

  private SeizureDraft draft(Place place, LocalDate day, Tlp usual, String press) {
    var when =
        LocalDateTime.of(day, java.time.LocalTime.of(random.nextInt(24), random.nextInt(60)));
    var items = new ArrayList<SeizureItemDraft>();
    items.add(item());
    if (random.nextDouble() < 0.06) {
      items.add(item());
    }
    var equipment = new ArrayList<SeizureDraft.EquipmentDraft>();
    if (press != null) {
      equipment.add(new SeizureDraft.EquipmentDraft(press, "PRESS", "rotary press in a trailer"));
    } else if (random.nextDouble() < 0.012) {
      equipment.add(
          new SeizureDraft.EquipmentDraft(
              "XP-" + day.getYear() + "-" + serial++, "PRESS", "unmarked single-punch press"));
      if (random.nextBoolean()) {
        equipment.add(new SeizureDraft.EquipmentDraft("MD-M30-" + serial++, "MOULD", "M 30 die"));
      }
    }
    var parties = new ArrayList<SeizureDraft.PartyDraft>();
    if (random.nextDouble() < 0.4) {
      parties.add(
          new SeizureDraft.PartyDraft(
              "PERSON", NAMES[random.nextInt(NAMES.length)], null, "driver", null));
      parties.add(
          new SeizureDraft.PartyDraft(
              "VEHICLE",
              "Plate "
                  + place.region()
                  + " "
                  + Integer.toString(100000 + random.nextInt(899999), 36).toUpperCase(Locale.ROOT),
              null,
              "conveyance",
              null));
    }
    Tlp tlp = random.nextDouble() < 0.75 ? usual : (usual == Tlp.AMBER ? Tlp.GREEN : Tlp.AMBER);
    return new SeizureDraft(
        null,
        when.toString(),
        place.zone(),
        place.context(),
        place.port(),
        place.region(),
        null,
        String.format(Locale.ROOT, "%.4f", place.lat() + random.nextGaussian() * 0.05),
        String.format(Locale.ROOT, "%.4f", place.lon() + random.nextGaussian() * 0.05),
        null,
        new Marking("-", tlp, "LEI", false, null, null),
        items,
        equipment,
        parties);
  }

  private SeizureItemDraft item() {
    double kind = random.nextDouble();
    if (kind < 0.56) {
      long pills = Math.max(10, Math.round(Math.exp(7.6 + random.nextGaussian() * 1.6)));
      pills = Math.min(pills, 600_000);
      boolean lab = random.nextDouble() < 0.4;
      double mg = Math.min(6, Math.max(0.1, 2.0 + random.nextGaussian() * 0.7));
      return new SeizureItemDraft(
          "fentanyl",
          null,
          "pills",
          decimal(pills * 0.11, 1),
          "g",
          decimal(pills * 0.118, 1),
          "g",
          Long.toString(pills),
          random.nextDouble() < 0.85 ? "M 30" : "A 215",
          random.nextDouble() < 0.85 ? "blue" : "white",
          null,
          lab ? decimal(mg, 2) : null,
          lab ? decimal(25 + random.nextDouble() * 50, 1) : null);
    }
    if (kind < 0.83) {
      double kg = Math.min(120, Math.exp(-0.8 + random.nextGaussian() * 1.4));
      boolean lab = random.nextDouble() < 0.5;
      return new SeizureItemDraft(
          "fentanyl",
          null,
          "powder",
          decimal(kg, 3),
          "kg",
          decimal(kg * 1.06, 3),
          "kg",
          null,
          null,
          null,
          lab ? decimal(6 + random.nextDouble() * 16, 1) : null,
          null,
          null);
    }
    if (kind < 0.97) {
      double lb = Math.min(900, Math.exp(1.5 + random.nextGaussian() * 1.3));
      return new SeizureItemDraft(
          "methamphetamine",
          null,
          "powder",
          decimal(lb, 2),
          "lb",
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null);
    }
    return new SeizureItemDraft(
        random.nextBoolean() ? "4-ANPP" : "NPP",
        null,
        "precursor",
        decimal(1 + random.nextDouble() * 40, 2),
        "kg",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private void release(
      String requester, String approver, List<String> amber, String target, int count) {
    var requesting = as(requester);
    var approving = as(approver);
    for (int i = 0; i < Math.min(count, amber.size()); i++) {
      String id = amber.get(amber.size() - 1 - (i * 3) % amber.size());
      try {
        var release =
            releases.request(requesting, "seizure", id, target, "Joint southwest border case");
        releases.approve(approving, release.id(), "Approved for the joint case");
      } catch (org.presstrace.shared.ConflictingState duplicate) {
        // the same record drawn twice: one release is enough
      }
    }
  }

  private Place pick(List<Place> places) {
    int total = places.stream().mapToInt(Place::weight).sum();
    int draw = random.nextInt(total);
    for (Place place : places) {
      draw -= place.weight();
      if (draw < 0) {
        return place;
      }
    }
    return places.get(0);
  }

  private static String decimal(double value, int scale) {
    return String.format(Locale.ROOT, "%." + scale + "f", value);
  }

  private AccessContext as(String username) {
    return new AccessContext(
        directory.caller(username).orElseThrow(),
        Channel.CLI,
        new Purpose("Loading the demo world"));
  }
}
