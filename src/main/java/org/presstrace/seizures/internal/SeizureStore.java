package org.presstrace.seizures.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.presstrace.access.Marking;
import org.presstrace.seizures.DoseCalculator;
import org.presstrace.seizures.DoseMethod;
import org.presstrace.seizures.Quantity;
import org.presstrace.seizures.SeizureDetail;
import org.presstrace.seizures.SeizureItem;
import org.presstrace.seizures.SeizureView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes of the seizure tables. Reads that show content go through {@code GuardedReads}; the only
 * read here is which seizure holds a reference in a reference scope, for a write.
 */
@Repository
public class SeizureStore {

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

  public void insert(SeizureView seizure) {
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
  }

  /** Stores one item with the fentanyl mass each dose method finds and the best of them. */
  public void insertItem(
      String seizureId, int seq, SeizureItem item, String group, DoseCalculator calculator) {
    var columns = screeningColumns(seizureId, seq, item, group, calculator);
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
   * Stores a new screening verdict on an item with what follows from it: the name it is grouped by
   * and the fentanyl mass of each dose method (an item newly screened as fentanyl-class gains
   * them).
   */
  public void updateScreening(
      String seizureId, int seq, SeizureItem item, String group, DoseCalculator calculator) {
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
        .params(screeningColumns(seizureId, seq, item, group, calculator))
        .update();
  }

  private static Map<String, Object> screeningColumns(
      String seizureId, int seq, SeizureItem item, String group, DoseCalculator calculator) {
    Map<DoseMethod, BigDecimal> masses = calculator.fentanylMg(item);
    DoseMethod best = masses.isEmpty() ? null : masses.keySet().iterator().next();
    var columns = new HashMap<String, Object>();
    columns.put("id", seizureId);
    columns.put("seq", seq);
    columns.put("status", item.screening().status());
    columns.put("substanceId", item.screening().substanceId());
    columns.put("substanceName", item.screening().substanceName());
    columns.put("family", item.screening().family());
    columns.put("reason", cut(item.screening().reason(), 400));
    columns.put("group", group);
    columns.put("lab", masses.get(DoseMethod.LAB_PURITY));
    columns.put("pillMg", masses.get(DoseMethod.PILL_CONTENT));
    columns.put("assumed", masses.get(DoseMethod.ASSUMED_PURITY));
    columns.put(
        "assumedBasis",
        masses.containsKey(DoseMethod.ASSUMED_PURITY) ? calculator.assumedBasis(item) : null);
    columns.put("fentanylGross", masses.get(DoseMethod.GROSS_UNADJUSTED));
    columns.put(
        "grossBasis",
        masses.containsKey(DoseMethod.GROSS_UNADJUSTED)
            ? (item.gross() != null ? "GROSS" : "NET")
            : null);
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

  public void markUnregistered(String seizureId, int count) {
    jdbc.sql("UPDATE seizure SET unregistered = :n WHERE id = :id")
        .param("n", count)
        .param("id", seizureId)
        .update();
  }

  /** The seizure just written, for the writer's response; the write itself is audited. */
  public <T> T view(String id, org.springframework.jdbc.core.RowMapper<T> mapper) {
    return jdbc.sql(
            "SELECT "
                + org.presstrace.seizures.Seizures.KIND.columns()
                + " FROM seizure r WHERE r.id = :id")
        .param("id", id)
        .query(mapper)
        .single();
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
