package org.presstrace.exchange;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.AgencyView;
import org.presstrace.access.AuditTrail;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.exchange.internal.OutboxStore;
import org.presstrace.exchange.internal.PartnerStore;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partner directory, managed by administrators: pairing with another instance from its pairing
 * text, the message types agreed with it, enabling and disabling it, and where its outbox stands.
 * Each partner reads, under the access policy, as a local agency of kind foreign partner (made at
 * pairing when it does not exist yet).
 */
@Service
public class Partners {

  private final PartnerStore store;
  private final OutboxStore outbox;
  private final Directory directory;
  private final AuditTrail audit;
  private final InstanceIdentity identity;
  private final Clock clock;

  Partners(
      PartnerStore store,
      OutboxStore outbox,
      Directory directory,
      AuditTrail audit,
      InstanceIdentity identity,
      Clock clock) {
    this.store = store;
    this.outbox = outbox;
    this.directory = directory;
    this.audit = audit;
    this.identity = identity;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<Partner> list(AccessContext context) {
    requireAdministrator(context);
    return store.all().stream().map(this::withCustodian).toList();
  }

  @Transactional(readOnly = true)
  public Partner get(AccessContext context, String id) {
    requireAdministrator(context);
    return store.find(id).map(this::withCustodian).orElseThrow(() -> new NotFound("partner", id));
  }

  /** Where the outbox to each partner stands, by partner id. */
  @Transactional(readOnly = true)
  public Map<String, OutboxState> outboxes(AccessContext context) {
    requireAdministrator(context);
    return store.all().stream()
        .map(partner -> outbox.state(partner.id()))
        .collect(Collectors.toMap(OutboxState::partnerId, Function.identity()));
  }

  /**
   * Adds a partner from its pairing text.
   *
   * @param agency the local agency the partner reads as; by default its id in capitals, made as a
   *     foreign-partner agency of its country when missing
   * @param messageTypes the message types agreed with it
   */
  @Transactional
  public Partner pair(
      AccessContext context, String pairingText, String agency, Collection<String> messageTypes) {
    return pair(context, pairingText, agency, null, messageTypes);
  }

  /**
   * Adds a partner from its pairing text, with {@code custodian} (a domestic agency, optional) as
   * the agency whose members read what it sends.
   */
  @Transactional
  public Partner pair(
      AccessContext context,
      String pairingText,
      String agency,
      String custodian,
      Collection<String> messageTypes) {
    requireAdministrator(context);
    Pairing pairing = Pairing.parse(pairingText);
    SortedSet<String> types = Partner.types(messageTypes);
    if (pairing.id().equals(identity.id())
        || pairing.publicKey().equals(identity.pairing().publicKey())) {
      throw new InvalidRequest("pairing", "the pairing text is this instance's own");
    }
    if (store.find(pairing.id()).isPresent()) {
      throw new ConflictingState("partner " + pairing.id() + " is paired already");
    }
    if (store.keyInUse(pairing.publicKey())) {
      throw new ConflictingState("another partner has this public key");
    }
    String code =
        agency == null || agency.isBlank()
            ? pairing.id().toUpperCase(Locale.ROOT)
            : agency.strip().toUpperCase(Locale.ROOT);
    AgencyView existing = directory.agency(code).orElse(null);
    if (existing == null) {
      directory.createAgency(
          context,
          code,
          pairing.authority(),
          AgencyKind.FOREIGN_PARTNER,
          pairing.country().alpha3());
    } else if (existing.kind() != AgencyKind.FOREIGN_PARTNER
        || !existing.country().equals(pairing.country())) {
      throw new InvalidRequest(
          "agency",
          "agency "
              + code
              + " is "
              + existing.kind()
              + " of "
              + existing.country()
              + ", not a foreign partner of "
              + pairing.country());
    }
    Instant now = clock.instant();
    var partner =
        new Partner(
            pairing.id(),
            pairing.country(),
            pairing.authority(),
            pairing.baseUrl(),
            pairing.publicKey(),
            code,
            types,
            true,
            now,
            now,
            null);
    store.insert(partner);
    audit.record(
        context,
        "EXCHANGE_PAIR",
        "exchange-partner",
        partner.id(),
        "WRITTEN",
        partner.country() + " " + partner.baseUrl() + " as agency " + code + ", types " + types);
    if (custodian != null && !custodian.isBlank()) {
      directory.setCustodian(context, code, custodian);
    }
    return get(context, partner.id());
  }

  /**
   * Chooses the partner's custodian: the domestic agency (e.g. the competent authority) whose
   * members read what the partner sends, under its marking. Audited.
   */
  @Transactional
  public Partner setCustodian(AccessContext context, String id, String custodian) {
    requireAdministrator(context);
    Partner partner = store.find(id).orElseThrow(() -> new NotFound("partner", id));
    directory.setCustodian(context, partner.agency(), custodian);
    Partner changed = get(context, id);
    audit.record(
        context,
        "EXCHANGE_PARTNER_UPDATE",
        "exchange-partner",
        partner.id(),
        "WRITTEN",
        "custodian " + changed.custodian());
    return changed;
  }

  private Partner withCustodian(Partner partner) {
    return partner.withCustodian(directory.custodian(partner.agency()).orElse(null));
  }

  /** Changes what is agreed with a partner and whether it is enabled. */
  @Transactional
  public Partner update(
      AccessContext context, String id, Collection<String> messageTypes, boolean enabled) {
    requireAdministrator(context);
    Partner partner = store.find(id).orElseThrow(() -> new NotFound("partner", id));
    SortedSet<String> types = Partner.types(messageTypes);
    store.update(partner.id(), types, enabled, clock.instant());
    audit.record(
        context,
        "EXCHANGE_PARTNER_UPDATE",
        "exchange-partner",
        partner.id(),
        "WRITTEN",
        "types " + types + ", " + (enabled ? "enabled" : "disabled"));
    return get(context, id);
  }

  private static void requireAdministrator(AccessContext context) {
    if (!context.caller().has(Role.ADMINISTRATOR)) {
      throw new AccessDeniedException("only administrators manage exchange partners");
    }
  }
}
