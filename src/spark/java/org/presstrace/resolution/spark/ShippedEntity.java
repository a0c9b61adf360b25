package org.presstrace.resolution.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.presstrace.resolution.Entity;
import org.presstrace.resolution.Schema;
import org.presstrace.resolution.Statement;

/**
 * An entity as it travels between Spark's machines, with its place in the run: {@code index} is its
 * position (the left file first, then the right), which decides the order of a pair as the
 * in-process engine orders it; {@code side} is 0 for the left file, 1 for the right.
 */
record ShippedEntity(
    long index,
    int side,
    String id,
    String schema,
    String[] properties,
    String[] values,
    String[] sources)
    implements Serializable {

  static ShippedEntity of(long index, int side, Entity entity) {
    int n = entity.statements().size();
    String[] properties = new String[n];
    String[] values = new String[n];
    String[] sources = new String[n];
    for (int i = 0; i < n; i++) {
      Statement statement = entity.statements().get(i);
      properties[i] = statement.property();
      values[i] = statement.value();
      sources[i] = statement.source();
    }
    return new ShippedEntity(
        index, side, entity.id(), entity.schema().name(), properties, values, sources);
  }

  /** The entity again, statement for statement. */
  Entity entity() {
    List<Statement> statements = new ArrayList<>(properties.length);
    for (int i = 0; i < properties.length; i++) {
      statements.add(new Statement(properties[i], values[i], sources[i]));
    }
    return new Entity(id, Schema.valueOf(schema), statements);
  }
}
