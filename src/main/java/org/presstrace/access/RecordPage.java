package org.presstrace.access;

/**
 * Where the pages show a record of one protected kind. The module whose page it is declares it (its
 * page controller implements it), so that pages of other modules, such as the release inbox, can
 * link to a record they know only by kind and id. The page checks access itself: the link says no
 * more than the record id beside it.
 */
public interface RecordPage {

  /** The kind whose records the page shows. */
  ProtectedKind kind();

  /** The path of the page showing record {@code recordId}, e.g. {@code /intel/{id}}. */
  String pathOf(String recordId);
}
