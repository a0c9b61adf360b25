package org.presstrace.substances;

import org.presstrace.substances.internal.ClassRules;
import org.presstrace.substances.internal.ReferenceList;

/**
 * Screens a structure in process: the class rules (US fentanyl-related substances, China's fentanyl
 * and nitazene classes) and the structures of the built-in reference list. Needs neither Spring nor
 * a database, so the command line uses it directly.
 */
public final class StructureScreen {

  private static volatile StructureScreen builtIn;

  private final ClassRules rules;

  private StructureScreen(ClassRules rules) {
    this.rules = rules;
  }

  /** The screen over the built-in reference list, built once. */
  public static StructureScreen builtIn() {
    StructureScreen screen = builtIn;
    if (screen == null) {
      ReferenceList list = ReferenceList.builtIn();
      screen = new StructureScreen(new ClassRules(list.substances(), list.classControls()));
      builtIn = screen;
    }
    return screen;
  }

  /**
   * Screens one structure given as SMILES. Counter-ions and other small fragments are stripped
   * first: the largest organic fragment is screened.
   *
   * @throws org.presstrace.shared.InvalidRequest naming {@code smiles} when it does not parse
   */
  public StructureVerdict screen(String smiles) {
    return rules.screen(smiles);
  }
}
