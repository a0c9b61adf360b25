package org.presstrace.resolution;

import java.util.Objects;

/**
 * One claim about an entity: its property and value as a source stated it. {@code source} names the
 * record the value came from (a file and row, a report id, ...).
 */
public record Statement(String property, String value, String source) {

  public Statement {
    Objects.requireNonNull(property, "property");
    Objects.requireNonNull(value, "value");
    source = source == null ? "" : source;
  }
}
