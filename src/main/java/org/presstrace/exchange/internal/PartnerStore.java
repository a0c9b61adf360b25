package org.presstrace.exchange.internal;

import static org.presstrace.exchange.internal.Rows.instant;
import static org.presstrace.exchange.internal.Rows.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.stream.Collectors;
import org.presstrace.exchange.Partner;
import org.presstrace.shared.CountryCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code exchange_partner} table: the partner directory and each partner's two counters. */
@Repository
public class PartnerStore {

  private final JdbcClient jdbc;

  PartnerStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Partner> all() {
    return jdbc.sql("SELECT * FROM exchange_partner ORDER BY id")
        .query(PartnerStore::partner)
        .list();
  }

  public Optional<Partner> find(String id) {
    return jdbc.sql("SELECT * FROM exchange_partner WHERE id = :id")
        .param("id", id)
        .query(PartnerStore::partner)
        .optional();
  }

  public boolean keyInUse(String publicKey) {
    return jdbc.sql("SELECT COUNT(*) FROM exchange_partner WHERE public_key = :key")
            .param("key", publicKey)
            .query(Long.class)
            .single()
        > 0;
  }

  public void insert(Partner partner) {
    jdbc.sql(
            """
            INSERT INTO exchange_partner (id, country, authority, base_url, public_key, agency,
                message_types, enabled, next_sequence, applied_through, created_at, updated_at)
            VALUES (:id, :country, :authority, :baseUrl, :publicKey, :agency, :types, :enabled,
                1, 0, :at, :at)
            """)
        .param("id", partner.id())
        .param("country", partner.country().alpha3())
        .param("authority", partner.authority())
        .param("baseUrl", partner.baseUrl())
        .param("publicKey", partner.publicKey())
        .param("agency", partner.agency())
        .param("types", String.join(",", partner.messageTypes()))
        .param("enabled", partner.enabled())
        .param("at", utc(partner.createdAt()))
        .update();
  }

  public void update(String id, SortedSet<String> types, boolean enabled, Instant at) {
    jdbc.sql(
            "UPDATE exchange_partner SET message_types = :types, enabled = :enabled,"
                + " updated_at = :at WHERE id = :id")
        .param("types", String.join(",", types))
        .param("enabled", enabled)
        .param("at", utc(at))
        .param("id", id)
        .update();
  }

  /** Takes the partner's next outgoing sequence number, holding its row until commit. */
  public long takeSequence(String id) {
    long next =
        jdbc.sql("SELECT next_sequence FROM exchange_partner WHERE id = :id FOR UPDATE")
            .param("id", id)
            .query(Long.class)
            .single();
    jdbc.sql("UPDATE exchange_partner SET next_sequence = :after WHERE id = :id")
        .param("after", next + 1)
        .param("id", id)
        .update();
    return next;
  }

  /** The last sequence number of the partner's applied so far, holding its row until commit. */
  public long appliedThroughForUpdate(String id) {
    return jdbc.sql("SELECT applied_through FROM exchange_partner WHERE id = :id FOR UPDATE")
        .param("id", id)
        .query(Long.class)
        .single();
  }

  public void setAppliedThrough(String id, long sequence) {
    jdbc.sql("UPDATE exchange_partner SET applied_through = :sequence WHERE id = :id")
        .param("sequence", sequence)
        .param("id", id)
        .update();
  }

  private static Partner partner(ResultSet rs, int row) throws SQLException {
    String types = rs.getString("message_types");
    return new Partner(
        rs.getString("id"),
        new CountryCode(rs.getString("country")),
        rs.getString("authority"),
        rs.getString("base_url"),
        rs.getString("public_key"),
        rs.getString("agency"),
        types.isEmpty()
            ? new java.util.TreeSet<>()
            : Arrays.stream(types.split(","))
                .collect(Collectors.toCollection(java.util.TreeSet::new)),
        rs.getBoolean("enabled"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"),
        null);
  }
}
