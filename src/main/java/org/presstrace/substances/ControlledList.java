package org.presstrace.substances;

import java.time.LocalDate;
import java.util.List;

/**
 * What was controlled in one jurisdiction on one day, from the full history.
 *
 * @param substances substances whose control was certainly in force that day
 * @param classes class-wide controls in force that day, each naming its structure rule
 * @param undated controls in the jurisdiction whose start date our sources do not give; they are
 *     not counted as in force on any particular day
 */
public record ControlledList(
    String jurisdiction,
    LocalDate date,
    List<Controlled> substances,
    List<ControlAction> classes,
    List<Controlled> undated) {

  /** One substance and the control that covers it. */
  public record Controlled(String substanceId, String name, String cas, ControlAction control) {}
}
