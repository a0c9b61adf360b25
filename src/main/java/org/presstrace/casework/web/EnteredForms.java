package org.presstrace.casework.web;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The subject forms a session was issued and the subjects they entered. Only ids issued here are
 * ever used as a subject's id, so a form cannot name an id of its own choosing; the oldest are
 * forgotten past a bound, so a long session does not grow without end. Each change is written back
 * to the session, so a session kept in the database carries it to every server.
 */
final class EnteredForms implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String ATTRIBUTE = EnteredForms.class.getName();
  static final int REMEMBERED = 200;

  /** Form id to the id of the subject it entered, or to "" while it has entered none. */
  private final LinkedHashMap<String, String> forms = new LinkedHashMap<>();

  private EnteredForms() {}

  /** A new form id, remembered as issued to this session. */
  static String issue(HttpSession session) {
    String id = UUID.randomUUID().toString();
    update(session, forms -> forms.put(id, ""));
    return id;
  }

  /** Whether this session was issued {@code formId}. */
  static boolean issued(HttpSession session, String formId) {
    return formId != null && read(session).forms.containsKey(formId);
  }

  /** The subject {@code formId} entered, or null if it has entered none. */
  static String enteredBy(HttpSession session, String formId) {
    String subject = formId == null ? null : read(session).forms.get(formId);
    return subject == null || subject.isEmpty() ? null : subject;
  }

  /** Records that the form entered {@code subjectId}. */
  static void entered(HttpSession session, String formId, String subjectId) {
    update(
        session,
        forms -> {
          if (forms.containsKey(formId)) {
            forms.put(formId, subjectId);
          }
        });
  }

  private static EnteredForms read(HttpSession session) {
    return session.getAttribute(ATTRIBUTE) instanceof EnteredForms forms
        ? forms
        : new EnteredForms();
  }

  private static void update(
      HttpSession session, java.util.function.Consumer<Map<String, String>> change) {
    synchronized (EnteredForms.class) {
      EnteredForms forms = read(session);
      change.accept(forms.forms);
      while (forms.forms.size() > REMEMBERED) {
        forms.forms.remove(forms.forms.keySet().iterator().next());
      }
      session.setAttribute(ATTRIBUTE, forms);
    }
  }
}
