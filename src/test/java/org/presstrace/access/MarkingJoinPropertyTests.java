package org.presstrace.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.presstrace.shared.CountryCode;
import org.presstrace.shared.InvalidRequest;

/**
 * The join of markings, tried on random sources: whoever may read a derived record may read every
 * record it was written from. Seeded, so a failure repeats; the seed and the case are printed.
 */
class MarkingJoinPropertyTests {

  private static final CountryCode USA = new CountryCode("USA");
  private static final CountryCode CHN = new CountryCode("CHN");

  /** Agencies of every kind: two domestic, a foreign partner, a registrant organisation. */
  private static final Map<String, AgencyView> AGENCIES =
      Map.of(
          "DEA", new AgencyView("DEA", "Drug Enforcement", AgencyKind.FEDERAL, USA, null),
          "CBP", new AgencyView("CBP", "Border Protection", AgencyKind.FEDERAL, USA, null),
          "MPS", new AgencyView("MPS", "Partner police", AgencyKind.FOREIGN_PARTNER, CHN, null),
          "ACME", new AgencyView("ACME", "Acme Tablet", AgencyKind.REGISTRANT, USA, null));

  private static final List<String> AGENCY_CODES = List.of("DEA", "CBP", "MPS", "ACME");
  private static final List<String> COMPARTMENTS = List.of("OP-IRONPRESS", "OP-RIVER", "CT-7");
  private static final List<String> COUNTRIES = List.of("USA", "CHN", "GBR", "MEX");

  private final AccessPolicy policy = new AccessPolicy();

  @Test
  void nobodyReadsADerivedRecordWithoutReadingEverySource() {
    long seed = 20261206L;
    var random = new Random(seed);
    int checkedReads = 0;
    int derived = 0;
    for (int round = 0; round < 50_000; round++) {
      int n = 1 + random.nextInt(3);
      var sources = new ArrayList<Marking>();
      var releases = new ArrayList<Set<String>>();
      for (int i = 0; i < n; i++) {
        sources.add(randomMarking(random));
        releases.add(randomReleases(random));
      }
      Caller writer = randomCaller(random);
      boolean writerReadsAll = true;
      for (int i = 0; i < n; i++) {
        writerReadsAll &=
            policy
                .mayRead(writer, sources.get(i), releases.get(i).contains(writer.agency()))
                .allowed();
      }
      if (!writerReadsAll) {
        continue;
      }
      Marking join;
      try {
        join = Marking.join(sources);
      } catch (InvalidRequest tooLong) {
        continue;
      }
      Marking owned = Derivations.owned(join, writer.agency(), ownerReadsEvery(sources, releases));
      if (owned == null) {
        continue;
      }
      derived++;
      for (int r = 0; r < 30; r++) {
        Caller reader = randomCaller(random);
        if (!policy.mayRead(reader, owned, false).allowed()) {
          continue;
        }
        checkedReads++;
        for (int i = 0; i < n; i++) {
          boolean released = releases.get(i).contains(reader.agency());
          assertThat(policy.mayRead(reader, sources.get(i), released).allowed())
              .as(
                  "seed %d round %d: %s reads the join %s of %s but not source %s",
                  seed, round, reader, owned.banner(), banners(sources), sources.get(i).banner())
              .isTrue();
        }
      }
    }
    assertThat(derived).as("derived records tried").isGreaterThan(5_000);
    assertThat(checkedReads).as("reads of derived records checked").isGreaterThan(10_000);
  }

  @Test
  void joinTakesTheStrictestOfEachPart() {
    var red =
        new Marking("DEA", Tlp.RED, "INF", false, Marking.relTo(List.of("USA", "GBR")), "OP-A");
    var green = new Marking("CBP", Tlp.GREEN, "LEI", false, Marking.relTo(List.of("USA")), "OP-B");
    Marking join = Marking.join(List.of(green, red));
    assertThat(join.tlp()).isEqualTo(Tlp.RED);
    assertThat(join.ownerAgency()).isEqualTo("DEA");
    assertThat(join.cuiCategory()).isEqualTo("INF");
    assertThat(join.relTo()).containsExactly(USA);
    assertThat(join.compartment()).isEqualTo("OP-A+OP-B");
    assertThat(join.compartments()).containsExactly("OP-A", "OP-B");
  }

  @Test
  void disjointRelToListsKeepTheJoinWithItsOwner() {
    var toChina = new Marking("DEA", Tlp.GREEN, "LEI", false, Marking.relTo(List.of("CHN")), null);
    var toMexico = new Marking("DEA", Tlp.GREEN, "LEI", false, Marking.relTo(List.of("MEX")), null);
    Marking join = Marking.join(List.of(toChina, toMexico));
    assertThat(join.noforn()).isTrue();
    assertThat(join.relTo()).isEmpty();
    assertThat(join.tlp()).isEqualTo(Tlp.AMBER_STRICT);
  }

