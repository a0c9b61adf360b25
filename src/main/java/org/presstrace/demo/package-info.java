/**
 * The synthetic demo world: agencies, one user per role, marked reports and releases, registrants
 * and their equipment.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo world")
package org.presstrace.demo;
