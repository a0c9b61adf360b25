package org.presstrace.substances;

import java.util.List;

/**
 * A controlled substance or precursor of the reference list.
 *
 * @param family {@code fentanyl}, {@code fentanyl-precursor} or {@code nitazene}
 * @param cas the CAS number, or {@code null} when none is known
 * @param formula the molecular formula computed from {@code smiles}
 * @param inchiKey the standard InChIKey computed from {@code smiles}, or {@code null}
 * @param chineseNames names in Chinese as used on Chinese lists and labels
 */
public record Substance(
    String id,
    String name,
    String cas,
    String family,
    String smiles,
    String formula,
    String inchiKey,
    List<String> synonyms,
    List<String> chineseNames,
    List<String> sources,
    List<ControlAction> controls) {

  public Substance {
    synonyms = List.copyOf(synonyms);
    chineseNames = List.copyOf(chineseNames);
    sources = List.copyOf(sources);
    controls = List.copyOf(controls);
  }
}
