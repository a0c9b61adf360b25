package org.presstrace.substances;

import java.util.List;

/**
 * A structure falls under a class-wide control.
 *
 * @param rule the rule's id, e.g. {@code us-fentanyl-related}
 * @param jurisdiction where the rule applies (ISO alpha-3)
 * @param family {@code fentanyl} or {@code nitazene}
 * @param modifications the modifications of the rule's text that apply (letters A-E for the US
 *     definition, numbers 1-4 for China's), empty for the parent compound itself
 * @param explanations one sentence per modification or feature found
 * @param excluded whether the substance is outside the class because it is listed elsewhere
 * @param reason why it matched, and why it is excluded when it is
 * @param source the citations of the law that defines the class (every control of the rule in the
 *     reference list), or {@code null} when the rule has no control recorded
 */
public record ClassMatch(
    String rule,
    String jurisdiction,
    String family,
    List<String> modifications,
    List<String> explanations,
    boolean excluded,
    String reason,
    String source) {

  public ClassMatch {
    modifications = List.copyOf(modifications);
    explanations = List.copyOf(explanations);
  }

  /** The same match citing {@code citation} as the law that defines the class. */
  public ClassMatch withSource(String citation) {
    return new ClassMatch(
        rule, jurisdiction, family, modifications, explanations, excluded, reason, citation);
  }
}
