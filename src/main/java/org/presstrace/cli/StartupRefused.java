package org.presstrace.cli;

/** PressTrace refuses to start; the message says why in one line the operator can act on. */
final class StartupRefused extends RuntimeException {

  StartupRefused(String message) {
    super(message);
  }
}
