package org.presstrace.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyView;
import org.presstrace.access.AuditTrail;
import org.presstrace.access.Criteria;
import org.presstrace.access.Derivations;
import org.presstrace.access.DerivedMarking;
import org.presstrace.access.Directory;
import org.presstrace.access.GuardedReads;
import org.presstrace.access.Marking;
import org.presstrace.access.ProtectedKind;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.casework.internal.PointerAlertStore;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pointer alerts, kept per receiving agency. An alert holds only the other agency, its case
 * reference and its point of contact; when the other agency's record may not leave it (in a
 * compartment, TLP:RED or TLP:AMBER+STRICT) only the other agency and its duty contact. An alert
 * carries the marking of the recipient's own record it was raised about ({@link Derivations}), and
 * is read through {@link GuardedReads}: members of the recipient agency who may not read that
 * record neither list nor acknowledge it; nobody outside the recipient agency sees it.
 */
@Service
public class PointerAlerts {

  /** The protected kind of pointer alerts; no purpose is needed to read one's own agency's. */
  public static final ProtectedKind KIND = PointerAlertStore.KIND;

  static final String SUBJECT = "SUBJECT";
  static final String OPERATION = "OPERATION";

  /**
   * The kind of an alert to an agency's supervisors that another agency has been answered about one
   * of its operations again and again: only supervisors who may read that operation see it.
   */
  static final String PROBING = "PROBING";

  private final PointerAlertStore store;
  private final GuardedReads reads;
  private final Derivations derivations;
  private final Directory directory;
  private final AuditTrail audit;
  private final Clock clock;

