package org.presstrace.shared;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pager under a list page: a link per nearby page, previous and next, each keeping the list's
 * filters in its query string, so that a link, a reload or an action that comes back to the list
 * shows the same rows.
 *
 * @param pages the first page, the pages around the current one and the last, with {@code …} for
 *     the pages between (a gap has no href)
 * @param previous the page before, or {@code null} on the first page
 * @param next the page after, or {@code null} on the last
 * @param firstItem the number (from 1) of the first row shown; 0 when none is
 * @param lastItem the number of the last row shown
 * @param totalItems every row of the list the reader may see, over all pages
 * @param pastTheEnd whether the page asked for lies beyond the last page
 * @param here the query string of this very page ({@code ?status=PENDING&page=2}), for forms that
 *     come back to it
 */
public record PageLinks(
    List<Link> pages,
    Link previous,
    Link next,
    long firstItem,
    long lastItem,
    long totalItems,
    boolean pastTheEnd,
    String here) {

  /** Pages shown either side of the current one. */
  private static final int AROUND = 2;

  public PageLinks {
    pages = List.copyOf(pages);
  }

  /** One link of the pager; a gap between pages has the label {@code …} and no href. */
  public record Link(String label, String href, boolean current) {}

  /**
   * The pager of {@code page} of the list at {@code path}, filtered by {@code filters} (blank
   * values are left out of the links).
   */
  public static PageLinks of(String path, Map<String, String> filters, Page<?> page) {
    long total = page.totalPages();
    int current = page.page();
    var links = new ArrayList<Link>();
    long lastShown = -1;
    for (long p = 0; p < total; p++) {
      boolean near = p == 0 || p == total - 1 || Math.abs(p - current) <= AROUND;
      if (!near) {
        continue;
      }
      if (lastShown >= 0 && p > lastShown + 1) {
        links.add(new Link("…", null, false));
      }
      links.add(new Link(String.valueOf(p + 1), path + query(filters, p), p == current));
      lastShown = p;
    }
    boolean pastTheEnd = current > 0 && current >= total;
    long before = pastTheEnd ? total - 1 : current - 1;
    Link previous =
        before >= 0 && total > 0
            ? new Link("Previous", path + query(filters, before), false)
            : null;
    Link next =
        current + 1 < total ? new Link("Next", path + query(filters, current + 1), false) : null;
    long first = page.items().isEmpty() ? 0 : (long) current * page.size() + 1;
    long last = page.items().isEmpty() ? 0 : first + page.items().size() - 1;
    return new PageLinks(
        links, previous, next, first, last, page.totalItems(), pastTheEnd, query(filters, current));
  }

  /** {@code ?name=value&...&page=N}, each part URL-encoded, blank filters left out. */
  public static String query(Map<String, String> filters, long page) {
    var all = new LinkedHashMap<String, String>(filters);
    all.remove("page");
    all.put("page", String.valueOf(page));
    return query(all);
  }

  /**
   * {@code ?name=value&...}, each part URL-encoded, blank values left out; empty when every value
   * is blank. The text is fit to follow a fixed path in a redirect: it cannot change the path.
   */
  public static String query(Map<String, String> parameters) {
    var out = new StringBuilder();
    for (var parameter : parameters.entrySet()) {
      if (parameter.getValue() != null && !parameter.getValue().isBlank()) {
        out.append(out.isEmpty() ? '?' : '&')
            .append(encode(parameter.getKey()))
            .append('=')
            .append(encode(parameter.getValue()));
      }
    }
    return out.toString();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
