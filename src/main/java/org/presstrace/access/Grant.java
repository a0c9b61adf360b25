package org.presstrace.access;

import java.time.Instant;

/**
 * One grant to one user: either a role ({@link #role()}) or a compartment membership ({@link
 * #compartment()}). A grant of a content role or a membership is {@link GrantStatus#PENDING} until
 * a supervisor of {@link #approverAgency()} (neither the grantee nor the requester) decides it.
 */
public record Grant(
    String id,
    String username,
    String agency,
    Role role,
    String compartment,
    String approverAgency,
    GrantStatus status,
    String requestedBy,
    Instant requestedAt,
    String decidedBy,
    Instant decidedAt,
    String decisionReason) {

  /**
   * What is granted, for messages and the audit trail: {@code role supervisor} or {@code
   * compartment OP-X}.
   */
  public String what() {
    return role != null ? "role " + role.slug() : "compartment " + compartment;
  }
}
