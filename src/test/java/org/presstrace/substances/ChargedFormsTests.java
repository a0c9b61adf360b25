package org.presstrace.substances;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A seized drug is often recorded as the salt it was sold as, written with the proton on the drug:
 * fentanyl hydrochloride as {@code [NH+]} with {@code [Cl-]}. The screen takes the proton back
 * before it compares, so the salt is the listed substance and matches its class; a charge no proton
 * explains is kept.
 */
class ChargedFormsTests {

  static final String FENTANYL = "CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1";
  static final StructureScreen SCREEN = StructureScreen.builtIn();

  @Test
  void fentanylHydrochlorideWrittenProtonatedIsFentanyl() {
    var base = SCREEN.screen(FENTANYL);
    for (String salt :
        new String[] {
          "CCC(=O)N(c1ccccc1)C1CC[NH+](CCc2ccccc2)CC1.[Cl-]",
          "[Cl-].CCC(=O)N(c1ccccc1)C1CC[NH+](CCc2ccccc2)CC1",
          "CCC(=O)N(c1ccccc1)C1CC[NH+](CCc2ccccc2)CC1.OC(=O)CC(O)(CC(O)=O)C([O-])=O"
        }) {
      var verdict = SCREEN.screen(salt);
      assertThat(verdict.parent()).as(salt).isEqualTo(base.parent());
      assertThat(verdict.formula()).as(salt).isEqualTo("C22H28N2O");
      assertThat(verdict.listed()).as(salt).extracting(ListedHit::substanceId).contains("fentanyl");
      assertThat(verdict.classes()).as(salt).hasSameSizeAs(base.classes()).isNotEmpty();
    }
  }

  @Test
  void aProtonatedAnalogueStillMatchesItsClass() {
    // 3-methylfentanyl as its hydrochloride: China's class rule takes it, as it takes the base
    String base = "CC1CN(CCc2ccccc2)CCC1N(C(=O)CC)c1ccccc1";
    String salt = "CC1C[NH+](CCc2ccccc2)CCC1N(C(=O)CC)c1ccccc1.[Cl-]";
    assertThat(SCREEN.screen(salt).classes())
        .extracting(ClassMatch::rule)
        .containsExactlyElementsOf(
            SCREEN.screen(base).classes().stream().map(ClassMatch::rule).toList())
        .contains("cn-fentanyl-class");
  }

  @Test
  void aChargeNoProtonExplainsIsKept() {
    var quaternary = SCREEN.screen("CCC(=O)N(c1ccccc1)C1CC[N+](C)(CCc2ccccc2)CC1");
    assertThat(quaternary.formula()).isEqualTo("[C23H31N2O]+");
    assertThat(quaternary.listed()).isEmpty();
    var nitro = SCREEN.screen("CCN(CC)CCn1c(Cc2ccc(OCC)cc2)nc2cc([N+](=O)[O-])ccc21");
    assertThat(nitro.parent()).contains("[N+]([O-])");
    assertThat(nitro.listed()).extracting(ListedHit::substanceId).contains("etonitazene");
  }

  @Test
  void carboxylatesAndZwitterionsTakeTheirProtonBack() {
    assertThat(SCREEN.screen("CC(=O)[O-].[Na+]").parent())
        .isEqualTo(SCREEN.screen("CC(=O)O").parent());
    assertThat(SCREEN.screen("[NH3+]CC([O-])=O").parent())
        .isEqualTo(SCREEN.screen("NCC(=O)O").parent());
    assertThat(SCREEN.screen("[O-]C(=O)CC(=O)[O-].[Na+].[Na+]").formula()).isEqualTo("C3H4O4");
  }
}
