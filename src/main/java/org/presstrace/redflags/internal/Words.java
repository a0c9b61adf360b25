package org.presstrace.redflags.internal;

import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import org.presstrace.resolution.Folding;

/**
 * Finds configured words in names and addresses: a Han word anywhere in the text, a Latin word (or
 * phrase) as whole folded tokens, so that "chem" matches "Chem Co." but not "Chemnitz".
 */
final class Words {

  private Words() {}

  /** The first of {@code words} that {@code text} contains, if any. */
  static Optional<String> find(String text, List<String> words) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String raw = Normalizer.normalize(text, Normalizer.Form.NFKC);
    String folded = " " + Folding.fold(text) + " ";
    for (String word : words) {
      boolean found =
          Folding.hasHan(word)
              ? raw.contains(word)
              : !Folding.fold(word).isEmpty() && folded.contains(" " + Folding.fold(word) + " ");
      if (found) {
        return Optional.of(word);
      }
    }
    return Optional.empty();
  }

  /** An address in one spelling for comparison; blank when too short to compare safely. */
  static String addressKey(String address) {
    String folded = Folding.fold(address);
    return folded.replace(" ", "").length() < 8 ? "" : folded;
  }
}
