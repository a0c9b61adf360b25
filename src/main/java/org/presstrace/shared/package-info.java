/**
 * The shared kernel: generic value types that every module may use and that carry no policy of
 * their own: paging, the problem types an API answers with (invalid request, not found, conflicting
 * state, too many requests), CSV field quoting and ISO country codes.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Shared kernel",
    allowedDependencies = {})
package org.presstrace.shared;
