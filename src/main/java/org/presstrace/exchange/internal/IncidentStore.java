package org.presstrace.exchange.internal;

import static org.presstrace.exchange.internal.Rows.instant;
import static org.presstrace.exchange.internal.Rows.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.presstrace.access.Marking;
import org.presstrace.access.SqlFilter;
import org.presstrace.exchange.Incident;
import org.presstrace.shared.CountryCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code exchange_incident} table: incidents received from partners. */
@Repository
public class IncidentStore {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<List<Incident.Item>> ITEMS = new TypeReference<>() {};

  private final JdbcClient jdbc;

  IncidentStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether the partner's message was stored as an incident already. */
  public boolean holds(String partnerId, String messageId) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM exchange_incident WHERE partner_id = :partner"
                    + " AND message_id = :message")
            .param("partner", partnerId)
            .param("message", messageId)
            .query(Long.class)
            .single()
        > 0;
  }

  public void insert(Incident i) {
    Marking m = i.marking();
    jdbc.sql(
            """
            INSERT INTO exchange_incident (id, partner_id, message_id, origin_country,
                sender_agency, source_kind, source_id, reference, stix_id, occurred_at, zone,
                context, port_of_entry, region, place, items, sent_by, sent_at, received_at,
                owner_agency, tlp, cui_category, noforn, rel_to, compartment)
            VALUES (:id, :partner, :message, :country, :sender, :sourceKind, :sourceId,
                :reference, :stixId, :occurredAt, :zone, :context, :port, :region, :place, :items,
                :sentBy, :sentAt, :receivedAt, :owner, :tlp, :cui, :noforn, :relTo, :compartment)
            """)
        .param("id", i.id())
        .param("partner", i.partnerId())
        .param("message", i.messageId())
        .param("country", i.originCountry().alpha3())
        .param("sender", i.senderAgency())
        .param("sourceKind", i.sourceKind())
        .param("sourceId", i.sourceId())
        .param("reference", i.reference())
        .param("stixId", i.stixId())
        .param("occurredAt", i.occurredAt())
        .param("zone", i.zone())
        .param("context", i.context())
        .param("port", i.portOfEntry())
        .param("region", i.region())
        .param("place", i.place())
        .param("items", JSON.writeValueAsString(i.items()))
        .param("sentBy", i.sentBy())
        .param("sentAt", utc(i.sentAt()))
        .param("receivedAt", utc(i.receivedAt()))
        .param("owner", m.ownerAgency())
        .param("tlp", m.tlp().name())
        .param("cui", m.cuiCategory())
        .param("noforn", m.noforn())
        .param("relTo", m.relToColumn())
        .param("compartment", m.compartment())
        .update();
  }

  /** The incidents {@code filter} admits, newest first (at most {@code limit}). */
  public List<Incident> list(SqlFilter filter, int limit) {
    return jdbc.sql(
            "SELECT r.* FROM exchange_incident r WHERE "
                + filter.sql()
                + " ORDER BY r.received_at DESC, r.id LIMIT "
                + limit)
        .params(filter.parameters())
        .query(IncidentStore::incident)
        .list();
  }

  public Optional<Incident> find(String id, SqlFilter filter) {
    return jdbc.sql("SELECT r.* FROM exchange_incident r WHERE r.id = :id AND " + filter.sql())
        .params(filter.parameters())
        .param("id", id)
        .query(IncidentStore::incident)
        .optional();
  }

  private static Incident incident(ResultSet rs, int row) throws SQLException {
    return new Incident(
        rs.getString("id"),
        rs.getString("message_id"),
        rs.getString("partner_id"),
        new CountryCode(rs.getString("origin_country")),
        rs.getString("sender_agency"),
        rs.getString("source_kind"),
        rs.getString("source_id"),
        rs.getString("reference"),
        rs.getString("stix_id"),
        rs.getString("occurred_at"),
        rs.getString("zone"),
        rs.getString("context"),
        rs.getString("port_of_entry"),
        rs.getString("region"),
        rs.getString("place"),
        JSON.readValue(rs.getString("items"), ITEMS),
        rs.getString("sent_by"),
        instant(rs, "sent_at"),
        instant(rs, "received_at"),
        Rows.marking(rs));
  }
}
