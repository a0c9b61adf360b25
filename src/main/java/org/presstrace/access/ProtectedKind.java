package org.presstrace.access;

import java.util.regex.Pattern;

/**
 * A kind of protected record and the table holding it. The table must have a string primary key
 * {@code id} and the marking columns {@code owner_agency, tlp, cui_category, noforn, rel_to,
 * compartment}. Declare each kind as a Spring bean so that release requests and the read-path
 * coverage test find it.
 *
 * @param name the kind's name in URLs and audit entries, e.g. {@code intel-report}
 * @param table the table name
 * @param columns the columns a read selects, qualified by the alias {@code r}
 * @param purposeRequired whether every read must state a purpose first
 * @param derived whether its records are written from other records (alerts, pointer alerts): such
 *     a record carries the join of its sources' markings and is never released on its own
 */
public record ProtectedKind(
    String name, String table, String columns, boolean purposeRequired, boolean derived) {

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");

  public ProtectedKind {
    if (!IDENTIFIER.matcher(table).matches()) {
      throw new IllegalArgumentException("table '" + table + "' is not a plain identifier");
    }
  }

  /** A kind of record that is written by people, not derived from other records. */
  public ProtectedKind(String name, String table, String columns, boolean purposeRequired) {
    this(name, table, columns, purposeRequired, false);
  }

  /** The marking columns every protected table carries, qualified by the alias {@code r}. */
  public static final String MARKING_COLUMNS =
      "r.owner_agency, r.tlp, r.cui_category, r.noforn, r.rel_to, r.compartment";
}
