package org.presstrace.substances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.presstrace.shared.InvalidRequest;

/** The class rules read against well-known structures, with the modifications they name. */
class StructureScreenTests {

  static final String FENTANYL = "CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1";
  static final String ACETYLFENTANYL = "CC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1";
  static final String FURANYLFENTANYL = "O=C(N(c1ccccc1)C1CCN(CCc2ccccc2)CC1)c1ccco1";
  static final String OCFENTANIL = "COCC(=O)N(c1ccccc1F)C1CCN(CCc2ccccc2)CC1";
  static final String CYCLOPROPYLFENTANYL = "O=C(C1CC1)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1";
  static final String CARFENTANIL = "CCC(=O)N(c1ccccc1)C1(C(=O)OC)CCN(CCc2ccccc2)CC1";
  static final String SUFENTANIL = "CCC(=O)N(c1ccccc1)C1(COC)CCN(CCc2cccs2)CC1";
  static final String REMIFENTANIL = "CCC(=O)N(c1ccccc1)C1(C(=O)OC)CCN(CCC(=O)OC)CC1";
  static final String ISOTONITAZENE = "CCN(CC)CCn1c(Cc2ccc(OC(C)C)cc2)nc2cc([N+](=O)[O-])ccc21";

  private final StructureScreen screen = StructureScreen.builtIn();

  private Optional<ClassMatch> rule(String smiles, String rule) {
    return screen.screen(smiles).classes().stream().filter(c -> c.rule().equals(rule)).findFirst();
  }

