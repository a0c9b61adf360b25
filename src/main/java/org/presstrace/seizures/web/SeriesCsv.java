package org.presstrace.seizures.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.presstrace.seizures.DoseMethod;
import org.presstrace.seizures.SeriesRow;
import org.presstrace.shared.CsvField;

/**
 * A seizure series as CSV: one line per period and group, the threshold and assumed purities, per
 * dose method its doses, items, method and assumptions, the best-available doses with how they were
 * chosen, and a {@code marking} column. A line sums many seizures, so every line and the file's
 * banner carry the join of the markings of all seizures the series sums.
 */
final class SeriesCsv {

  private SeriesCsv() {}

  static String header() {
    var columns =
        new ArrayList<>(
            List.of(
                "period",
                "group",
                "seizures",
                "presses",
                "net_kg",
                "net_lb",
                "pills",
                "dose_threshold_mg",
                "assumed_powder_purity_pct",
                "assumed_pill_mg"));
    for (DoseMethod method : DoseMethod.values()) {
      String name = method.name().toLowerCase(Locale.ROOT);
      columns.add(name + "_doses");
      columns.add(name + "_items");
      columns.add(name + "_method");
      columns.add(name + "_assumptions");
    }
    columns.add("best_available_doses");
    columns.add("best_available_assumptions");
    for (DoseMethod method : DoseMethod.values()) {
      columns.add("best_" + method.name().toLowerCase(Locale.ROOT) + "_items");
    }
    columns.add("marking");
    return String.join(",", columns) + "\r\n";
  }

  static String line(SeriesRow row, String marking) {
    var fields = new ArrayList<String>();
    fields.add(CsvField.of(row.period()));
    fields.add(CsvField.of(row.group()));
    fields.add(Long.toString(row.seizures()));
    fields.add(row.presses() == null ? "" : row.presses().toString());
    fields.add(row.netKg().toPlainString());
    fields.add(row.netLb().toPlainString());
    fields.add(Long.toString(row.pills()));
    fields.add(row.basis().lethalDoseMg().stripTrailingZeros().toPlainString());
    fields.add(row.basis().assumedPowderPurityPct().stripTrailingZeros().toPlainString());
    fields.add(row.basis().assumedPillMg().stripTrailingZeros().toPlainString());
    for (DoseMethod method : DoseMethod.values()) {
      var total = row.byMethod().get(method);
      fields.add(Long.toString(total.doses()));
      fields.add(Long.toString(total.items()));
      fields.add(CsvField.of(total.method()));
      fields.add(CsvField.of(total.assumptions()));
    }
    fields.add(Long.toString(row.best().doses()));
    fields.add(CsvField.of(row.best().assumptions()));
    for (DoseMethod method : DoseMethod.values()) {
      fields.add(Long.toString(row.best().itemsByMethod().getOrDefault(method, 0L)));
    }
    fields.add(CsvField.of(marking));
    return String.join(",", fields) + "\r\n";
  }
}
