package org.presstrace.access;

import java.util.List;
import java.util.function.Predicate;

/**
 * What needs doing, contributed by a module to the home page. Each module's implementation reads
 * through its own guarded services, so a count never includes a record its reader may not read.
 */
public interface WorkList {

  /**
   * The work items for the caller. {@code mayOpen} says whether the caller's roles open a page
   * path; an implementation reads nothing for a page the caller may not open.
   */
  List<WorkItem> itemsFor(AccessContext context, Predicate<String> mayOpen);
}
