package org.presstrace.casework.internal;

import java.util.LinkedHashMap;
import org.presstrace.resolution.Entity;
import org.presstrace.resolution.Schema;
import org.presstrace.resolution.SharedValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes each subject's shared values ({@link SharedValues}) beside its statements, and once at
 * start for subjects stored before the values were kept. A write of the system's own index, not a
 * read for a user: the rows are shown only through {@code GuardedReads.related}.
 */
@Component
public class ValueStore {

  private static final Logger LOG = LoggerFactory.getLogger(ValueStore.class);

  private final JdbcClient jdbc;

  ValueStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores the shared values of a subject just inserted. */
  public void store(Entity entity) {
    for (SharedValues.Value value : SharedValues.of(entity)) {
      jdbc.sql(
              """
              INSERT INTO resolution_value (entity_id, value_key, value_kind, value_text)
              VALUES (:id, :key, :kind, :text)
              """)
          .param("id", entity.id())
          .param("key", value.key())
          .param("kind", value.kind())
          .param("text", value.text())
          .update();
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  @Transactional
  public void backfill() {
    var entities = new LinkedHashMap<String, Entity>();
    jdbc.sql(
            """
            SELECT e.id, e.schema_name, s.property, s.statement_value, s.source_record
            FROM resolution_entity e JOIN resolution_statement s ON s.entity_id = e.id
            WHERE NOT EXISTS (SELECT 1 FROM resolution_value v WHERE v.entity_id = e.id)
              AND EXISTS (SELECT 1 FROM resolution_statement k
                          WHERE k.entity_id = e.id AND k.property IN (:properties))
            ORDER BY e.id, s.ordinal
            """)
        .param("properties", SharedValues.PROPERTIES)
        .query(
            (java.sql.ResultSet rs) -> {
              String id = rs.getString("id");
              String property = rs.getString("property");
              String value = rs.getString("statement_value");
              String source = rs.getString("source_record");
              Schema schema = Schema.parse("schema", rs.getString("schema_name"));
              entities.put(
                  id,
                  entities.getOrDefault(id, Entity.of(id, schema)).with(property, value, source));
            });
    entities.values().forEach(this::store);
    if (!entities.isEmpty()) {
      LOG.info("Shared values indexed for {} subjects stored before", entities.size());
    }
  }
}