  @Test
  void nofornFromAnySourceSurvivesTheJoin() {
    var noforn = new Marking("DEA", Tlp.CLEAR, "LEI", true, null, null);
    var clear = Marking.of("DEA", Tlp.CLEAR);
    assertThat(Marking.join(List.of(clear, noforn)).noforn()).isTrue();
  }

  @Test
  void compartmentedReaderNeedsEveryPartOfACompoundCompartment() {
    var compound = new Marking("DEA", Tlp.AMBER, null, false, null, "OP-B+OP-A");
    assertThat(compound.compartment()).isEqualTo("OP-A+OP-B");
    var inOne =
        new Caller("a", "DEA", AgencyKind.FEDERAL, USA, Set.of(Role.INVESTIGATOR), Set.of("OP-A"));
    var inBoth =
        new Caller(
            "b", "DEA", AgencyKind.FEDERAL, USA, Set.of(Role.INVESTIGATOR), Set.of("OP-A", "OP-B"));
    assertThat(policy.mayRead(inOne, compound, false).allowed()).isFalse();
    assertThat(policy.mayRead(inBoth, compound, false).allowed()).isTrue();
    assertThat(AccessPolicy.admittedCompartmentCodes(Set.of("OP-A"))).doesNotContain("OP-A+OP-B");
    assertThat(AccessPolicy.admittedCompartmentCodes(Set.of("OP-A", "OP-B")))
        .contains("OP-A", "OP-B", "OP-A+OP-B");
    assertThat(AccessPolicy.admittedCompartmentCodes(Set.of("OP-A+OP-B")))
        .as("a literal membership of a compound code admits nothing")
        .isEmpty();
  }

  @Test
  void aJoinNeedsASource() {
    assertThatThrownBy(() -> Marking.join(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * As {@link Derivations}: an ordinary member of the candidate owner, in the join's compartments.
   */
  private Predicate<Marking> ownerReadsEvery(List<Marking> sources, List<Set<String>> releases) {
    return candidate -> {
      AgencyView agency = AGENCIES.get(candidate.ownerAgency());
      if (agency == null) {
        return false;
      }
      Role role =
          switch (agency.kind()) {
            case REGISTRANT -> Role.REGISTRANT;
            case FOREIGN_PARTNER -> Role.FOREIGN_LIAISON;
            default -> Role.INVESTIGATOR;
          };
      var member =
          new Caller(
              "-",
              agency.code(),
              agency.kind(),
              agency.country(),
              Set.of(role),
              candidate.compartments());
      for (int i = 0; i < sources.size(); i++) {
        boolean released = releases.get(i).contains(agency.code());
        if (!policy.mayRead(member, sources.get(i), released).allowed()) {
          return false;
        }
      }
      return true;
    };
  }

  private static Marking randomMarking(Random random) {
    String owner = AGENCY_CODES.get(random.nextInt(AGENCY_CODES.size()));
    Tlp tlp = Tlp.values()[random.nextInt(Tlp.values().length)];
    String cui =
        random.nextInt(3) == 0 ? null : List.of("LEI", "INF", "PRVCY").get(random.nextInt(3));
    boolean noforn = false;
    var relTo = new TreeSet<CountryCode>();
    if (cui != null) {
      int dissemination = random.nextInt(3);
      if (dissemination == 1) {
        noforn = true;
      } else if (dissemination == 2) {
        for (String country : COUNTRIES) {
          if (random.nextBoolean()) {
            relTo.add(new CountryCode(country));
          }
        }
      }
    }
    String compartment =
        random.nextInt(3) == 0 ? COMPARTMENTS.get(random.nextInt(COMPARTMENTS.size())) : null;
    return new Marking(owner, tlp, cui, noforn, relTo, compartment);
  }

  private static Set<String> randomReleases(Random random) {
    var released = new TreeSet<String>();
    for (String agency : AGENCY_CODES) {
      if (random.nextInt(4) == 0) {
        released.add(agency);
      }
    }
    return released;
  }

  private static Caller randomCaller(Random random) {
    AgencyView agency = AGENCIES.get(AGENCY_CODES.get(random.nextInt(AGENCY_CODES.size())));
    Set<Role> roles =
        switch (agency.kind()) {
          case REGISTRANT -> Set.of(Role.REGISTRANT);
          case FOREIGN_PARTNER -> Set.of(Role.FOREIGN_LIAISON);
          default ->
              Set.of(
                  List.of(Role.INVESTIGATOR, Role.ANALYST, Role.SUPERVISOR, Role.AUDITOR)
                      .get(random.nextInt(4)));
        };
    var compartments = new TreeSet<String>();
    for (String compartment : COMPARTMENTS) {
      if (random.nextInt(3) == 0) {
        compartments.add(compartment);
      }
    }
    return new Caller("user", agency.code(), agency.kind(), agency.country(), roles, compartments);
  }

  private static List<String> banners(List<Marking> markings) {
    return markings.stream().map(Marking::banner).toList();
  }
}
