/**
 * Entity resolution: people and companies held as statements with provenance, normalised across
 * scripts and languages, blocked with capped keys and scored with an explanation of every feature.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Entity resolution")
package org.presstrace.resolution;
