package org.presstrace.access.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code compartment} table: codes, names and owning agencies. */
@Repository
public class CompartmentStore {

  private final JdbcClient jdbc;

  CompartmentStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public boolean exists(String code) {
    return jdbc.sql("SELECT COUNT(*) FROM compartment WHERE code = :code")
            .param("code", code)
            .query(Long.class)
            .single()
        > 0;
  }

  /** The agency owning compartment {@code code}, if it exists. */
  public Optional<String> owner(String code) {
    return jdbc.sql("SELECT owner_agency FROM compartment WHERE code = :code")
        .param("code", code)
        .query(String.class)
        .optional();
  }

  public void insert(String code, String name, String ownerAgency, Instant at) {
    jdbc.sql(
            "INSERT INTO compartment (code, name, owner_agency, created_at)"
                + " VALUES (:code, :name, :owner, :at)")
        .param("code", code)
        .param("name", name)
        .param("owner", ownerAgency)
        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
        .update();
  }
}
