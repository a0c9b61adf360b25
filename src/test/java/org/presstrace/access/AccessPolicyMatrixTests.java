package org.presstrace.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.presstrace.shared.CountryCode;
import org.presstrace.shared.InvalidRequest;

/**
 * Checks the decision point against the table in docs/access-control.md for every combination of
 * role, TLP level, own, other or a partner's agency in the reader's custody, CUI, dissemination
 * control, compartment and release.
 */
class AccessPolicyMatrixTests {

  static final CountryCode USA = new CountryCode("USA");
  static final CountryCode CHN = new CountryCode("CHN");
  static final String COMPARTMENT = "CT-1";

  private final AccessPolicy policy = new AccessPolicy();
  private final PolicyTable table = PolicyTable.fromDocs();

  /** A caller of the agency kind each role belongs to. */
  static Caller caller(Role role, boolean compartmentMember) {
    AgencyKind kind =
        switch (role) {
          case REGISTRANT -> AgencyKind.REGISTRANT;
          case FOREIGN_LIAISON -> AgencyKind.FOREIGN_PARTNER;
          default -> AgencyKind.FEDERAL;
        };
    return new Caller(
        "reader",
        "READER",
        kind,
        kind == AgencyKind.FOREIGN_PARTNER ? CHN : USA,
        Set.of(role),
        compartmentMember ? Set.of(COMPARTMENT) : Set.of(),
        Set.of("PARTNER"));
  }

  /** Every valid marking, owned by {@code owner}: TLP x CUI/dissemination x compartment. */
  static List<Marking> markings(String owner) {
    var markings = new ArrayList<Marking>();
    for (Tlp tlp : Tlp.values()) {
      for (String compartment : new String[] {null, COMPARTMENT}) {
        markings.add(new Marking(owner, tlp, null, false, null, compartment));
        markings.add(new Marking(owner, tlp, "LEI", false, null, compartment));
        markings.add(new Marking(owner, tlp, "LEI", true, null, compartment));
        markings.add(
            new Marking(
                owner, tlp, "LEI", false, Marking.relTo(List.of("USA", "CHN")), compartment));
        markings.add(
            new Marking(owner, tlp, "LEI", false, Marking.relTo(List.of("MEX")), compartment));
      }
    }
    return markings;
  }

  @Test
  void everyCombinationDecidesAsTheDocumentedTableSays() {
    int combinations = 0;
    var rulesUsed = new java.util.TreeSet<Integer>();
    for (Role role : Role.values()) {
      for (boolean member : new boolean[] {false, true}) {
        Caller caller = caller(role, member);
        for (String owner : new String[] {"READER", "OTHER", "PARTNER"}) {
          for (Marking marking : markings(owner)) {
            for (boolean released : new boolean[] {false, true}) {
              PolicyTable.Row expected = table.decide(caller, marking, released);
              Decision actual = policy.mayRead(caller, marking, released);
              assertThat(actual.allowed())
                  .as(
                      "%s reading %s (released %s): rule %d",
                      role, marking.banner() + " owned by " + owner, released, expected.rule())
                  .isEqualTo(expected.allow());
              assertThat(actual.rule())
                  .as("%s reading %s (released %s)", role, marking.banner(), released)
                  .isEqualTo(expected.rule());
              rulesUsed.add(expected.rule());
              combinations++;
            }
          }
        }
      }
    }
    assertThat(combinations).isEqualTo(7 * 2 * 3 * 50 * 2);
    assertThat(rulesUsed).as("every documented rule is reached").hasSize(table.size());
  }

