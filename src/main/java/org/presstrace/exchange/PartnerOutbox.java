package org.presstrace.exchange;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AccessPolicy;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.AuditTrail;
import org.presstrace.access.Caller;
import org.presstrace.access.Decision;
import org.presstrace.access.GuardedReads;
import org.presstrace.access.Marking;
import org.presstrace.access.ProtectedKind;
import org.presstrace.access.Releases;
import org.presstrace.access.Role;
import org.presstrace.exchange.internal.OutboxStore;
import org.presstrace.exchange.internal.PartnerStore;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Queues messages for partners, after the release check: nothing is queued unless the partner, as a
 * foreign reader of its country (its local foreign-partner agency), may read under the message's
 * marking by the access policy. A refused send is audited, queues nothing and throws {@link
 * AccessDeniedException}. A queued message is audited with the sender's context (and so in the
 * ledger) and is delivered by the outbox in the partner's sequence order.
 */
@Service
public class PartnerOutbox {

  /** The largest body a message may carry, in bytes of UTF-8. */
  public static final int MAX_BODY_BYTES = 512 * 1024;

  private final PartnerStore partners;
  private final OutboxStore outbox;
  private final AccessPolicy policy;
  private final GuardedReads reads;
  private final Releases releases;
  private final AuditTrail audit;
  private final Clock clock;
  private final TransactionTemplate transaction;
  private final TransactionTemplate ownTransaction;

  PartnerOutbox(
      PartnerStore partners,
      OutboxStore outbox,
      AccessPolicy policy,
      GuardedReads reads,
      Releases releases,
      AuditTrail audit,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.partners = partners;
    this.outbox = outbox;
    this.policy = policy;
    this.reads = reads;
    this.releases = releases;
    this.audit = audit;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Queues a message written for the partner (a notice, an answer) under {@code marking}, which
   * must be the sender's agency's: sending it is that agency's release of it, so the policy's other
   * rules decide (TLP, compartment, NOFORN, REL TO).
   */
  public OutgoingMessage send(
      AccessContext context, String partnerId, String type, String body, Marking marking) {
    Partner partner = sendable(context, partnerId, type, body);
    if (marking == null) {
      throw new InvalidRequest("marking", "a message needs a marking");
    }
    if (!marking.ownerAgency().equals(context.caller().agency())) {
      throw refuse(
          context,
          partner,
          type,
          null,
          "only the owning agency "
              + marking.ownerAgency()
              + " sends what it marked; the sender is of "
              + context.caller().agency());
    }
    Decision decision = policy.mayRead(asReader(partner), marking, true);
    if (!decision.allowed()) {
      throw refuse(context, partner, type, null, decision.reason());
    }
    return queue(context, partner, type, body, marking, null, null);
  }

  /**
   * Queues a message carrying (or derived from) a stored record, under the record's marking: the
   * sender must read it, and the partner's agency must, by the policy with the record's approved
   * releases (a foreign partner reads only what was released to it, four eyes).
   */
  public OutgoingMessage send(
      AccessContext context,
      String partnerId,
      String type,
      String body,
      ProtectedKind kind,
      String recordId) {
    Partner partner = sendable(context, partnerId, type, body);
    Marking marking = reads.marking(context, kind, recordId);
    Optional<Partner> originator =
        partners.all().stream().filter(p -> p.agency().equals(marking.ownerAgency())).findFirst();
    if (originator.isPresent() && !originator.get().id().equals(partner.id())) {
      throw refuse(
          context,
          partner,
          type,
          kind.name() + " " + recordId,
          "third-party rule: the record was received from partner "
              + originator.get().id()
              + " ("
              + originator.get().country()
              + ") and is not sent to another partner without its consent");
    }
    if (!releases.agencyMayRead(kind, recordId, partner.agency())) {
      Decision rules = policy.mayRead(asReader(partner), marking, true);
      throw refuse(
          context,
          partner,
          type,
          kind.name() + " " + recordId,
          rules.allowed() ? "the record is not released to " + partner.agency() : rules.reason());
    }
    return queue(context, partner, type, body, marking, kind.name(), recordId);
  }

  /** Every message queued for {@code partnerId}, in order; administrators only. */
  public List<OutgoingMessage> queued(AccessContext context, String partnerId) {
    if (!context.caller().has(Role.ADMINISTRATOR)) {
      throw new AccessDeniedException("only administrators see the outbox");
    }
    return transaction.execute(status -> outbox.messages(partnerId));
  }

  private Partner sendable(AccessContext context, String partnerId, String type, String body) {
    if (!context.caller().readsRecords()) {
      throw new AccessDeniedException("administrators and auditors send no record content");
    }
    Partner partner =
        partners.find(partnerId).orElseThrow(() -> new NotFound("partner", partnerId));
    if (!partner.enabled()) {
      throw new ConflictingState("partner " + partnerId + " is disabled");
    }
    Partner.types(List.of(type == null ? "" : type));
    if (!partner.agrees(type)) {
      throw new InvalidRequest(
          "type", "message type '" + type + "' is not agreed with partner " + partnerId);
    }
    if (body == null || body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
      throw new InvalidRequest("body", "a message body is 0 to " + MAX_BODY_BYTES + " bytes");
    }
    return partner;
  }

  private OutgoingMessage queue(
      AccessContext context,
      Partner partner,
      String type,
      String body,
      Marking marking,
      String kind,
      String recordId) {
    return transaction.execute(
        status -> {
          long sequence = partners.takeSequence(partner.id());
          Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
          var message =
              new OutgoingMessage(
                  partner.id(), sequence, UUID.randomUUID().toString(), type, marking, now);
          outbox.insert(message, body, kind, recordId, context.caller().username());
          audit.record(
              context,
              "EXCHANGE_SEND",
              "exchange-message",
              message.messageId(),
              "QUEUED",
              "type "
                  + type
                  + " to partner "
                  + partner.id()
                  + " ("
                  + partner.country()
                  + ") sequence "
                  + sequence
                  + ", "
                  + marking.banner()
                  + (kind == null ? "" : ", from " + kind + " " + recordId));
          return message;
        });
  }

  private AccessDeniedException refuse(
      AccessContext context, Partner partner, String type, String record, String reason) {
    String detail =
        "type "
            + type
            + " to partner "
            + partner.id()
            + " ("
            + partner.country()
            + ")"
            + (record == null ? "" : ", " + record)
            + ": "
            + reason;
    ownTransaction.executeWithoutResult(
        status ->
            audit.record(context, "EXCHANGE_SEND", "exchange-message", null, "REFUSED", detail));
    return new AccessDeniedException(
        "not releasable to partner " + partner.id() + " (" + partner.country() + "): " + reason);
  }

  /** The partner as the policy sees it: an ordinary member of its foreign-partner agency. */
  private static Caller asReader(Partner partner) {
    return new Caller(
        "partner:" + partner.id(),
        partner.agency(),
        AgencyKind.FOREIGN_PARTNER,
        partner.country(),
        Set.of(Role.FOREIGN_LIAISON),
        Set.of());
  }
}
