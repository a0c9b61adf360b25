package org.presstrace.substances.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.openscience.cdk.depict.DepictionGenerator;
import org.openscience.cdk.exception.CDKException;

/** Structure drawings rendered by CDK as SVG, served inline as {@code data:} URIs. */
public final class Drawings {

  private Drawings() {}

  /** A {@code data:image/svg+xml} URI drawing {@code smiles}, or {@code null} when none can be. */
  public static String svgDataUri(String smiles) {
    if (smiles == null || smiles.isBlank()) {
      return null;
    }
    try {
      String svg =
          new DepictionGenerator()
              .withAtomColors()
              .withSize(320, 240)
              .withFillToFit()
              .depict(Molecules.parse(smiles))
              .toSvgStr();
      return "data:image/svg+xml;base64,"
          + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
    } catch (CDKException | RuntimeException e) {
      return null;
    }
  }
}
