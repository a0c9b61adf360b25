package org.presstrace.resolution;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A person or company as the statements made about it, each with its provenance. */
public record Entity(String id, Schema schema, List<Statement> statements) {

  public Entity {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(schema, "schema");
    statements = List.copyOf(statements);
  }

  /** An entity without statements, to extend with {@link #with}. */
  public static Entity of(String id, Schema schema) {
    return new Entity(id, schema, List.of());
  }

  /** This entity with one more statement; blank values are skipped. */
  public Entity with(String property, String value) {
    return with(property, value, id);
  }

  /** This entity with one more statement from {@code source}; blank values are skipped. */
  public Entity with(String property, String value, String source) {
    if (value == null || value.isBlank()) {
      return this;
    }
    var more = new ArrayList<>(statements);
    more.add(new Statement(schema.property("property", property), value.trim(), source));
    return new Entity(id, schema, more);
  }

  /** The values stated for {@code property}, in the order stated. */
  public List<String> values(String property) {
    return statements.stream()
        .filter(statement -> statement.property().equals(property))
        .map(Statement::value)
        .toList();
  }
}
