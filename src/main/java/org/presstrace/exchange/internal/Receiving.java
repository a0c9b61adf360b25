package org.presstrace.exchange.internal;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AccessPolicy;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.AuditTrail;
import org.presstrace.access.Caller;
import org.presstrace.access.Channel;
import org.presstrace.access.Decision;
import org.presstrace.access.Marking;
import org.presstrace.access.Role;
import org.presstrace.exchange.Partner;
import org.presstrace.exchange.PartnerMessageHandler;
import org.presstrace.exchange.ReceivedMessage;
import org.presstrace.exchange.internal.SignatureProfile.Parameters;
import org.presstrace.exchange.internal.SignatureProfile.Refused;
import org.presstrace.shared.CountryCode;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The receiving side: checks a partner's signed request, stores the message once per partner and
 * message id, and applies stored messages in the partner's sequence order. Anything refused is
 * audited (without the body) and leaves nothing stored.
 */
@Component
public class Receiving {

  /** What the request carried, as the endpoint read it. */
  public record Request(
      String method,
      String path,
      String query,
      String contentType,
      String contentDigest,
      String signatureInput,
      String signature,
      byte[] body) {}

  /** The answer to an accepted request. */
  public record Receipt(String status, String messageId, long sequence) {}

  /** A refusal with the HTTP status it is answered with. */
  public static final class Refusal extends RuntimeException {
    private final int status;
    private final String code;

    Refusal(int status, String code, String message) {
      super(message, null, false, false);
      this.status = status;
      this.code = code;
    }

    public int status() {
      return status;
    }

    public String code() {
      return code;
    }
  }

  /** The refusals that mean "who you are is not established": 401, the rest 400 or 403. */
  private static final Set<String> UNAUTHENTICATED =
      Set.of(
          "unsigned",
          "malformed-signature",
          "uncovered-components",
          "unsupported-algorithm",
          "unknown-partner",
          "bad-signature",
          "stale",
          "replayed");

  private final PartnerStore partners;
  private final InboxStore inbox;
  private final AuditTrail audit;
  private final AccessPolicy policy;
  private final Clock clock;
  private final ExchangeProperties settings;
  private final InstanceKey key;
  private final Map<String, PartnerMessageHandler> handlers;
  private final TransactionTemplate transactions;
  private final TransactionTemplate savepoint;

