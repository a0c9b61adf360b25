package org.presstrace.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The columns of a registry import file (docs/registry-import.md). */
enum ImportColumn {
  RECORD(null),
  REGISTRANT(null),
  SERIAL("serial"),
  LEGACY("legacy"),
  MAKE("make"),
  MODEL("model"),
  KIND("kind"),
  POWER("power"),
  RATED_OUTPUT_PER_HOUR("ratedOutputPerHour"),
  IMPRINT("imprint"),
  LOCATION("location"),
  ORIGIN("origin"),
  TRANSACTION_ID("transactionId"),
  OCCURRED_ON("occurredOn"),
  BUYER_REGISTRATION("buyerRegistration"),
  BUYER_CHECKED_AT("buyerCheckedAt");

  /** The field name the registry's rules use for this column, when they name it. */
  private final String field;

  ImportColumn(String field) {
    this.field = field;
  }

  /** The name in a file's header, e.g. {@code rated_output_per_hour}. */
  String header() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A header cell: case, surrounding spaces, inner spaces and dashes do not matter. */
  static Optional<ImportColumn> named(String cell) {
    String key = cell.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    return Arrays.stream(values()).filter(column -> column.header().equals(key)).findFirst();
  }

  /** The column a rule's field stands for; a shipment day is the transfer's occurred_on. */
  static Optional<ImportColumn> forField(String field) {
    if ("shippedOn".equals(field)) {
      return Optional.of(OCCURRED_ON);
    }
    return Arrays.stream(values())
        .filter(c -> c.field != null && c.field.equals(field))
        .findFirst();
  }

  static String known() {
    return String.join(", ", Arrays.stream(values()).map(ImportColumn::header).toList());
  }
}