  @Test
  void releaseRefusesWhatTheMarkingForbids() {
    Caller investigator =
        new Caller("inv", "DEA", AgencyKind.FEDERAL, USA, Set.of(Role.INVESTIGATOR), Set.of());
    var partner = new AgencyView("MPS", "Ministry", AgencyKind.FOREIGN_PARTNER, CHN, null);
    var domestic = new AgencyView("CBP", "Customs", AgencyKind.FEDERAL, USA, null);
    var registrant = new AgencyView("ACME", "Acme", AgencyKind.REGISTRANT, USA, null);
    var own = new AgencyView("DEA", "DEA", AgencyKind.FEDERAL, USA, null);

    assertThat(
            policy.mayRequestRelease(investigator, Marking.of("DEA", Tlp.AMBER), partner).allowed())
        .isTrue();
    assertThat(
            policy
                .mayRequestRelease(investigator, Marking.of("DEA", Tlp.AMBER), domestic)
                .allowed())
        .isTrue();
    assertThat(policy.mayRequestRelease(investigator, Marking.of("DEA", Tlp.AMBER), own).rule())
        .isEqualTo(22);
    assertThat(policy.mayRequestRelease(investigator, Marking.of("DEA", Tlp.RED), partner).rule())
        .isEqualTo(23);
    assertThat(
            policy
                .mayRequestRelease(investigator, Marking.of("DEA", Tlp.AMBER_STRICT), domestic)
                .rule())
        .isEqualTo(23);
    assertThat(
            policy
                .mayRequestRelease(
                    investigator, new Marking("DEA", Tlp.AMBER, null, false, null, "CT-1"), partner)
                .rule())
        .isEqualTo(24);
    assertThat(
            policy
                .mayRequestRelease(
                    investigator, new Marking("DEA", Tlp.AMBER, "LEI", true, null, null), partner)
                .rule())
        .isEqualTo(25);
    assertThat(
            policy
                .mayRequestRelease(
                    investigator,
                    new Marking(
                        "DEA", Tlp.AMBER, "LEI", false, Marking.relTo(List.of("USA")), null),
                    partner)
                .rule())
        .isEqualTo(26);
    assertThat(
            policy.mayRequestRelease(investigator, Marking.of("DEA", Tlp.AMBER), registrant).rule())
        .isEqualTo(27);
    assertThat(
            policy.mayRequestRelease(investigator, Marking.of("DEA", Tlp.GREEN), domestic).rule())
        .isEqualTo(28);
    assertThat(policy.mayRequestRelease(investigator, Marking.of("CBP", Tlp.AMBER), partner).rule())
        .isEqualTo(21);
    Caller analyst =
        new Caller("an", "DEA", AgencyKind.FEDERAL, USA, Set.of(Role.ANALYST), Set.of());
    assertThat(policy.mayRequestRelease(analyst, Marking.of("DEA", Tlp.AMBER), partner).rule())
        .isEqualTo(20);
  }

  @Test
  void markingsRejectUnknownValues() {
    assertThatThrownBy(() -> Tlp.parse("PURPLE"))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("PURPLE");
    assertThat(Tlp.parse("tlp:amber+strict")).isEqualTo(Tlp.AMBER_STRICT);
    assertThatThrownBy(() -> new Marking("DEA", Tlp.AMBER, "SECRET", false, null, null))
        .isInstanceOf(InvalidRequest.class)
        .satisfies(e -> assertThat(((InvalidRequest) e).field()).isEqualTo("marking.cuiCategory"));
    assertThatThrownBy(() -> Marking.relTo(List.of("USA", "XX1")))
        .isInstanceOf(InvalidRequest.class)
        .satisfies(e -> assertThat(((InvalidRequest) e).field()).isEqualTo("marking.relTo[1]"));
    assertThatThrownBy(
            () -> new Marking("DEA", Tlp.AMBER, "LEI", true, Marking.relTo(List.of("USA")), null))
        .hasMessageContaining("both NOFORN and REL TO");
    assertThatThrownBy(() -> new Marking("DEA", Tlp.AMBER, null, true, null, null))
        .hasMessageContaining("need a CUI category");
    assertThatThrownBy(() -> new Marking("DEA", Tlp.AMBER, null, false, null, "bad compartment!"))
        .satisfies(e -> assertThat(((InvalidRequest) e).field()).isEqualTo("marking.compartment"));
  }

  @Test
  void tableParserRefusesAnUnknownDecision() {
    var lines =
        List.of(
            "<!-- policy-table:start -->",
            "| rule | role | relation | TLP | CUI | dissemination | compartment | release | decision | why |",
            "|---|---|---|---|---|---|---|---|---|---|",
            "| 1 | * | * | * | * | * | * | * | maybe | nonsense |",
            "<!-- policy-table:end -->");
    assertThatThrownBy(() -> PolicyTable.parse(lines)).hasMessageContaining("maybe");
  }
}