  Receiving(
      PartnerStore partners,
      InboxStore inbox,
      AuditTrail audit,
      AccessPolicy policy,
      Clock clock,
      ExchangeProperties settings,
      InstanceKey key,
      List<PartnerMessageHandler> handlers,
      TransactionTemplate transactions,
      PlatformTransactionManager transactionManager) {
    this.partners = partners;
    this.inbox = inbox;
    this.audit = audit;
    this.policy = policy;
    this.clock = clock;
    this.settings = settings;
    this.key = key;
    this.handlers =
        handlers.stream()
            .collect(Collectors.toMap(PartnerMessageHandler::type, Function.identity()));
    this.transactions = transactions;
    this.savepoint = new TransactionTemplate(transactionManager);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /** Checks, stores and applies one request; a refusal is audited and thrown. */
  public Receipt receive(Request request) {
    String keyId = null;
    String messageId = null;
    try {
      Parameters parameters = SignatureProfile.parameters(request.signatureInput());
      keyId = parameters.keyId();
      Partner partner =
          partners
              .find(keyId)
              .orElseThrow(() -> new Refused("unknown-partner", "no partner has this keyid"));
      PublicKey publicKey = InstanceKey.publicKey(partner.publicKey());
      String target =
          settings.base() + request.path() + (request.query() == null ? "" : "?" + request.query());
      SignatureProfile.verify(
          publicKey,
          parameters,
          request.method(),
          target,
          request.contentType(),
          request.contentDigest(),
          request.signature(),
          request.body());
      Instant now = clock.instant();
      Instant created = Instant.ofEpochSecond(parameters.created());
      Duration skew = settings.clockSkew();
      if (created.isBefore(now.minus(skew)) || created.isAfter(now.plus(skew))) {
        throw new Refused("stale", "created " + created + " is more than " + skew + " from " + now);
      }
      if (!partner.enabled()) {
        throw new Refusal(403, "partner-disabled", "partner " + partner.id() + " is disabled");
      }
      Envelope envelope;
      try {
        envelope = Envelope.parse(request.body());
      } catch (InvalidRequest e) {
        throw new Refusal(400, "malformed-message", e.getMessage());
      }
      messageId = envelope.id();
      String headers = headers(request);
      Receipt receipt =
          transactions.execute(
              status -> store(partner, parameters, envelope, created, now, headers));
      return receipt;
    } catch (Refused e) {
      int status = UNAUTHENTICATED.contains(e.code()) ? 401 : 400;
      throw refused(new Refusal(status, e.code(), e.getMessage()), keyId, messageId);
    } catch (Refusal e) {
      throw refused(e, keyId, messageId);
    }
  }

  /** The signed request's headers as received, kept with the message. */
  private static String headers(Request request) {
    return "Content-Type: "
        + request.contentType()
        + "\nContent-Digest: "
        + request.contentDigest()
        + "\nSignature-Input: "
        + request.signatureInput()
        + "\nSignature: "
        + request.signature();
  }

  private Receipt store(
      Partner partner,
      Parameters parameters,
      Envelope envelope,
      Instant created,
      Instant now,
      String headers) {
    if (!inbox.rememberNonce(
        partner.id(), parameters.nonce(), max(created, now).plus(settings.clockSkew()))) {
      throw new Refused("replayed", "nonce " + parameters.nonce() + " was used already");
    }
    if (!envelope.from().equals(partner.id())) {
      throw new Refusal(
          403,
          "wrong-sender",
          "the message says it is from " + envelope.from() + ", not the signer");
    }
    if (!envelope.to().equals(key.instanceId())) {
      throw new Refusal(
          403, "wrong-recipient", "the message is for " + envelope.to() + ", not this instance");
    }
    if (!partner.agrees(envelope.type())) {
      throw new Refusal(
          403,
          "type-not-agreed",
          "message type '" + envelope.type() + "' is not agreed with partner " + partner.id());
    }
    Decision readable =
        policy.mayRead(
            new Caller(
                "exchange",
                "-",
                AgencyKind.FOREIGN_PARTNER,
                new CountryCode(settings.country()),
                Set.of(Role.FOREIGN_LIAISON),
                Set.of()),
            envelope.marking(),
            true);
    if (!readable.allowed()) {
      throw new Refusal(
          403,
          "not-releasable",
          "the message's marking does not let it reach this instance: " + readable.reason());
    }
    AccessContext asPartner = partnerContext(partner);
    Optional<ReceivedMessage> existing = inbox.find(partner.id(), envelope.id());
    if (existing.isPresent()) {
      audit.record(
          asPartner,
          "EXCHANGE_RECEIVE",
          "exchange-message",
          envelope.id(),
          "ALREADY_RECEIVED",
          "type " + envelope.type() + " sequence " + envelope.sequence());
      return new Receipt("already received", envelope.id(), envelope.sequence());
    }
    if (inbox.atSequence(partner.id(), envelope.sequence()).isPresent()) {
      throw new Refusal(
          409,
          "sequence-taken",
          "sequence "
              + envelope.sequence()
              + " of partner "
              + partner.id()
              + " is another message");
    }
    // Here the record belongs to the partner as this instance knows it (its foreign-partner
    // agency), whatever owner the sender named: an owner code that happens to be, or is made to
    // look like, one of this instance's agencies must not make that agency its owner, who could
    // then widen who reads it. Level, CUI, NOFORN and REL TO travel unchanged.
    Marking sent = envelope.marking();
    Marking marking =
        new Marking(
            partner.agency(), sent.tlp(), sent.cuiCategory(), sent.noforn(), sent.relTo(), null);
    var message =
        new ReceivedMessage(
            partner.id(),
            partner.country(),
            envelope.id(),
            envelope.sequence(),
            envelope.type(),
            envelope.body(),
            marking,
            envelope.sentAt(),
            now);
    inbox.insert(message, headers);
    audit.record(
        asPartner,
        "EXCHANGE_RECEIVE",
        "exchange-message",
        envelope.id(),
        "RECEIVED",
        "type "
            + envelope.type()
            + " from partner "
            + partner.id()
            + " ("
            + partner.country()
            + ") sequence "
            + envelope.sequence()
            + ", "
            + marking.banner());
    Set<String> quarantined = applyReady(partner, now);
    return new Receipt(
        quarantined.contains(envelope.id()) ? "quarantined" : "received",
        envelope.id(),
        envelope.sequence());
  }

  /**
   * Applies the partner's stored messages that follow the last applied one without a gap; returns
   * the ids of those quarantined on the way.
   */
  private Set<String> applyReady(Partner partner, Instant now) {
    long through = partners.appliedThroughForUpdate(partner.id());
    var quarantined = new java.util.HashSet<String>();
    while (true) {
      Optional<ReceivedMessage> next = inbox.atSequence(partner.id(), through + 1);
      if (next.isEmpty()) {
        break;
      }
      ReceivedMessage message = next.get();
      String failure = handle(message);
      if (failure == null) {
        inbox.applied(partner.id(), message.messageId(), now);
      } else {
        quarantine(partner, message, failure, now);
        quarantined.add(message.messageId());
      }
      through++;
    }
    partners.setAppliedThrough(partner.id(), through);
    return quarantined;
  }

  /**
   * Calls the message type's handler inside a savepoint: a payload the handler refuses ({@link
   * InvalidRequest}) rolls the whole receipt back and is refused; any other failure rolls back only
   * what the handler did and is returned as the error to quarantine the message with.
   */
  private String handle(ReceivedMessage message) {
    PartnerMessageHandler handler = handlers.get(message.type());
    if (handler == null) {
      return null;
    }
    try {
      savepoint.executeWithoutResult(status -> handler.receive(message));
      return null;
    } catch (InvalidRequest e) {
      // The whole receipt rolls back: nothing of this message (or those applied with it) stays.
      throw new Refusal(
          400,
          "malformed-payload",
          "message " + message.messageId() + " of type " + message.type() + ": " + e.getMessage());
    } catch (RuntimeException e) {
      String error = e.getClass().getSimpleName() + ": " + e.getMessage();
      return error.length() > 2000 ? error.substring(0, 2000) : error;
    }
  }

  private void quarantine(Partner partner, ReceivedMessage message, String error, Instant now) {
    inbox.quarantine(partner.id(), message.messageId(), error, now);
    audit.record(
        partnerContext(partner),
        "EXCHANGE_QUARANTINE",
        "exchange-message",
        message.messageId(),
        "QUARANTINED",
        "type "
            + message.type()
            + " sequence "
            + message.sequence()
            + " from partner "
            + partner.id()
            + ": "
            + error);
  }

  /** What replaying a quarantined message came to. */
  public enum ReplayOutcome {
    APPLIED,
    ALREADY_APPLIED,
    STILL_FAILING
  }

  /**
   * Calls the handler of a quarantined message again (after a fix): applied, it leaves quarantine;
   * failing, it stays with the new error. A message not (or no longer) quarantined is left alone.
   */
  public ReplayOutcome replay(String partnerId, String messageId) {
    return transactions.execute(
        status -> {
          ReceivedMessage message =
              inbox
                  .find(partnerId, messageId)
                  .orElseThrow(() -> new NotFound("exchange-message", messageId));
          if (!inbox.quarantined(partnerId, messageId)) {
            return ReplayOutcome.ALREADY_APPLIED;
          }
          Instant now = clock.instant();
          String failure;
          try {
            failure = handle(message);
          } catch (Refusal refused) {
            failure = refused.getMessage();
          }
          if (failure != null) {
            inbox.quarantine(partnerId, messageId, failure, now);
            return ReplayOutcome.STILL_FAILING;
          }
          inbox.replayed(partnerId, messageId, now);
          return ReplayOutcome.APPLIED;
        });
  }

  private Refusal refused(Refusal refusal, String keyId, String messageId) {
    audit.recordAnonymous(
        keyId == null ? "exchange:unsigned" : "exchange:" + keyId,
        "EXCHANGE_RECEIVE",
        "REFUSED",
        refusal.code()
            + ": "
            + refusal.getMessage()
            + (messageId == null ? "" : " (message " + messageId + ")"));
    return refusal;
  }

  static AccessContext partnerContext(Partner partner) {
    return new AccessContext(
        new Caller(
            "partner:" + partner.id(),
            partner.agency(),
            AgencyKind.FOREIGN_PARTNER,
            partner.country(),
            Set.of(Role.FOREIGN_LIAISON),
            Set.of()),
        Channel.API,
        null);
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** Forgets nonces that could no longer pass the freshness check. */
  @Scheduled(fixedDelayString = "${presstrace.exchange.clock-skew}")
  void forgetOldNonces() {
    transactions.executeWithoutResult(status -> inbox.forgetNonces(clock.instant()));
  }
}
