package org.presstrace.exchange.taxii.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.presstrace.access.GuardedReads;
import org.presstrace.access.Marking;
import org.presstrace.exchange.stix.StixIds;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The versions of the objects PressTrace serves from its own records. The STIX mapping gives an
 * object as its record is now; the first time a new state is served it is recorded as a version,
 * under a {@code modified} timestamp that never changes afterwards: the record's own time of change
 * when that is later than the last version, else the time the change was first served. An earlier
 * version is never rewritten or dropped.
 */
@Repository
public class ServedVersions {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;

  ServedVersions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An object as its record is now, under the record's marking now. */
  public record Current(ObjectNode object, Marking marking) {

    public String id() {
      return object.get("id").asString();
    }
  }

  /** One stored version, with the marking its record carried when it was served. */
  public record Version(
      String stixId,
      String version,
      Instant dateAdded,
      ObjectNode object,
      Marking marking,
      String fingerprint) {}

  /**
   * Records the state of each of {@code current} not yet recorded, and answers every stored version
   * of each, oldest first, keyed by object id in the order given.
   */
  public Map<String, List<Version>> record(String collectionId, List<Current> current, Instant at) {
    // milliseconds, as TAXII states dates: what is stored reads back equal, so paging is exact
    Instant now = at.truncatedTo(ChronoUnit.MILLIS);
    var stored = stored(collectionId);
    var answer = new LinkedHashMap<String, List<Version>>();
    for (Current one : current) {
      String id = one.id();
      List<Version> versions = stored.computeIfAbsent(id, key -> new ArrayList<>());
      String fingerprint = fingerprint(one.object());
      Version last = versions.isEmpty() ? null : versions.get(versions.size() - 1);
      Instant stated = StixIds.parseTimestamp(one.object().get("modified").asString());
      if (last == null
          || !fingerprint.equals(last.fingerprint())
          || stated.isAfter(StixIds.parseTimestamp(last.version()))) {
        Instant modified;
        if (last == null) {
          modified = stated;
        } else {
          Instant previous = StixIds.parseTimestamp(last.version());
          modified = stated.isAfter(previous) ? stated : now;
          if (!modified.isAfter(previous)) {
            modified = previous.plusMillis(1);
          }
        }
        ObjectNode object = one.object().deepCopy();
        String version = StixIds.timestamp(modified);
        object.put("modified", version);
        var added = new Version(id, version, now, object, one.marking(), fingerprint);
        if (insert(collectionId, added)) {
          versions.add(added);
        } else {
          // another request (or node) recorded this state first: take what it stored
          versions.clear();
          versions.addAll(stored(collectionId, id));
        }
      }
      answer.put(id, List.copyOf(versions));
    }
    return answer;
  }

  private Map<String, List<Version>> stored(String collectionId) {
    var byId = new LinkedHashMap<String, List<Version>>();
    jdbc.sql(
            "SELECT stix_id, stix_version, date_added, fingerprint, body, owner_agency, tlp, cui_category,"
                + " noforn, rel_to, compartment FROM taxii_served_version"
                + " WHERE collection_id = :collection ORDER BY stix_id, stix_version")
        .param("collection", collectionId)
        .query(
            rs -> {
              byId.computeIfAbsent(rs.getString("stix_id"), key -> new ArrayList<>())
                  .add(version(rs));
            });
    return byId;
  }

  private List<Version> stored(String collectionId, String stixId) {
    return jdbc.sql(
            "SELECT stix_id, stix_version, date_added, fingerprint, body, owner_agency, tlp, cui_category,"
                + " noforn, rel_to, compartment FROM taxii_served_version"
                + " WHERE collection_id = :collection AND stix_id = :id ORDER BY stix_version")
        .param("collection", collectionId)
        .param("id", stixId)
        .query((rs, row) -> version(rs))
        .list();
  }

  private static Version version(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Version(
        rs.getString("stix_id"),
        rs.getString("stix_version"),
        rs.getObject("date_added", OffsetDateTime.class).toInstant(),
        (ObjectNode) JSON.readTree(rs.getString("body")),
        GuardedReads.markingOf(rs),
        rs.getString("fingerprint"));
  }

  private boolean insert(String collectionId, Version version) {
    Marking marking = version.marking();
    try {
      jdbc.sql(
              "INSERT INTO taxii_served_version (collection_id, stix_id, stix_version, date_added,"
                  + " fingerprint, body, owner_agency, tlp, cui_category, noforn, rel_to,"
                  + " compartment) VALUES (:collection, :id, :version, :added, :fingerprint,"
                  + " :body, :owner, :tlp, :cui, :noforn, :relTo, :compartment)")
          .param("collection", collectionId)
          .param("id", version.stixId())
          .param("version", version.version())
          .param("added", version.dateAdded().atOffset(ZoneOffset.UTC))
          .param("fingerprint", version.fingerprint())
          .param("body", version.object().toString())
          .param("owner", marking.ownerAgency())
          .param("tlp", marking.tlp().label())
          .param("cui", marking.cuiCategory())
          .param("noforn", marking.noforn())
          .param("relTo", marking.relToColumn())
          .param("compartment", marking.compartment())
          .update();
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  /** The SHA-256 of the object without its {@code modified} timestamp. */
  static String fingerprint(ObjectNode object) {
    ObjectNode content = object.deepCopy();
    content.remove("modified");
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(content.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
