package org.presstrace.exchange.taxii.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeSet;
import org.presstrace.access.Caller;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * When each version entered a collection for one reader scope (TAXII's {@code date_added}, per
 * scope). A collection is a view filtered for its reader, so a version is added for a scope when a
 * reader of that scope is first served it, which is after every earlier request of that scope: an
 * incremental poll ({@code added_after} the end of the last one) brings a record released, or a
 * marking loosened, after someone else was first served it. A recorded date never changes, so the
 * same request answers the same bytes; a scope's dates are its own and tell no other scope
 * anything.
 */
@Repository
public class ScopeDates {

  private final JdbcClient jdbc;

  ScopeDates(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One version of one object. */
  public record Key(String stixId, String version) {}

  /**
   * The scope the access policy decides {@code caller}'s reads for: the agency (its kind, country,
   * custody and releases follow from it), and the caller's compartments when there are any. Members
   * of one agency in the same compartments read the same records, so they share dates.
   */
  public static String scope(Caller caller) {
    if (caller.compartments().isEmpty()) {
      return caller.agency();
    }
    String compartments = String.join(",", new TreeSet<>(caller.compartments()));
    try {
      return caller.agency()
          + "#"
          + HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-256")
                      .digest(compartments.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /**
   * The date each of {@code shown} was added to the collection for {@code scope}: the one recorded,
   * else {@code at} (to the millisecond, and after every date the scope already has), recorded now.
   */
  public Map<Key, Instant> addedFor(
      String collectionId, String scope, Collection<Key> shown, Instant at) {
    var dates = new HashMap<Key, Instant>();
    Instant[] latest = {null};
    jdbc.sql(
            "SELECT stix_id, stix_version, date_added FROM taxii_scope_added"
                + " WHERE collection_id = :collection AND scope = :scope")
        .param("collection", collectionId)
        .param("scope", scope)
        .query(
            rs -> {
              Instant added = rs.getObject("date_added", OffsetDateTime.class).toInstant();
              dates.put(new Key(rs.getString("stix_id"), rs.getString("stix_version")), added);
              if (latest[0] == null || added.isAfter(latest[0])) {
                latest[0] = added;
              }
            });
    // milliseconds, as TAXII states dates; strictly after the scope's latest, so that a client
    // whose cursor is the scope's last date never skips what is added now
    Instant now = at.truncatedTo(ChronoUnit.MILLIS);
    if (latest[0] != null && !now.isAfter(latest[0])) {
      now = latest[0].plusMillis(1);
    }
    for (Key key : shown) {
      if (!dates.containsKey(key)) {
        dates.put(key, insert(collectionId, scope, key, now));
      }
    }
    return dates;
  }

  private Instant insert(String collectionId, String scope, Key key, Instant added) {
    try {
      jdbc.sql(
              "INSERT INTO taxii_scope_added (collection_id, scope, stix_id, stix_version,"
                  + " date_added) VALUES (:collection, :scope, :id, :version, :added)")
          .param("collection", collectionId)
          .param("scope", scope)
          .param("id", key.stixId())
          .param("version", key.version())
          .param("added", added.atOffset(ZoneOffset.UTC))
          .update();
      return added;
    } catch (DuplicateKeyException e) {
      // another request of the same scope added it first: its date stands
      return jdbc.sql(
              "SELECT date_added FROM taxii_scope_added WHERE collection_id = :collection"
                  + " AND scope = :scope AND stix_id = :id AND stix_version = :version")
          .param("collection", collectionId)
          .param("scope", scope)
          .param("id", key.stixId())
          .param("version", key.version())
          .query(OffsetDateTime.class)
          .single()
          .toInstant();
    }
  }
}
