package org.presstrace.access;

/** A policy decision: allowed or not, the rule of docs/access-control.md that decided, and why. */
public record Decision(boolean allowed, int rule, String reason) {

  static Decision allow(int rule, String reason) {
    return new Decision(true, rule, reason);
  }

  static Decision deny(int rule, String reason) {
    return new Decision(false, rule, reason);
  }
}
