package org.presstrace.exchange.taxii.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.presstrace.access.GuardedReads;
import org.presstrace.access.Marking;
import org.presstrace.access.ProtectedKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * STIX objects partners posted, one row per object version, with who sent it, when, and the marking
 * PressTrace enforces on it; and the status resources of the envelopes they came in.
 */
@Repository
public class ReceivedObjects {

  /** Received STIX objects as protected records: reading one needs a stated purpose. */
  public static final ProtectedKind KIND =
      new ProtectedKind(
          "taxii-object",
          "taxii_object",
          "r.id, r.collection_id, r.stix_id, r.stix_type, r.stix_version, r.body, r.date_added,"
              + " r.sent_by, "
              + ProtectedKind.MARKING_COLUMNS,
          true);

  private final JdbcClient jdbc;

  ReceivedObjects(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A stored object version as a reader who may see it sees it. */
  public record Received(
      String id,
      String collectionId,
      String stixId,
      String stixType,
      String version,
      String body,
      Instant dateAdded,
      String sentBy,
      Marking marking) {}

  public static Received received(ResultSet rs, int row) throws SQLException {
    return new Received(
        rs.getString("id"),
        rs.getString("collection_id"),
        rs.getString("stix_id"),
        rs.getString("stix_type"),
        rs.getString("stix_version"),
        rs.getString("body"),
        rs.getObject("date_added", OffsetDateTime.class).toInstant(),
        rs.getString("sent_by"),
        GuardedReads.markingOf(rs));
  }

  /** Whether the agency already holds this version of the object. */
  public boolean holds(String agency, String stixId, String version) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM taxii_object WHERE owner_agency = :agency"
                    + " AND stix_id = :stixId AND stix_version = :version")
            .param("agency", agency)
            .param("stixId", stixId)
            .param("version", version)
            .query(Long.class)
            .single()
        > 0;
  }

  public void insert(
      String id,
      String collectionId,
      String stixId,
      String stixType,
      String version,
      String body,
      Instant dateAdded,
      String sentBy,
      String source,
      String statusId,
      Marking marking) {
    jdbc.sql(
            "INSERT INTO taxii_object (id, collection_id, stix_id, stix_type, stix_version, body,"
                + " date_added, sent_by, source, status_id, owner_agency, tlp, cui_category, noforn,"
                + " rel_to, compartment) VALUES (:id, :collection, :stixId, :type, :version,"
                + " :body, :added, :sentBy, :source, :status, :owner, :tlp, :cui, :noforn, :relTo,"
                + " :compartment)")
        .param("id", id)
        .param("collection", collectionId)
        .param("stixId", stixId)
        .param("type", stixType)
        .param("version", version)
        .param("body", body)
        .param("added", dateAdded.atOffset(ZoneOffset.UTC))
        .param("sentBy", sentBy)
        .param("source", source)
        .param("status", statusId)
        .param("owner", marking.ownerAgency())
        .param("tlp", marking.tlp().label())
        .param("cui", marking.cuiCategory())
        .param("noforn", marking.noforn())
        .param("relTo", marking.relToColumn())
        .param("compartment", marking.compartment())
        .update();
  }

  public void insertStatus(
      String id, String agency, String requestedBy, Instant createdAt, String body) {
    jdbc.sql(
            "INSERT INTO taxii_status (id, agency, requested_by, created_at, body)"
                + " VALUES (:id, :agency, :by, :at, :body)")
        .param("id", id)
        .param("agency", agency)
        .param("by", requestedBy)
        .param("at", createdAt.atOffset(ZoneOffset.UTC))
        .param("body", body)
        .update();
  }

  /** The status resource's body, if {@code agency} posted it. */
  public Optional<String> status(String id, String agency) {
    return jdbc.sql("SELECT body FROM taxii_status WHERE id = :id AND agency = :agency")
        .param("id", id)
        .param("agency", agency)
        .query(String.class)
        .optional();
  }
}
