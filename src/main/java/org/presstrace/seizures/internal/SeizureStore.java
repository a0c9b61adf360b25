package org.presstrace.seizures.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.presstrace.access.GuardedReads;
import org.presstrace.access.Marking;
import org.presstrace.access.ProtectedKind;
import org.presstrace.seizures.DoseMethod;
import org.presstrace.seizures.ItemForm;
import org.presstrace.seizures.MassUnit;
import org.presstrace.seizures.Quantity;
import org.presstrace.seizures.Screening;
import org.presstrace.seizures.SeizureContext;
import org.presstrace.seizures.SeizureDetail;
import org.presstrace.seizures.SeizureItem;
import org.presstrace.seizures.SeizureView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The seizure tables. Reads that show content go through {@code GuardedReads} with {@link #KIND},
 * {@link #PARTY_KIND}, {@link #ITEMS_SQL} and {@link #EQUIPMENT_SQL}; the reads here serve writes:
 * which seizure holds a reference, the seizure just written, and recorded items to screen again.
 * Doses are worked out by the {@link Seizure} aggregate; this class only writes them.
 */
@Repository
public class SeizureStore {

  /** The protected kind of seizure reports; reading one needs a stated purpose. */
  public static final ProtectedKind KIND =
      new ProtectedKind(
          "seizure",
          "seizure",
          "r.id, r.reference, r.occurred_at, r.occurred_zone, r.occurred_month, r.fiscal_year,"
              + " r.context, r.port_of_entry, r.region, r.place, r.latitude, r.longitude,"
              + " r.narrative, r.item_count, r.presses, r.equipment_count, r.unregistered,"
              + " r.reported_by, r.reported_at, "
              + ProtectedKind.MARKING_COLUMNS,
          true);

  /** People, companies and vehicles named in seizures, marked as their seizure. */
  public static final ProtectedKind PARTY_KIND =
      new ProtectedKind(
          "seizure-party",
          "seizure_party",
          "r.id, r.seizure_id, r.kind, r.name, r.identifier, r.role, r.details, "
              + ProtectedKind.MARKING_COLUMNS,
          true);

  /** The items of the seizure {@code :id}, in order. */
  public static final String ITEMS_SQL =
      "SELECT * FROM seizure_item WHERE seizure_id = :id ORDER BY seq";

  /** The equipment of the seizure {@code :id}, in order. */
  public static final String EQUIPMENT_SQL =
      "SELECT * FROM seizure_equipment WHERE seizure_id = :id ORDER BY seq";

  /** One recorded item with the seizure it belongs to, for screening it again. */
  public record RecordedItem(
      String seizureId, int seq, String reference, String owner, SeizureItem item) {}

  private final JdbcClient jdbc;

  SeizureStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The seizure of {@code agency} holding {@code reference} in the scope of {@code compartment}
   * (null for none). Every reporter who may write in that scope may read every seizure in it.
   */
  public Optional<String> holderOfReference(String agency, String compartment, String reference) {
    return jdbc.sql(
            "SELECT id FROM seizure WHERE owner_agency = :a AND reference_scope = :scope"
                + " AND reference = :r")
        .param("a", agency)
        .param("scope", scope(compartment))
        .param("r", reference)
        .query(String.class)
        .optional();
  }

  private static String scope(String compartment) {
    return compartment == null ? "" : compartment;
  }

  /** Stores a newly recorded seizure and its items; its equipment follows as it is traced. */
  public void insert(Seizure recorded) {
    SeizureView seizure = recorded.view();
    Marking marking = seizure.marking();
    var columns = new HashMap<String, Object>(markingColumns(marking));
    columns.put("id", seizure.id());
    columns.put("reference", seizure.reference());
    columns.put("scope", scope(marking.compartment()));
    columns.put("occurredAt", seizure.occurredAt());
    columns.put("zone", seizure.zone());
    columns.put("local", seizure.occurredAt().toLocalDateTime().toString());
    columns.put("month", seizure.month());
    columns.put("fy", seizure.fiscalYear());
    columns.put("context", seizure.context().name());
    columns.put("port", seizure.portOfEntry());
    columns.put("region", seizure.region());
    columns.put("place", seizure.place());
    columns.put("lat", seizure.latitude());
    columns.put("lon", seizure.longitude());
    columns.put("narrative", seizure.narrative());
    columns.put("items", seizure.itemCount());
    columns.put("presses", seizure.presses());
    columns.put("equipment", seizure.equipmentCount());
    columns.put("unregistered", seizure.unregistered());
    columns.put("by", seizure.reportedBy());
    columns.put("at", utc(seizure.reportedAt()));
    jdbc.sql(
            """
            INSERT INTO seizure (id, reference, occurred_at, occurred_zone, occurred_local,
                                 occurred_month, fiscal_year, context, port_of_entry, region, place,
                                 latitude, longitude, narrative, item_count, presses, equipment_count,
                                 unregistered, reported_by, reported_at, owner_agency, tlp,
                                 cui_category, noforn, rel_to, compartment, reference_scope)
            VALUES (:id, :reference, :occurredAt, :zone, :local, :month, :fy, :context, :port,
                    :region, :place, :lat, :lon, :narrative, :items, :presses, :equipment,
                    :unregistered, :by, :at, :owner, :tlp, :cui, :noforn, :relTo, :compartment,
                    :scope)
            """)
        .params(columns)
        .update();
    recorded.items().forEach(item -> insertItem(seizure.id(), item));
  }

  /** Stores one item with the fentanyl mass each dose method finds and the best of them. */
  private void insertItem(String seizureId, Seizure.Item stored) {
    SeizureItem item = stored.item();
    var columns = screeningColumns(seizureId, stored);
    columns.put("text", item.substance());
    columns.put("cas", item.cas());
    columns.put("form", item.form().name());
    putQuantity(columns, "net", item.net());
    putQuantity(columns, "gross", item.gross());
    columns.put("pills", item.pillCount());
    columns.put("imprint", item.imprint());
    columns.put("colour", item.colour());
    columns.put("purity", item.purityPct());
    columns.put("mgPerPill", item.mgPerPill());
    columns.put("share", item.shareAtLeast2mgPct());
    jdbc.sql(
            """
            INSERT INTO seizure_item (seizure_id, seq, substance_text, cas, screen_status,
                   substance_id, substance_name, substance_family, screen_reason, substance_group,
                   form, net_amount, net_unit, net_mg, gross_amount, gross_unit, gross_mg,
                   pill_count, imprint, colour, purity_pct, mg_per_pill, share_2mg_pct,
                   fentanyl_mg_lab, fentanyl_mg_pills, fentanyl_mg_assumed, assumed_basis,
                   fentanyl_mg_gross, gross_basis, best_method, fentanyl_mg_best)
            VALUES (:id, :seq, :text, :cas, :status, :substanceId, :substanceName, :family,
                    :reason, :group, :form, :netAmount, :netUnit, :netMg, :grossAmount, :grossUnit,
                    :grossMg, :pills, :imprint, :colour, :purity, :mgPerPill, :share, :lab,
                    :pillMg, :assumed, :assumedBasis, :fentanylGross, :grossBasis, :best, :bestMg)
            """)
        .params(columns)
        .update();
  }

  /**
   * Stores the new screening verdicts of {@code seizure}'s items with what follows from them: the
   * name each is grouped by and the fentanyl mass of each dose method.
   */
  public void saveRescreened(Seizure seizure) {
    for (Seizure.Item item : seizure.rescreenedItems()) {
      jdbc.sql(
              """
              UPDATE seizure_item SET screen_status = :status, substance_id = :substanceId,
                     substance_name = :substanceName, substance_family = :family,
                     screen_reason = :reason, substance_group = :group, fentanyl_mg_lab = :lab,
                     fentanyl_mg_pills = :pillMg, fentanyl_mg_assumed = :assumed,
                     assumed_basis = :assumedBasis, fentanyl_mg_gross = :fentanylGross,
                     gross_basis = :grossBasis, best_method = :best, fentanyl_mg_best = :bestMg
              WHERE seizure_id = :id AND seq = :seq
              """)
          .params(screeningColumns(seizure.id(), item))
          .update();
    }
  }

  private static Map<String, Object> screeningColumns(String seizureId, Seizure.Item stored) {
    SeizureItem item = stored.item();
    Map<DoseMethod, BigDecimal> masses = stored.fentanylMg();
    DoseMethod best = stored.best();
    var columns = new HashMap<String, Object>();
    columns.put("id", seizureId);
    columns.put("seq", stored.seq());
    columns.put("status", item.screening().status());
    columns.put("substanceId", item.screening().substanceId());
    columns.put("substanceName", item.screening().substanceName());
    columns.put("family", item.screening().family());
    columns.put("reason", cut(item.screening().reason(), 400));
    columns.put("group", stored.group());
    columns.put("lab", masses.get(DoseMethod.LAB_PURITY));
    columns.put("pillMg", masses.get(DoseMethod.PILL_CONTENT));
    columns.put("assumed", masses.get(DoseMethod.ASSUMED_PURITY));
    columns.put("assumedBasis", stored.assumedBasis());
    columns.put("fentanylGross", masses.get(DoseMethod.GROSS_UNADJUSTED));
    columns.put("grossBasis", stored.grossBasis());
    columns.put("best", best == null ? null : best.name());
    columns.put("bestMg", best == null ? null : masses.get(best));
    return columns;
  }

  public void insertEquipment(String seizureId, SeizureDetail.Equipment equipment) {
    jdbc.sql(
            """
            INSERT INTO seizure_equipment (seizure_id, seq, serial, kind, description, machine_id,
                                           prior_state, holder, outcome, alert_id)
            VALUES (:id, :seq, :serial, :kind, :description, :machine, :prior, :holder, :outcome,
                    :alert)
            """)
        .param("id", seizureId)
        .param("seq", equipment.seq())
        .param("serial", equipment.serial())
        .param("kind", equipment.kind())
        .param("description", equipment.description())
        .param("machine", equipment.machineId())
        .param("prior", equipment.priorState())
        .param("holder", cut(equipment.holder(), 200))
        .param("outcome", equipment.outcome())
        .param("alert", equipment.alertId())
        .update();
  }

  /** Stores a party with the seizure's marking, so that it is read under the same rules. */
  public void insertParty(SeizureDetail.Party party, int seq) {
    var columns = new HashMap<String, Object>(markingColumns(party.marking()));
    columns.put("id", party.id());
    columns.put("seizure", party.seizureId());
    columns.put("seq", seq);
    columns.put("kind", party.kind());
    columns.put("name", party.name());
    columns.put("identifier", party.identifier());
    columns.put("role", party.role());
    columns.put("details", party.details());
    jdbc.sql(
            """
            INSERT INTO seizure_party (id, seizure_id, seq, kind, name, identifier, role, details,
                                       owner_agency, tlp, cui_category, noforn, rel_to, compartment)
            VALUES (:id, :seizure, :seq, :kind, :name, :identifier, :role, :details, :owner, :tlp,
                    :cui, :noforn, :relTo, :compartment)
            """)
        .params(columns)
        .update();
  }

  /** Stores how many pieces of {@code seizure}'s equipment the registry did not know. */
  public void saveEquipmentTraced(Seizure seizure) {
    if (seizure.unregistered() == 0) {
      return;
    }
    jdbc.sql("UPDATE seizure SET unregistered = :n WHERE id = :id")
        .param("n", seizure.unregistered())
        .param("id", seizure.id())
        .update();
  }

  /** The seizure just written, for the writer's response; the write itself is audited. */
  public SeizureView view(String id) {
    return jdbc.sql("SELECT " + KIND.columns() + " FROM seizure r WHERE r.id = :id")
        .param("id", id)
        .query(SeizureStore::view)
        .single();
  }

  /**
   * Up to {@code limit} recorded items after item {@code afterSeq} of seizure {@code afterSeizure},
   * in seizure id and item order, for screening every recorded item again page by page.
   */
  public List<RecordedItem> itemsAfter(String afterSeizure, int afterSeq, int limit) {
    return jdbc.sql(
            """
            SELECT i.*, s.reference, s.owner_agency FROM seizure_item i
            JOIN seizure s ON s.id = i.seizure_id
            WHERE i.seizure_id > :s OR (i.seizure_id = :s AND i.seq > :n)
            ORDER BY i.seizure_id, i.seq
            LIMIT :page
            """)
        .param("s", afterSeizure)
        .param("n", afterSeq)
        .param("page", limit)
        .query(
            (rs, n) ->
                new RecordedItem(
                    rs.getString("seizure_id"),
                    rs.getInt("seq"),
                    rs.getString("reference"),
                    rs.getString("owner_agency"),
                    item(rs)))
        .list();
  }

  /** Whether item {@code seq}'s alert for {@code substanceId} under a designation was raised. */
  public boolean itemAlertRaised(
      String seizureId, int seq, String substanceId, String designationId) {
    return jdbc.sql(
                """
                SELECT COUNT(*) FROM seizure_item_alert WHERE seizure_id = :s AND seq = :n
                  AND substance_id = :substance AND designation_id = :d
                """)
            .param("s", seizureId)
            .param("n", seq)
            .param("substance", substanceId)
            .param("d", designationId)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Notes that {@code alertId} was raised for item {@code seq}, a substance and a designation. */
  public void recordItemAlert(
      String seizureId,
      int seq,
      String substanceId,
      String designationId,
      String alertId,
      Instant at) {
    jdbc.sql(
            """
            INSERT INTO seizure_item_alert (seizure_id, seq, substance_id, designation_id,
                                            alert_id, raised_at)
            VALUES (:s, :n, :substance, :d, :alert, :at)
            """)
        .param("s", seizureId)
        .param("n", seq)
        .param("substance", substanceId)
        .param("d", designationId)
        .param("alert", alertId)
        .param("at", utc(at))
        .update();
  }

  // ---- rows ------------------------------------------------------------------------------------

  /** A row of {@link #KIND}. */
  public static SeizureView view(ResultSet rs, int row) throws SQLException {
    String zone = rs.getString("occurred_zone");
    OffsetDateTime occurred =
        rs.getObject("occurred_at", OffsetDateTime.class)
            .atZoneSameInstant(ZoneId.of(zone))
            .toOffsetDateTime();
    return new SeizureView(
        rs.getString("id"),
        rs.getString("reference"),
        occurred,
        zone,
        rs.getString("occurred_month"),
        rs.getInt("fiscal_year"),
        SeizureContext.valueOf(rs.getString("context")),
        rs.getString("port_of_entry"),
        rs.getString("region"),
        rs.getString("place"),
        rs.getBigDecimal("latitude"),
        rs.getBigDecimal("longitude"),
        rs.getString("narrative"),
        rs.getInt("item_count"),
        rs.getInt("presses"),
        rs.getInt("equipment_count"),
        rs.getInt("unregistered"),
        rs.getString("reported_by"),
        rs.getObject("reported_at", OffsetDateTime.class).toInstant(),
        GuardedReads.markingOf(rs));
  }

  /** A row of {@code seizure_item} with its stored screening verdict. */
  public static SeizureItem item(ResultSet rs) throws SQLException {
    var screening =
        new Screening(
            rs.getString("screen_status"),
            rs.getString("substance_id"),
            rs.getString("substance_name"),
            rs.getString("substance_family"),
            rs.getString("screen_reason"));
    return new SeizureItem(
        rs.getString("substance_text"),
        rs.getString("cas"),
        ItemForm.valueOf(rs.getString("form")),
        quantity(rs, "net"),
        quantity(rs, "gross"),
        rs.getObject("pill_count") == null ? null : rs.getLong("pill_count"),
        rs.getString("imprint"),
        rs.getString("colour"),
        rs.getBigDecimal("purity_pct"),
        rs.getBigDecimal("mg_per_pill"),
        rs.getBigDecimal("share_2mg_pct"),
        screening);
  }

  /** A row of {@link #EQUIPMENT_SQL}. */
  public static SeizureDetail.Equipment equipment(ResultSet rs) throws SQLException {
    return new SeizureDetail.Equipment(
        rs.getInt("seq"),
        rs.getString("serial"),
        rs.getString("kind"),
        rs.getString("description"),
        rs.getString("machine_id"),
        rs.getString("prior_state"),
        rs.getString("holder"),
        rs.getString("outcome"),
        rs.getString("alert_id"));
  }

  /** A row of {@link #PARTY_KIND}. */
  public static SeizureDetail.Party party(ResultSet rs, int row) throws SQLException {
    return new SeizureDetail.Party(
        rs.getString("id"),
        rs.getString("seizure_id"),
        rs.getString("kind"),
        rs.getString("name"),
        rs.getString("identifier"),
        rs.getString("role"),
        rs.getString("details"),
        GuardedReads.markingOf(rs));
  }

  private static Quantity quantity(ResultSet rs, String prefix) throws SQLException {
    BigDecimal amount = rs.getBigDecimal(prefix + "_amount");
    if (amount == null) {
      return null;
    }
    return new Quantity(
        amount.stripTrailingZeros(), MassUnit.parse(rs.getString(prefix + "_unit"), prefix));
  }

  private static void putQuantity(Map<String, Object> columns, String prefix, Quantity quantity) {
    columns.put(prefix + "Amount", quantity == null ? null : quantity.amount());
    columns.put(prefix + "Unit", quantity == null ? null : quantity.unit().symbol());
    columns.put(prefix + "Mg", quantity == null ? null : quantity.milligrams());
  }

  private static Map<String, Object> markingColumns(Marking marking) {
    var columns = new HashMap<String, Object>();
    columns.put("owner", marking.ownerAgency());
    columns.put("tlp", marking.tlp().label());
    columns.put("cui", marking.cuiCategory());
    columns.put("noforn", marking.noforn());
    columns.put("relTo", marking.relToColumn());
    columns.put("compartment", marking.compartment());
    return columns;
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static String cut(String text, int limit) {
    return text == null || text.length() <= limit ? text : text.substring(0, limit);
  }
}
