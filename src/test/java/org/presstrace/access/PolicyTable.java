package org.presstrace.access;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.presstrace.shared.CountryCode;

/**
 * The read rules as docs/access-control.md writes them, parsed from its table: the oracle the
 * decision point and every read path are checked against. If the document and the code disagree, a
 * test fails.
 */
final class PolicyTable {

  /** What a rule is matched against: the reader, the record's marking and its releases. */
  record Situation(
      Role role,
      String relation,
      Tlp tlp,
      boolean cui,
      String dissemination,
      String compartment,
      boolean released) {}

  /** One row of the table. */
  record Row(
      int rule,
      Set<String> roles,
      Set<String> relations,
      Set<String> tlps,
      Set<String> cui,
      Set<String> dissemination,
      Set<String> compartment,
      Set<String> release,
      boolean allow) {

    boolean matches(Situation s) {
      return in(roles, s.role().slug())
          && in(relations, s.relation())
          && in(tlps, s.tlp().label())
          && in(cui, s.cui() ? "set" : "none")
          && in(dissemination, s.dissemination())
          && in(compartment, s.compartment())
          && in(release, s.released() ? "approved" : "none");
    }

    private static boolean in(Set<String> allowed, String value) {
      return allowed.contains("*") || allowed.contains(value);
    }
  }

  private final List<Row> rows;

  private PolicyTable(List<Row> rows) {
    this.rows = rows;
  }

  static PolicyTable fromDocs() {
    Path doc = Path.of("docs", "access-control.md");
    try {
      return parse(Files.readAllLines(doc));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + doc.toAbsolutePath(), e);
    }
  }

  static PolicyTable parse(List<String> lines) {
    var rows = new ArrayList<Row>();
    boolean inside = false;
    for (String line : lines) {
      if (line.contains("policy-table:start")) {
        inside = true;
      } else if (line.contains("policy-table:end")) {
        inside = false;
      } else if (inside
          && line.startsWith("|")
          && !line.startsWith("|---")
          && !line.contains("| rule |")) {
        String[] cells = line.split("\\|");
        rows.add(
            new Row(
                Integer.parseInt(cells[1].strip()),
                set(cells[2]),
                set(cells[3]),
                set(cells[4]),
                set(cells[5]),
                set(cells[6]),
                set(cells[7]),
                set(cells[8]),
                switch (cells[9].strip()) {
                  case "allow" -> true;
                  case "deny" -> false;
                  default ->
                      throw new IllegalStateException("decision '" + cells[9] + "' in " + line);
                }));
      }
    }
    if (rows.isEmpty()) {
      throw new IllegalStateException("no policy table between the policy-table markers");
    }
    return new PolicyTable(List.copyOf(rows));
  }

  private static Set<String> set(String cell) {
    return Arrays.stream(cell.split(","))
        .map(value -> value.strip().toLowerCase(Locale.ROOT))
        .map(value -> value.equals("amber+strict") ? "AMBER+STRICT" : value)
        .map(
            value ->
                Set.of("clear", "green", "amber", "red").contains(value)
                    ? value.toUpperCase(Locale.ROOT)
                    : value)
        .collect(Collectors.toSet());
  }

  /** The first matching row, which decides. */
  Row decide(Situation situation) {
    return rows.stream()
        .filter(row -> row.matches(situation))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no rule matches " + situation));
  }

  int size() {
    return rows.size();
  }

  /** Describes a marking as the table's columns see it, for a reader of {@code country}. */
  static String dissemination(Marking marking, CountryCode readerCountry) {
    if (marking.noforn()) {
      return "noforn";
    }
    if (!marking.relTo().isEmpty()) {
      return marking.relTo().contains(readerCountry)
          ? "rel-to-includes-reader"
          : "rel-to-excludes-reader";
    }
    return "none";
  }

  static String compartment(Marking marking, Caller caller) {
    if (marking.compartment() == null) {
      return "none";
    }
    return caller.compartments().contains(marking.compartment()) ? "member" : "not-member";
  }

  static String relation(Marking marking, Caller caller) {
    if (marking.ownerAgency().equals(caller.agency())) {
      return "own";
    }
    if (caller.custodianOf(marking.ownerAgency())) {
      return "custodian";
    }
    return caller.foreign() ? "foreign" : "other";
  }

  /** The documented decision for a single-role caller reading a record with this marking. */
  Row decide(Caller caller, Marking marking, boolean released) {
    if (caller.roles().size() != 1) {
      throw new IllegalArgumentException("the table speaks of single-role callers");
    }
    return decide(
        new Situation(
            caller.roles().iterator().next(),
            relation(marking, caller),
            marking.tlp(),
            marking.cuiCategory() != null,
            dissemination(marking, caller.country()),
            compartment(marking, caller),
            released));
  }
}
