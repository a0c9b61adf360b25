package org.presstrace.substances.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The scaffold is the law's pattern: each piperidine atom in exactly one ring. */
class FentanylScaffoldTests {

  private static int scaffolds(String smiles) {
    return FentanylScaffold.describe(Molecules.parent(Molecules.parse(smiles))).size();
  }

  @Test
  void fentanylHoldsTheScaffoldOnce() {
    assertThat(scaffolds("CCC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1")).isEqualTo(1);
  }

  @Test
  void twoScaffoldsInOneMoleculeAreBothDescribed() {
    assertThat(scaffolds("CCC(=O)N(c1ccccc1)C1CCN(CCN2CCC(N(C(=O)CC)c3ccccc3)CC2)CC1"))
        .isEqualTo(2);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "CCC(=O)N(c1ccccc1)C1CCN2CCCC2C1",
        "CCC(=O)N(c1ccccc1)C1CC2CCC(C1)N2CCc1ccccc1",
        "CCC(=O)N(c1ccccc1)C12CCN(CCc3ccccc3)CC1C2"
      })
  void aPiperidineFusedOrBridgedToAnotherRingIsNotTheScaffold(String smiles) {
    assertThat(scaffolds(smiles)).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Oc1ccccc1", "CCC(=O)N(C1CCCCC1)C1CCN(CCC2CCCCC2)CC1", "C1CCNCC1"})
  void aMoleculeWithoutTheScaffoldHasNone(String smiles) {
    assertThat(scaffolds(smiles)).isZero();
  }
}
