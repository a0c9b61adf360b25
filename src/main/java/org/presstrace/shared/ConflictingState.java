package org.presstrace.shared;

/** The request is well-formed but the record's current state refuses it (answered with 409). */
public class ConflictingState extends IllegalStateException {

  public ConflictingState(String message) {
    super(message);
  }
}
