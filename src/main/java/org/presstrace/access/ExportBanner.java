package org.presstrace.access;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.presstrace.shared.InvalidRequest;

/**
 * The banner of an export file: the highest marking in it, the join ({@link Marking#join}) of the
 * markings of every line. A CSV export writes it as its first line, {@code # <banner>}, above the
 * header, and beside every line that line's own marking in a {@code marking} column; every export
 * also sends it in the {@value #HEADER} response header.
 */
public final class ExportBanner {

  /** The response header carrying the banner of an exported file. */
  public static final String HEADER = "PressTrace-Banner";

  /** The banner of a file that holds no record. */
  public static final String EMPTY = "no records";

  private ExportBanner() {}

  /**
   * The banner over {@code markings}. When the file spans more compartments than one compound code
   * holds, the banner names them all rather than refusing the export.
   */
  public static String of(Collection<Marking> markings) {
    if (markings.isEmpty()) {
      return EMPTY;
    }
    List<Marking> all = List.copyOf(markings);
    try {
      return Marking.join(all).banner();
    } catch (InvalidRequest tooManyCompartments) {
      var compartments = new TreeSet<String>();
      all.forEach(m -> compartments.addAll(m.compartments()));
      var uncompartmented =
          all.stream()
              .map(
                  m ->
                      new Marking(
                          m.ownerAgency(), m.tlp(), m.cuiCategory(), m.noforn(), m.relTo(), null))
              .toList();
      return Marking.join(uncompartmented).banner()
          + " // "
          + String.join(Marking.COMPOUND_SEPARATOR, compartments);
    }
  }

  /** The banner as the first line of a CSV file. */
  public static String csvLine(String banner) {
    return "# " + banner + "\r\n";
  }
}