  private ClassMatch us(String smiles) {
    return rule(smiles, "us-fentanyl-related").orElseThrow();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "acetylfentanyl, CC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1, E",
    "furanylfentanyl, O=C(N(c1ccccc1)C1CCN(CCc2ccccc2)CC1)c1ccco1, E",
    "ocfentanil, COCC(=O)N(c1ccccc1F)C1CCN(CCc2ccccc2)CC1, D E",
    "cyclopropylfentanyl, O=C(C1CC1)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1, E",
    "alpha-methylfentanyl, CCC(=O)N(c1ccccc1)C1CCN(C(C)Cc2ccccc2)CC1, B",
    "3-methylfentanyl, CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1C, C",
    "beta-hydroxythiofentanyl, CCC(=O)N(c1ccccc1)C1CCN(CC(O)c2cccs2)CC1, A B",
    "para-fluorofentanyl, CCC(=O)N(c1ccc(F)cc1)C1CCN(CCc2ccccc2)CC1, D",
    "2-pyridyl analogue, CCC(=O)N(c1ccccn1)C1CCN(CCc2ccccc2)CC1, D"
  })
  void usRuleNamesTheModificationsOfEachAnalogue(String name, String smiles, String expected) {
    ClassMatch match = us(smiles);

    assertThat(match.modifications()).as(name).containsExactly(expected.split(" "));
    assertThat(match.jurisdiction()).isEqualTo("USA");
    assertThat(match.family()).isEqualTo("fentanyl");
    assertThat(match.explanations()).hasSize(match.modifications().size());
    assertThat(match.reason()).contains("Schedule I(e)");
    assertThat(match.source()).contains("Public Law 119-26").contains("83 FR 5188");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "2-pyridyl analogue, CCC(=O)N(c1ccccn1)C1CCN(CCc2ccccc2)CC1",
    "beta-hydroxythiofentanyl (not built in), CCC(=O)N(c1ccccc1)C1CCN(CC(O)c2cccs2)CC1",
    "methyl carbamate analogue, COC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1"
  })
  void anAnalogueListedNowhereIsAClassMember(String name, String smiles) {
    StructureVerdict verdict = screen.screen(smiles);

    assertThat(us(smiles).excluded()).as(name).isFalse();
    assertThat(verdict.listings()).isEmpty();
    assertThat(verdict.verdict().get(0)).startsWith("class: USA us-fentanyl-related: ");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "acetylfentanyl, CC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1, 21 CFR 1308.11(b), 9821",
    "acrylfentanyl, C=CC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1, 83 FR 61320, 9811",
    "furanylfentanyl, O=C(N(c1ccccc1)C1CCN(CCc2ccccc2)CC1)c1ccco1, 83 FR 61320,",
    "para-fluorofentanyl, CCC(=O)N(c1ccc(F)cc1)C1CCN(CCc2ccccc2)CC1, 21 CFR 1308.11(b),",
    "3-methylfentanyl, CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1C, 21 CFR 1308.11(b),",
    "alpha-methylfentanyl, CCC(=O)N(c1ccccc1)C1CCN(C(C)Cc2ccccc2)CC1, 21 CFR 1308.11(b),",
    "cyclopropylfentanyl, O=C(C1CC1)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1, 21 CFR 1308.11(b),",
    "ocfentanil, COCC(=O)N(c1ccccc1F)C1CCN(CCc2ccccc2)CC1, 83 FR 61320,",
    "fentanyl carbamate, CCOC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1, 86 FR 23602,"
  })
  void aNamedAnalogueReportsItsOwnListingFirstAndTheClassSecond(
      String name, String smiles, String citation, String code) {
    StructureVerdict verdict = screen.screen(smiles);
    ClassMatch match = us(smiles);

    assertThat(match.excluded()).as(name).isTrue();
    assertThat(match.reason())
        .contains("excluded: listed in Schedule I as " + name)
        .contains(citation);
    String first = verdict.verdict().get(0);
    assertThat(first).startsWith("listed: " + name + ": USA CSA Schedule I, ").contains(citation);
    if (code != null) {
      assertThat(first).contains("DEA code " + code);
    }
    int listing = verdict.verdict().indexOf(first);
    int usClass = indexOf(verdict.verdict(), "class: USA us-fentanyl-related (excluded)");
    assertThat(usClass).isGreaterThan(listing);
  }

  private static int indexOf(List<String> lines, String prefix) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("no line starts with " + prefix + " in " + lines);
  }

  @Test
  void fentanylCarbamateIsAnAcylModificationUnderBothClassDefinitions() {
    String carbamate = "CCOC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1";

    assertThat(us(carbamate).modifications()).containsExactly("E");
    assertThat(us(carbamate).explanations().get(0)).contains("alkoxycarbonyl");
    assertThat(rule(carbamate, "cn-fentanyl-class").orElseThrow().modifications())
        .containsExactly("1");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "urea (N on the carbonyl), CNC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1",
    "carbamic acid (O-H), OC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1",
    "thiocarbamate (S on the carbonyl), CCSC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1"
  })
  void ruleEStillRefusesGroupsThatAreNotAcyl(String name, String smiles) {
    assertThat(rule(smiles, "us-fentanyl-related")).as(name).isEmpty();
  }

  @Test
  void readingCarbamatesAsAcylMakesNoScheduleIiSubstanceOrPrecursorAClassMember() {
    for (var substance : org.presstrace.substances.internal.ReferenceList.builtIn().substances()) {
      boolean otherwiseControlled =
          substance.controls().stream()
              .anyMatch(
                  c ->
                      c.jurisdiction().equals("USA")
                          && (c.category().startsWith("Schedule")
                              || c.category().startsWith("List")));
      if (otherwiseControlled) {
        rule(substance.smiles(), "us-fentanyl-related")
            .ifPresent(match -> assertThat(match.excluded()).as(substance.id()).isTrue());
      }
    }
  }

  @Test
  void carfentanilMatchesButIsExcludedAsListedInScheduleII() {
    ClassMatch match = us(CARFENTANIL);

    assertThat(match.modifications()).containsExactly("C");
    assertThat(match.explanations()).singleElement().asString().contains("ester");
    assertThat(match.excluded()).isTrue();
    assertThat(match.reason()).contains("excluded: listed in Schedule II as carfentanil");
  }

  @Test
  void sufentanilIsExcludedWithItsThiopheneAndEther() {
    ClassMatch match = us(SUFENTANIL);

    assertThat(match.modifications()).containsExactly("A", "C");
    assertThat(match.explanations().get(1)).contains("ether");
    assertThat(match.excluded()).isTrue();
  }

  @Test
  void fentanylItselfIsReportedAsExcluded() {
    ClassMatch match = us(FENTANYL);

    assertThat(match.modifications()).isEmpty();
    assertThat(match.excluded()).isTrue();
    assertThat(match.reason()).contains("fentanyl itself").contains("Schedule II");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "morphine, CN1CC[C@]23c4c5ccc(O)c4O[C@H]2[C@@H](O)C=C[C@H]3[C@H]1C5",
    "pethidine, CCOC(=O)C1(CCN(C)CC1)c1ccccc1",
    "loperamide, CN(C)C(=O)C(CCN1CCC(O)(CC1)c1ccc(Cl)cc1)(c1ccccc1)c1ccccc1",
    "NPP, O=C1CCN(CCc2ccccc2)CC1",
    "4-ANPP, c1ccc(CCN2CCC(Nc3ccccc3)CC2)cc1",
    "norfentanyl, CCC(=O)N(C1CCNCC1)c1ccccc1",
    "benzylfentanyl, CCC(=O)N(C1CCN(Cc2ccccc2)CC1)c1ccccc1",
    "remifentanil, CCC(=O)N(c1ccccc1)C1(C(=O)OC)CCN(CCC(=O)OC)CC1",
    "naphthyl instead of phenyl, CCC(=O)N(c1ccccc1)C1CCN(CCc2ccc3ccccc3c2)CC1",
    "phenyl on the piperidine, CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1c1ccccc1",
  })
  void usRuleDoesNotMatch(String name, String smiles) {
    assertThat(rule(smiles, "us-fentanyl-related")).as(name).isEmpty();
  }

  @Test
  void chinaIsBroaderAtThePhenethylGroup() {
    ClassMatch benzyl =
        rule("CCC(=O)N(C1CCN(Cc2ccccc2)CC1)c1ccccc1", "cn-fentanyl-class").orElseThrow();
    assertThat(benzyl.modifications()).containsExactly("4");
    assertThat(benzyl.excluded()).isFalse();

    ClassMatch remifentanil = rule(REMIFENTANIL, "cn-fentanyl-class").orElseThrow();
    assertThat(remifentanil.modifications()).containsExactly("3", "4");
    assertThat(remifentanil.excluded()).isTrue();
    assertThat(remifentanil.reason()).contains("listed by name as remifentanil");

    assertThat(rule("CCC(=O)N(C1CCNCC1)c1ccccc1", "cn-fentanyl-class")).as("norfentanyl").isEmpty();
  }

  @Test
  void chinaNamesItsOwnModificationNumbers() {
    ClassMatch ocfentanil = rule(OCFENTANIL, "cn-fentanyl-class").orElseThrow();
    assertThat(ocfentanil.modifications()).containsExactly("1", "2");

    ClassMatch furanyl = rule(FURANYLFENTANYL, "cn-fentanyl-class").orElseThrow();
    assertThat(furanyl.excluded()).isTrue();
    assertThat(furanyl.reason()).contains("from 2017-03-01");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "isotonitazene, CCN(CC)CCn1c(Cc2ccc(OC(C)C)cc2)nc2cc([N+](=O)[O-])ccc21",
    "metonitazene, CCN(CC)CCn1c(Cc2ccc(OC)cc2)nc2cc([N+](=O)[O-])ccc21",
    "protonitazene, CCCOc1ccc(Cc2nc3cc([N+](=O)[O-])ccc3n2CCN(CC)CC)cc1",
    "etonitazene, CCOc1ccc(Cc2nc3cc([N+](=O)[O-])ccc3n2CCN(CC)CC)cc1",
    "etonitazepyne, CCOc1ccc(Cc2nc3cc([N+](=O)[O-])ccc3n2CCN2CCCC2)cc1",
    "nitro in Kekule form, CCOC1=CC=C(CC2=NC3=CC(=CC=C3N2CCN(CC)CC)[N+](=O)[O-])C=C1"
  })
  void nitazeneRuleMatchesTheNitazenes(String name, String smiles) {
    ClassMatch match = rule(smiles, "cn-nitazene-class").orElseThrow();

    assertThat(match.family()).isEqualTo("nitazene");
    assertThat(match.jurisdiction()).isEqualTo("CHN");
    assertThat(match.explanations()).anyMatch(e -> e.contains("2-aminoethyl"));
    assertThat(screen.screen(smiles).classes())
        .noneMatch(c -> c.rule().equals("us-fentanyl-related"));
    assertThat(match.source()).contains("2025-06-19");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "metonitazene, CCN(CC)CCn1c(Cc2ccc(OC)cc2)nc2cc([N+](=O)[O-])ccc21, 2024-07-01",
    "protonitazene, CCCOc1ccc(Cc2nc3cc([N+](=O)[O-])ccc3n2CCN(CC)CC)cc1, 2024-07-01",
    "etonitazene, CCOc1ccc(Cc2nc3cc([N+](=O)[O-])ccc3n2CCN(CC)CC)cc1, Narcotic drugs",
    "clonitazene, CCN(CC)CCn1c(Cc2ccc(Cl)cc2)nc2cc([N+](=O)[O-])ccc21, Narcotic drugs"
  })
  void aNitazeneChinaListsByNameGetsTheNamedListingNotOnlyTheClass(
      String name, String smiles, String listing) {
    StructureVerdict verdict = screen.screen(smiles);
    ClassMatch match = rule(smiles, "cn-nitazene-class").orElseThrow();

    assertThat(match.excluded()).as(name).isTrue();
    assertThat(match.reason()).contains("listed by name as " + name).contains(listing);
    assertThat(verdict.verdict().get(0)).startsWith("listed: " + name + ": ");
    assertThat(verdict.verdict()).anyMatch(line -> line.startsWith("listed: " + name + ": CHN "));
  }

  @Test
  void isotonitazeneCarriesItsUsListingsAndStaysAChinaClassMember() {
    StructureVerdict verdict = screen.screen(ISOTONITAZENE);

    assertThat(rule(ISOTONITAZENE, "cn-nitazene-class").orElseThrow().excluded()).isFalse();
    assertThat(verdict.verdict().get(0))
        .isEqualTo(
            "listed: isotonitazene: USA CSA Schedule I, 85 FR 51342; 21 CFR 1308.11(h), temporary,"
                + " from 2020-08-20 until 2021-12-06");
    assertThat(verdict.verdict().get(1))
        .startsWith("listed: isotonitazene: USA CSA Schedule I, 86 FR 60761")
        .contains("DEA code 9614, permanent, from 2021-12-06");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "benzimidazole, c1ccc2[nH]cnc2c1",
    "albendazole, CCCSc1ccc2nc(NC(=O)OC)[nH]c2c1",
    "bendazol, c1ccc(Cc2nc3ccccc3[nH]2)cc1",
    "clemizole, Clc1ccc(Cn2c(CN3CCCC3)nc3ccccc32)cc1",
    "fentanyl, CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1"
  })
  void nitazeneRuleDoesNotMatch(String name, String smiles) {
    assertThat(rule(smiles, "cn-nitazene-class")).as(name).isEmpty();
  }

  @Test
  void saltsAreScreenedAsTheirLargestOrganicFragment() {
    StructureVerdict citrate = screen.screen(ACETYLFENTANYL + ".OC(=O)CC(O)(C(=O)O)CC(=O)O");
    StructureVerdict hydrochloride = screen.screen("Cl." + ACETYLFENTANYL);

    assertThat(citrate.parent()).isEqualTo(hydrochloride.parent());
    assertThat(citrate.formula()).isEqualTo("C21H26N2O");
    assertThat(citrate.classes()).extracting(ClassMatch::rule).contains("us-fentanyl-related");
    assertThat(hydrochloride.listed())
        .singleElement()
        .extracting(ListedHit::substanceId)
        .isEqualTo("acetylfentanyl");
  }

  @Test
  void aBareSaltHasNothingToScreen() {
    StructureVerdict salt = screen.screen("[Na+].[Cl-]");

    assertThat(salt.valid()).isTrue();
    assertThat(salt.parent()).isNull();
    assertThat(salt.classes()).isEmpty();
  }

  @Test
  void everyBuiltInStructureIsFoundAsListed() {
    for (var substance : org.presstrace.substances.internal.ReferenceList.builtIn().substances()) {
      assertThat(screen.screen(substance.smiles()).listed())
          .as(substance.id())
          .extracting(ListedHit::substanceId)
          .containsExactly(substance.id());
    }
  }

  @Test
  void everyBuiltInAnalogueFallsUnderAClassRule() {
    for (var substance : org.presstrace.substances.internal.ReferenceList.builtIn().substances()) {
      if (!substance.family().equals("fentanyl-precursor")) {
        assertThat(screen.screen(substance.smiles()).classes()).as(substance.id()).isNotEmpty();
      }
    }
  }

  @Test
  void refusesSmilesThatDoNotParseNamingTheField() {
    assertThatThrownBy(() -> screen.screen("C1CC("))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageStartingWith("SMILES 'C1CC(' cannot be parsed")
        .extracting(e -> ((InvalidRequest) e).field())
        .isEqualTo("smiles");
    assertThatThrownBy(() -> screen.screen(" ")).isInstanceOf(InvalidRequest.class);
  }

  @Test
  void isotonitazeneIsOutsideTheFentanylRules() {
    assertThat(screen.screen(ISOTONITAZENE).classes())
        .extracting(ClassMatch::rule)
        .isEqualTo(List.of("cn-nitazene-class"));
  }
}