  PointerAlerts(
      PointerAlertStore store,
      GuardedReads reads,
      Derivations derivations,
      Directory directory,
      AuditTrail audit,
      Clock clock) {
    this.store = store;
    this.reads = reads;
    this.derivations = derivations;
    this.directory = directory;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * One side of a conflict: an agency's own record (of kind {@code kind}), its case reference and
   * point of contact.
   */
  record Side(
      ProtectedKind kind, String agency, String recordId, String caseReference, String contact) {}

  /**
   * Raises the two alerts of one conflict, one to each agency; returns them (none when either
   * record is no longer stored). Each alert is marked with its recipient's own record; each names
   * the other side's case and contact only when that record may leave its agency, else the other
   * agency's duty contact.
   */
  @Transactional
  List<StoredAlert> raise(AccessContext writer, String kind, Side first, Side second) {
    // The in-memory index may still hold a record whose writing transaction rolled back.
    if (!stored(first) || !stored(second)) {
      return List.of();
    }
    DerivedMarking firstMarking = derivations.derive(writer, source(first));
    DerivedMarking secondMarking = derivations.derive(writer, source(second));
    var raised = new ArrayList<StoredAlert>();
    raised.add(store(kind, first, firstMarking, second, staysInAgency(secondMarking.marking())));
    raised.add(store(kind, second, secondMarking, first, staysInAgency(firstMarking.marking())));
    return raised;
  }

  /**
   * Raises a probing alert to the agency that owns {@code probed}: {@code askingAgency} (and, when
   * one user did it, {@code askingUser}) has been told {@code answers} times within {@code window}
   * that someone works where and when {@code probed} does. The alert is marked with the probed
   * operation, so it stays within that operation's readers, and only supervisors among them list
   * it. The asking agency is not told.
   */
  @Transactional
  void raiseProbing(
      AccessContext writer,
      Side probed,
      String askingAgency,
      String askingUser,
      long answers,
      java.time.Duration window) {
    if (!stored(probed)) {
      return;
    }
    String by = askingUser == null ? "its users" : "user " + askingUser;
    var about =
        new Side(
            probed.kind(),
            askingAgency,
            probed.recordId(),
            answers + " overlap answers to " + by + " within " + hours(window),
            directory.agency(askingAgency).map(AgencyView::dutyContact).orElse(null));
    // For a probing alert the "other case reference" says what was answered: the asking agency's
    // own case is not what its supervisors need.
    store(PROBING, probed, derivations.derive(writer, source(probed)), about, false);
  }

  private static String hours(java.time.Duration window) {
    return window.toHours() >= 48 ? window.toDays() + " days" : window.toHours() + " hours";
  }

  /**
   * Whether a record may not leave its agency, so that another agency learns nothing of it but its
   * duty contact: it is in a compartment, or TLP:RED or TLP:AMBER+STRICT.
   */
  static boolean staysInAgency(Marking marking) {
    return marking.compartment() != null
        || marking.tlp() == Tlp.RED
        || marking.tlp() == Tlp.AMBER_STRICT;
  }

  /**
   * The alerts of the caller's agency that the caller may read, newest first; {@code open} keeps
   * the unacknowledged.
   */
  @Transactional
  public List<StoredAlert> mine(AccessContext context, boolean open) {
    return reads.all(context, KIND, addressed(context, open), mapper());
  }

  /**
   * Marks an alert of the caller's agency as seen; an alert of another agency, or about a record
   * the caller may not read, is not found.
   */
  @Transactional
  public StoredAlert acknowledge(AccessContext context, String id) {
    reads.one(context, KIND, id, addressed(context, false), mapper());
    if (store.acknowledge(id, context.caller().username(), now())) {
      audit.record(context, "ACKNOWLEDGE", KIND.name(), id, "WRITTEN", null);
    }
    return reads.one(context, KIND, id, addressed(context, false), mapper());
  }

  private static Criteria addressed(AccessContext context, boolean open) {
    return Criteria.where(
            "r.recipient_agency = :alertRecipient"
                + (open ? " AND r.acknowledged_at IS NULL" : "")
                + (context.caller().has(Role.SUPERVISOR)
                    ? ""
                    : " AND r.alert_kind <> '" + PROBING + "'"),
            Map.of("alertRecipient", context.caller().agency()))
        .orderBy("r.raised_at DESC, r.id");
  }

  private boolean stored(Side side) {
    return store.exists(side.kind(), side.recordId());
  }

  private static DerivedMarking.Source source(Side side) {
    return DerivedMarking.Source.of(side.kind(), side.recordId());
  }

  private StoredAlert store(
      String kind, Side to, DerivedMarking marking, Side about, boolean dutyContactOnly) {
    return store.insert(
        new PointerAlertStore.NewAlert(
            UUID.randomUUID().toString(),
            to.agency(),
            kind,
            to.recordId(),
            to.caseReference(),
            about.agency(),
            dutyContactOnly ? null : about.caseReference(),
            dutyContactOnly ? null : about.contact(),
            dutyContactOnly,
            now(),
            marking),
        mapper());
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /**
   * Rows as alerts; the duty contact of an alert that gives only that is the other agency's as it
   * stands when the alert is read.
   */
  private RowMapper<StoredAlert> mapper() {
    var dutyContacts = new HashMap<String, String>();
    return (rs, row) -> alert(rs, dutyContacts);
  }

  private StoredAlert alert(ResultSet rs, Map<String, String> dutyContacts) throws SQLException {
    OffsetDateTime acknowledged = rs.getObject("acknowledged_at", OffsetDateTime.class);
    boolean dutyContactOnly = rs.getBoolean("duty_contact_only");
    String otherAgency = rs.getString("other_agency");
    String contact =
        dutyContactOnly
            ? dutyContacts.computeIfAbsent(
                otherAgency,
                agency -> directory.agency(agency).map(AgencyView::dutyContact).orElse(null))
            : rs.getString("other_contact");
    return new StoredAlert(
        rs.getString("id"),
        rs.getString("alert_kind"),
        rs.getString("own_record_id"),
        rs.getString("own_reference"),
        otherAgency,
        dutyContactOnly ? null : rs.getString("other_case_reference"),
        contact,
        dutyContactOnly,
        GuardedReads.markingOf(rs),
        rs.getObject("raised_at", OffsetDateTime.class).toInstant(),
        rs.getString("acknowledged_by"),
        acknowledged == null ? null : acknowledged.toInstant());
  }
}
