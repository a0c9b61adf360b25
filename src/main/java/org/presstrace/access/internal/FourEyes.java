package org.presstrace.access.internal;

import org.presstrace.access.Caller;
import org.presstrace.access.Role;
import org.springframework.security.access.AccessDeniedException;

/**
 * The four-eyes rule every loosening shares (a release, a marking change): a supervisor of the
 * record's owning agency decides, and never the person who asked.
 */
final class FourEyes {

  private FourEyes() {}

  /** Refuses {@code by} unless a supervisor of {@code ownerAgency}; {@code what} is plural. */
  static void requireSupervisorOf(Caller by, String ownerAgency, String what) {
    if (!by.has(Role.SUPERVISOR) || !by.agency().equals(ownerAgency)) {
      throw new AccessDeniedException("only supervisors of " + ownerAgency + " decide its " + what);
    }
  }

  /**
   * Refuses {@code by} unless a supervisor of {@code ownerAgency} other than {@code requestedBy};
   * {@code one} names the request in the singular.
   */
  static void requireDecider(
      Caller by, String ownerAgency, String requestedBy, String one, String what) {
    requireSupervisorOf(by, ownerAgency, what);
    if (requestedBy.equals(by.username())) {
      throw new AccessDeniedException("four eyes: the requester cannot decide their own " + one);
    }
  }
}
