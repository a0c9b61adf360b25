/**
 * The web shell: security configuration, layout and navigation by role, login and error pages, the
 * API's problem-details mapping, request ids and body limits. No domain logic lives here.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Web shell",
    allowedDependencies = {"access", "shared"})
package org.presstrace.web;
