package org.presstrace.access;

import java.util.List;

/**
 * One thing the signed-in user may need to act on, as the home page shows it: how many, a few of
 * the newest, and the page where they are worked. Counts and lines come from the owning module's
 * guarded reads, so they hold only what the page at {@code href} would show the same user.
 *
 * @param group the navigation group the page belongs to, e.g. {@code Casework}
 * @param title what is counted, e.g. {@code Open pointer alerts}
 * @param count how many; zero says there is nothing to do here
 * @param href the page where the items are worked
 * @param lines up to a few of the items, newest or most urgent first
 * @param note a plain sentence instead of a count when the count cannot be given (e.g. the page
 *     needs a stated purpose first), else null
 */
public record WorkItem(
    String group, String title, long count, String href, List<Line> lines, String note) {

  public WorkItem {
    lines = lines == null ? List.of() : List.copyOf(lines);
  }

  /** A counted item with a few of its lines. */
  public static WorkItem counted(
      String group, String title, long count, String href, List<Line> lines) {
    return new WorkItem(group, title, count, href, lines, null);
  }

  /** An item that cannot be counted yet, with the sentence that says why. */
  public static WorkItem noted(String group, String title, String href, String note) {
    return new WorkItem(group, title, 0, href, List.of(), note);
  }

  /** One listed item: its words and, where it has a page of its own, that page. */
  public record Line(String text, String href) {}
}
