package org.presstrace.casework;

import java.util.ArrayList;
import java.util.List;

/**
 * Event deconfliction: a planned operation that overlaps another agency's in time and place raises
 * a pointer alert to both agencies at once. Operations of one agency never alert each other.
 */
public final class EventDeconfliction {

  private final List<PlannedOperation> planned = new ArrayList<>();

  /** Registers {@code operation}; returns the alerts it raises, two per conflict. */
  public List<PointerAlert> plan(PlannedOperation operation) {
    var alerts = new ArrayList<PointerAlert>();
    for (PlannedOperation other : register(operation)) {
      alerts.add(pointer(operation, other));
      alerts.add(pointer(other, operation));
    }
    return alerts;
  }

  /** Registers {@code operation}; returns the other agencies' operations it overlaps. */
  public synchronized List<PlannedOperation> register(PlannedOperation operation) {
    var conflicts = new ArrayList<PlannedOperation>();
    for (PlannedOperation other : planned) {
      if (!other.agency().equals(operation.agency()) && other.overlaps(operation)) {
        conflicts.add(other);
      }
    }
    planned.add(operation);
    return conflicts;
  }

  private static PointerAlert pointer(PlannedOperation to, PlannedOperation about) {
    return new PointerAlert(
        to.agency(), to.caseReference(), about.agency(), about.caseReference(), about.contact());
  }
}
