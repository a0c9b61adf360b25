package org.presstrace.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What {@link GuardedReads#aggregate} computes: grouped sums and counts over a protected kind's
 * records (alias {@code r}), optionally over the rows of one child table hanging off each record
 * (alias {@code c}, joined on {@code c.<childKey> = r.id}). Columns and measures are fixed by the
 * calling module, never taken from a request.
 *
 * @param childTable the child table, or {@code null} to aggregate the records themselves
 * @param childKey the child's column holding the record id
 * @param groupBy columns to group by, e.g. {@code r.occurred_month}
 * @param measures result name to measure, e.g. {@code doses -> SUM(c.fentanyl_mg)}
 */
public record Aggregation(
    String childTable, String childKey, List<String> groupBy, Map<String, String> measures) {

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern COLUMN = Pattern.compile("[rc]\\.[a-z][a-z0-9_]*");
  private static final Pattern MEASURE =
      Pattern.compile("COUNT\\(\\*\\)|(SUM|COUNT|MIN|MAX)\\((DISTINCT )?[rc]\\.[a-z][a-z0-9_]*\\)");

  public Aggregation {
    groupBy = List.copyOf(groupBy);
    measures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(measures));
    if (childTable != null
        && (!IDENTIFIER.matcher(childTable).matches()
            || childKey == null
            || !IDENTIFIER.matcher(childKey).matches())) {
      throw new IllegalArgumentException("child table and key must be plain identifiers");
    }
    for (String column : groupBy) {
      requireColumn(column, childTable);
    }
    if (measures.isEmpty()) {
      throw new IllegalArgumentException("an aggregation needs at least one measure");
    }
    measures.forEach(
        (name, measure) -> {
          if (!IDENTIFIER.matcher(name).matches() || !MEASURE.matcher(measure).matches()) {
            throw new IllegalArgumentException(
                "measure " + name + " = " + measure + " is not allowed");
          }
          if (childTable == null && measure.contains("c.")) {
            throw new IllegalArgumentException("measure " + measure + " needs a child table");
          }
        });
  }

  /** Measures over the records themselves. */
  public static Aggregation of(List<String> groupBy, Map<String, String> measures) {
    return new Aggregation(null, null, groupBy, measures);
  }

  /** Measures over the child rows of {@code childTable} whose {@code childKey} is the record id. */
  public static Aggregation overChildren(
      String childTable, String childKey, List<String> groupBy, Map<String, String> measures) {
    return new Aggregation(childTable, childKey, groupBy, measures);
  }

  private static void requireColumn(String column, String childTable) {
    if (!COLUMN.matcher(column).matches() || (childTable == null && column.startsWith("c."))) {
      throw new IllegalArgumentException("'" + column + "' is not a column of alias r or c");
    }
  }

  /**
   * One group of an aggregate.
   *
   * @param groups the group's values, in the order of {@link #groupBy}
   * @param values each measure's value; {@code null} for a sum over no non-null value
   */
  public record Row(List<String> groups, Map<String, java.math.BigDecimal> values) {

    public java.math.BigDecimal value(String measure) {
      return values.get(measure);
    }
  }
}
