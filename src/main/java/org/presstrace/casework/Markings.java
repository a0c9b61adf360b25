package org.presstrace.casework;

import org.presstrace.access.Caller;
import org.presstrace.access.Directory;
import org.presstrace.access.Marking;
import org.presstrace.access.Role;
import org.presstrace.shared.Fields;
import org.presstrace.shared.InvalidRequest;
import org.springframework.security.access.AccessDeniedException;

/** Checks on the writer of a subject or operation and on the marking they give it. */
final class Markings {

  private Markings() {}

  static void requireWriter(Caller caller) {
    if (!caller.has(Role.INVESTIGATOR)
        && !caller.has(Role.ANALYST)
        && !caller.has(Role.SUPERVISOR)) {
      throw new AccessDeniedException(
          "only investigators, analysts and supervisors enter subjects and operations");
    }
  }

  /** The given marking, owned by the caller's agency, refused when the caller may not set it. */
  static Marking owned(Caller caller, Marking given, Directory directory) {
    if (given == null) {
      throw new InvalidRequest("marking", "a marking is required");
    }
    var marking =
        new Marking(
            caller.agency(),
            given.tlp(),
            given.cuiCategory(),
            given.noforn(),
            given.relTo(),
            given.compartment());
    if (marking.noforn() && caller.foreign()) {
      throw new InvalidRequest("marking.noforn", "NOFORN is a control for domestic agencies");
    }
    if (marking.compartment() != null
        && (!directory.compartmentExists(marking.compartment())
            || !caller.compartments().contains(marking.compartment()))) {
      throw new InvalidRequest(
          "marking.compartment", "you are not a member of compartment " + marking.compartment());
    }
    return marking;
  }

  static String required(String value, String field, int max) {
    return Fields.required(value, field, max);
  }
}
