package org.presstrace.exchange;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AccessPolicy;
import org.presstrace.access.AuditTrail;
import org.presstrace.access.ProtectedKind;
import org.presstrace.access.Role;
import org.presstrace.access.SqlFilter;
import org.presstrace.exchange.internal.IncidentStore;
import org.presstrace.exchange.internal.PartnerStore;
import org.presstrace.exchange.stix.StixIds;
import org.presstrace.seizures.DoseEstimate;
import org.presstrace.seizures.SeizureDetail;
import org.presstrace.seizures.SeizureView;
import org.presstrace.seizures.Seizures;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Incidents (PICS/IONICS-like): a seizure released to a partner travels to it as an {@value
 * #INCIDENT} message, carrying what a partner authority needs (date, place, substances with
 * quantities and forms, dose estimates with their method, imprint, the seizure's reference and STIX
 * id) and nothing else (no narrative, parties, coordinates or equipment). It is read with the
 * sender's context and leaves only through {@link PartnerOutbox}'s release check. The receiving
 * instance keeps it under the marking as sent, owned there by the partner's local agency, and shows
 * it through the access policy.
 */
@Service
public class Incidents {

  /** The message type of an incident. */
  public static final String INCIDENT = "incident";

  /** The payload format. */
  public static final String FORMAT = "presstrace-incident/v1";

  /** Received incidents as protected records, for the policy's read filter. */
  public static final ProtectedKind KIND =
      new ProtectedKind("exchange-incident", "exchange_incident", "r.*", false);

  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int LIST_LIMIT = 500;

  private final Seizures seizures;
  private final PartnerOutbox outbox;
  private final PartnerStore partners;
  private final IncidentStore store;
  private final AccessPolicy policy;
  private final AuditTrail audit;
  private final TransactionTemplate transaction;

  Incidents(
      Seizures seizures,
      PartnerOutbox outbox,
      PartnerStore partners,
      IncidentStore store,
      AccessPolicy policy,
      AuditTrail audit,
      PlatformTransactionManager transactions) {
    this.seizures = seizures;
    this.outbox = outbox;
    this.partners = partners;
    this.store = store;
    this.policy = policy;
    this.audit = audit;
    this.transaction = new TransactionTemplate(transactions);
  }

  /**
   * Sends a seizure the caller may read to a partner as an incident. The partner must have agreed
   * {@value #INCIDENT}; the seizure must be released to the partner's agency and its marking must
   * let it reach the partner's country ({@link PartnerOutbox#send(AccessContext, String, String,
   * String, ProtectedKind, String)}), else nothing is queued and the refusal is audited.
   */
  public OutgoingMessage send(AccessContext context, String partnerId, String seizureId) {
    requireRole(context, "send incidents", Role.INVESTIGATOR, Role.SUPERVISOR);
    if (partnerId == null || partnerId.isBlank()) {
      throw new InvalidRequest("partnerId", "a partner is required");
    }
    if (seizureId == null || seizureId.isBlank()) {
      throw new InvalidRequest("seizureId", "a seizure is required");
    }
    Partner partner =
        partners
            .find(partnerId.strip())
            .orElseThrow(
                () -> new InvalidRequest("partnerId", "partner '" + partnerId + "' is not paired"));
    if (!partner.agrees(INCIDENT)) {
      throw new InvalidRequest(
          "partnerId", "partner " + partner.id() + " has not agreed message type " + INCIDENT);
    }
    // Not one transaction: a refused send audits its refusal in a transaction of its own, apart
    // from the guarded read of the seizure.
    SeizureDetail seizure = seizures.get(context, seizureId.strip());
    String body = payload(seizure, context.caller().username());
    return outbox.send(
        context, partner.id(), INCIDENT, body, Seizures.KIND, seizure.seizure().id());
  }

  /** The partners an incident may go to: enabled, with {@value #INCIDENT} agreed. */
  public List<Partner> partners(AccessContext context) {
    requireRole(context, "send incidents", Role.INVESTIGATOR, Role.SUPERVISOR);
    return partners.all().stream().filter(p -> p.enabled() && p.agrees(INCIDENT)).toList();
  }

  /** The received incidents the caller may read, newest first; audited. */
  public List<Incident> list(AccessContext context) {
    requireRole(context, "read incidents", Role.INVESTIGATOR, Role.ANALYST, Role.SUPERVISOR);
    return transaction.execute(
        status -> {
          List<Incident> incidents = store.list(filter(context), LIST_LIMIT);
          audit.record(context, "LIST", KIND.name(), null, "SHOWN", "" + incidents.size());
          return incidents;
        });
  }

  /** One received incident, if the caller may read it; else {@link NotFound}. Audited. */
  public Incident get(AccessContext context, String id) {
    requireRole(context, "read incidents", Role.INVESTIGATOR, Role.ANALYST, Role.SUPERVISOR);
    return transaction.execute(
        status -> {
          Incident incident =
              store.find(id, filter(context)).orElseThrow(() -> new NotFound("incident", id));
          audit.record(context, "READ", KIND.name(), id, "SHOWN", null);
          return incident;
        });
  }

  private SqlFilter filter(AccessContext context) {
    return policy.readFilter(context.caller(), KIND);
  }

  /** The message body for a seizure: only the fields documented in docs/exchange.md. */
  static String payload(SeizureDetail detail, String sentBy) {
    SeizureView s = detail.seizure();
    var fields = new LinkedHashMap<String, Object>();
    fields.put("format", FORMAT);
    fields.put("sourceKind", "seizure");
    fields.put("sourceId", s.id());
    fields.put("agency", s.marking().ownerAgency());
    fields.put("reference", s.reference());
    fields.put("stixId", StixIds.of("incident", "seizure", s.id()));
    fields.put("occurredAt", s.occurredAt().toString());
    fields.put("zone", s.zone());
    fields.put("context", s.context().name());
    fields.put("portOfEntry", s.portOfEntry());
    fields.put("region", s.region());
    fields.put("place", s.place());
    var items = new ArrayList<Map<String, Object>>();
    for (SeizureDetail.Item item : detail.items()) {
      var one = new LinkedHashMap<String, Object>();
      one.put("substance", item.substanceName() != null ? item.substanceName() : item.substance());
      one.put("cas", item.cas());
      one.put("form", item.form().name());
      one.put("netQuantity", item.net().amount().toPlainString());
      one.put("netUnit", item.net().unit().name());
      one.put("pillCount", item.pillCount());
      one.put("imprint", item.imprint());
      one.put("colour", item.colour());
      one.put("purityPct", plain(item.purityPct()));
      one.put("mgPerPill", plain(item.mgPerPill()));
      var estimates = new ArrayList<Map<String, Object>>();
      for (DoseEstimate estimate : item.estimates()) {
        var e = new LinkedHashMap<String, Object>();
        e.put("method", estimate.method().name());
        e.put("fentanylMg", estimate.fentanylMg().toPlainString());
        e.put("doses", estimate.doses());
        estimates.add(e);
      }
      one.put("estimates", estimates);
      items.add(one);
    }
    fields.put("items", items);
    fields.put("sentBy", sentBy);
    return JSON.writeValueAsString(fields);
  }

  private static String plain(BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }

  private static void requireRole(AccessContext context, String what, Role... roles) {
    for (Role role : roles) {
      if (context.caller().has(role)) {
        return;
      }
    }
    throw new AccessDeniedException("only " + List.of(roles) + " " + what);
  }
}
