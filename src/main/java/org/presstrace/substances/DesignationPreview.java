package org.presstrace.substances;

import java.time.LocalDate;
import java.util.List;

/**
 * What applying a designation file would change, and every problem that stops it.
 *
 * @param jurisdiction as read from the file (upper case), possibly invalid
 * @param effectiveFrom the effective date, or {@code null} when it does not parse
 * @param rows one plan per substance row
 * @param endedActions controls of listed substances under the same instrument and another category
 *     that the designation ends on its effective date
 * @param problems every problem found; the designation applies only when there is none
 * @param contentSha256 the file's digest; the same file is refused a second time
 */
public record DesignationPreview(
    String format,
    String jurisdiction,
    String instrument,
    String category,
    LocalDate effectiveFrom,
    String source,
    List<Row> rows,
    List<Ended> endedActions,
    List<Problem> problems,
    String contentSha256) {

  public DesignationPreview {
    rows = List.copyOf(rows);
    endedActions = List.copyOf(endedActions);
    problems = List.copyOf(problems);
  }

  /** Whether the designation can be applied as it is. */
  public boolean applicable() {
    return problems.isEmpty();
  }

  public long newSubstances() {
    return rows.stream().filter(Row::newSubstance).count();
  }

  /**
   * One problem.
   *
   * @param row the substance row counted from 1, or 0 for the announcement as a whole
   * @param field the field at fault, e.g. {@code cas}
   * @param value the rejected value, when there is one
   */
  public record Problem(int row, String field, String value, String message) {}

  /**
   * One substance row and what applying it does.
   *
   * @param substanceId the existing substance it names, or the id a new one will get
   * @param newSubstance whether the substance is added to the reference list
   * @param matchedBy how an existing substance was recognised (CAS, name, synonym), or null
   */
  public record Row(
      int row,
      String name,
      String cas,
      String smiles,
      List<String> synonyms,
      List<String> chineseNames,
      String family,
      String substanceId,
      boolean newSubstance,
      String matchedBy) {

    public Row {
      synonyms = List.copyOf(synonyms);
      chineseNames = List.copyOf(chineseNames);
    }
  }

  /** A control the designation ends: the substance moves to the designation's category. */
  public record Ended(
      String controlId, String substanceId, String name, String category, String since) {}
}
