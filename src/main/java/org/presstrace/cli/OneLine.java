package org.presstrace.cli;

import org.springframework.dao.DataIntegrityViolationException;

/** Turns an exception chain into the one line a command prints when it fails. */
final class OneLine {

  static final String INTEGRITY = "the change conflicts with stored data; nothing was stored";

  private OneLine() {}

  static String of(Throwable failure) {
    if (failure instanceof StartupRefused refused) {
      return refused.getMessage();
    }
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      if (root instanceof DataIntegrityViolationException) {
        // The database's own text names the constraint and echoes the stored row's values.
        return INTEGRITY;
      }
      root = root.getCause();
    }
    if (root instanceof DataIntegrityViolationException) {
      return INTEGRITY;
    }
    String message = root.getMessage();
    if (message == null || message.isBlank()) {
      message = root.getClass().getSimpleName();
    }
    return message.replaceAll("\\s+", " ").trim();
  }
}
