package org.presstrace.seizures;

import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.util.List;
import org.presstrace.access.Marking;

/** A seizure report that passed every rule of {@link SeizureRules}; items not yet screened. */
record CheckedSeizure(
    String reference,
    ZonedDateTime occurredAt,
    SeizureContext context,
    String portOfEntry,
    String region,
    String place,
    BigDecimal latitude,
    BigDecimal longitude,
    String narrative,
    Marking marking,
    List<SeizureItem> items,
    List<Equipment> equipment,
    List<Party> parties) {

  record Equipment(String serial, String kind, String description) {}

  record Party(String kind, String name, String identifier, String role, String details) {}

  /** The month in the seizure's own zone, {@code yyyy-MM}. */
  String month() {
    return String.format("%04d-%02d", occurredAt.getYear(), occurredAt.getMonthValue());
  }

  /** The US federal fiscal year: October to September, named by the year it ends in. */
  int fiscalYear() {
    return FiscalYear.of(occurredAt.toLocalDate());
  }

  int presses() {
    return (int) equipment.stream().filter(e -> e.kind().equals("PRESS")).count();
  }
}
