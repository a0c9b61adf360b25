/**
 * Entity resolution, the matching engine: people and companies as statements, normalised across
 * scripts and languages, blocked with capped keys and scored with an explanation of every feature;
 * judgements that override a score; the in-memory index. It keeps no records of its own: casework
 * feeds it subjects and stores what is judged.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Entity resolution",
    allowedDependencies = {"shared"})
package org.presstrace.resolution;
