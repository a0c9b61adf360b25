package org.presstrace.casework;

import java.util.Locale;
import java.util.Set;
import org.presstrace.shared.InvalidRequest;

/**
 * One end of a link: a case subject, or a PressTrace record referred to by id ({@code registrant},
 * {@code machine}, {@code seizure}). Written {@code machine:ID}; a bare id is a subject. {@code
 * label} is the subject's name as its reader sees it, {@code type} its schema (or the record kind).
 */
public record LinkEnd(String role, String kind, String id, String type, String label) {

  public static final String SUBJECT = "subject";

  /** The record kinds a link may refer to besides subjects. */
  public static final Set<String> RECORD_KINDS = Set.of("registrant", "machine", "seizure");

  /** The kind and id written as {@code kind:id} or a bare subject id. */
  public static LinkEnd parse(String role, String field, String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidRequest(field, "the " + role + " is required");
    }
    String value = text.strip();
    int colon = value.indexOf(':');
    String kind = colon < 0 ? SUBJECT : value.substring(0, colon).toLowerCase(Locale.ROOT);
    String id = colon < 0 ? value : value.substring(colon + 1).strip();
    if (!kind.equals(SUBJECT) && !RECORD_KINDS.contains(kind)) {
      throw new InvalidRequest(
          field,
          "'" + kind + "' is not a kind of end; use subject, registrant, machine or seizure");
    }
    if (id.isEmpty() || id.length() > 36) {
      throw new InvalidRequest(field, "the " + role + " needs an id of at most 36 characters");
    }
    return new LinkEnd(role, kind, id, kind.equals(SUBJECT) ? null : kind, null);
  }

  /** {@code kind:id}, or the bare id of a subject. */
  public String reference() {
    return kind.equals(SUBJECT) ? id : kind + ":" + id;
  }
}
