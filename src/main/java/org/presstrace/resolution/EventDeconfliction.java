package org.presstrace.resolution;

import java.util.ArrayList;
import java.util.List;

/**
 * Event deconfliction: a planned operation that overlaps another agency's in time and place raises
 * a pointer alert to both agencies at once. Operations of one agency never alert each other.
 */
public final class EventDeconfliction {

  private final List<PlannedOperation> planned = new ArrayList<>();

  /** Registers {@code operation}; returns the alerts it raises, two per conflict. */
  public synchronized List<PointerAlert> plan(PlannedOperation operation) {
    var alerts = new ArrayList<PointerAlert>();
    for (PlannedOperation other : planned) {
      if (!other.agency().equals(operation.agency()) && other.overlaps(operation)) {
        alerts.add(pointer(operation, other));
        alerts.add(pointer(other, operation));
      }
    }
    planned.add(operation);
    return alerts;
  }

  private static PointerAlert pointer(PlannedOperation to, PlannedOperation about) {
    return new PointerAlert(
        to.agency(), to.caseReference(), about.agency(), about.caseReference(), about.contact());
  }
}
