/**
 * Access control: agencies, users and roles; handling markings; the one policy decision point that
 * every read of a protected record goes through; four-eyes release; the audit trail.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Access",
    allowedDependencies = {"shared"})
package org.presstrace.access;
