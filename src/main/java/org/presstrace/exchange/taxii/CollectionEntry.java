package org.presstrace.exchange.taxii;

import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * One version of one STIX object in a collection, as a caller who may read it sees it.
 *
 * @param version the object's {@code modified} (or {@code created}) timestamp as it states it
 * @param dateAdded when this version entered the collection
 */
public record CollectionEntry(String id, String version, Instant dateAdded, ObjectNode object) {

  public String type() {
    return object.get("type").asString();
  }

  /** The version as an instant, for ordering versions of one object. */
  Instant versionInstant() {
    try {
      return Instant.parse(version);
    } catch (RuntimeException e) {
      return dateAdded;
    }
  }
}
