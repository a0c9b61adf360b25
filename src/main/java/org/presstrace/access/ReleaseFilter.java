package org.presstrace.access;

/**
 * What a reader narrows the release inbox to; every part is optional, and each only narrows: the
 * inbox never shows a release the caller would not see without it.
 *
 * @param status only releases in this status
 * @param kind only releases of records of this kind, such as {@code intel-report}
 * @param who text found in the requester's username or in the owning or target agency's code,
 *     ignoring case
 * @param recordId only releases of the record whose id begins with this text
 */
public record ReleaseFilter(ReleaseStatus status, String kind, String who, String recordId) {

  public ReleaseFilter {
    kind = blankToNull(kind);
    who = blankToNull(who);
    recordId = blankToNull(recordId);
  }

  /** No narrowing: the whole inbox. */
  public static ReleaseFilter none() {
    return new ReleaseFilter(null, null, null, null);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
