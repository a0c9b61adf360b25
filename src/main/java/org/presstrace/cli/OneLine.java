package org.presstrace.cli;

/** Turns an exception chain into the one line a command prints when it fails. */
final class OneLine {

  private OneLine() {}

  static String of(Throwable failure) {
    if (failure instanceof StartupRefused refused) {
      return refused.getMessage();
    }
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    if (message == null || message.isBlank()) {
      message = root.getClass().getSimpleName();
    }
    return message.replaceAll("\\s+", " ").trim();
  }
}
