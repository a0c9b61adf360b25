package org.presstrace.substances.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.smarts.SmartsPattern;
import org.presstrace.substances.ClassMatch;
import org.presstrace.substances.Substance;

/**
 * The nitazene class: 2-benzylbenzimidazoles with a substituent on N1 (the opioid nitazenes carry
 * an aminoalkyl there). China controls the class from 2025-07-01. Bendazol, a 2-benzylbenzimidazole
 * with a free N-H and no opioid activity, stays outside.
 */
final class NitazeneRule {

  static final String CN_RULE = "cn-nitazene-class";

  private static final SmartsPattern CORE =
      SmartsPattern.create("[CX4;!R](-c1ccccc1)-c1nc2ccccc2n1-[#6]").setPrepare(false);
  private static final SmartsPattern NITRO =
      SmartsPattern.create("c1nc2cc(-[$([NX3](=O)=O),$([NX3+](=O)[O-])])ccc2n1-[#6]")
          .setPrepare(false);
  private static final SmartsPattern AMINOALKYL =
      SmartsPattern.create("c1nc2ccccc2n1-[CX4][CX4]-[NX3;!$(N-C=O)]").setPrepare(false);

  private NitazeneRule() {}

  /**
   * China's class rule; a nitazene China lists by name (metonitazene and protonitazene from
   * 2024-07-01, etonitazene in the narcotic drugs catalogue) is reported excluded, with that
   * listing.
   */
  static Optional<ClassMatch> china(IAtomContainer parent, Optional<Substance> listed) {
    if (!CORE.matches(parent)) {
      return Optional.empty();
    }
    var features = new ArrayList<String>();
    features.add("2-benzylbenzimidazole with a substituent on N1");
    if (AMINOALKYL.matches(parent)) {
      features.add("2-aminoethyl on N1, as in the opioid nitazenes");
    }
    if (NITRO.matches(parent)) {
      features.add("5-nitro on the benzimidazole");
    }
    String reason = "nitazene (2-benzylbenzimidazole) class, controlled in China from 2025-07-01";
    Optional<String> named = FentanylRules.chinaListing(listed);
    return Optional.of(
        new ClassMatch(
            CN_RULE,
            "CHN",
            "nitazene",
            List.of(),
            features,
            named.isPresent(),
            named.map(listing -> reason + "; excluded: " + listing).orElse(reason),
            null));
  }
}
