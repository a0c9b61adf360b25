package org.presstrace.access;

import java.util.Set;

/**
 * Tables a module declares append-only: on PostgreSQL the application's role may read and insert
 * rows there but never update, delete or truncate them. Each module that owns such tables declares
 * them as a bean; access grants accordingly after each migration.
 */
public record AppendOnlyTables(Set<String> tables) {

  public AppendOnlyTables {
    tables = Set.copyOf(tables);
  }
}
