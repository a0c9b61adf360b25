package org.presstrace.exchange.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.presstrace.access.AuditTrail;
import org.presstrace.exchange.OutgoingMessage;
import org.presstrace.exchange.Partner;
import org.presstrace.exchange.internal.OutboxStore.Pending;
import org.presstrace.exchange.internal.SignatureProfile.Parameters;
import org.presstrace.exchange.internal.SignatureProfile.SignedHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox: for each enabled partner, its pending message with the lowest sequence, as a
 * signed request, and the next only once the partner acknowledged it (any 2xx). A failure waits
 * {@code first-retry}, doubling with each further failure up to {@code max-retry}, then the same
 * message is tried again: at least once, in order.
 */
@Component
public class OutboxSender {

  /** The path partners receive messages at. */
  public static final String PATH = "/exchange/v1/messages";

  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
  private static final String JSON = "application/json";

  private final OutboxStore outbox;
  private final PartnerStore partners;
  private final InstanceKey key;
  private final ExchangeProperties settings;
  private final AuditTrail audit;
  private final Clock clock;
  private final TransactionTemplate transactions;
  private final HttpClient http;
  private final SecureRandom random = new SecureRandom();

  OutboxSender(
      OutboxStore outbox,
      PartnerStore partners,
      InstanceKey key,
      ExchangeProperties settings,
      AuditTrail audit,
      Clock clock,
      TransactionTemplate transactions) {
    this.outbox = outbox;
    this.partners = partners;
    this.key = key;
    this.settings = settings;
    this.audit = audit;
    this.clock = clock;
    this.transactions = transactions;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.outbox().timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * Delivers every partner's due messages: the body of the cluster-wide recurring task {@link
   * OutboxDelivery#TASK}, so that with several nodes on one database one of them delivers.
   */
  void deliverDue() {
    for (String partnerId : outbox.partnersWithPending()) {
      try {
        deliverInOrder(partnerId);
      } catch (RuntimeException e) {
        log.warn("delivering to partner {} failed: {}", partnerId, e.toString());
      }
    }
  }

  /** Delivers the partner's due messages in order until one fails or none is left. */
  public void deliverInOrder(String partnerId) {
    Optional<Partner> partner = partners.find(partnerId);
    if (partner.isEmpty() || !partner.get().enabled()) {
      return;
    }
    while (true) {
      Optional<Pending> head = outbox.head(partnerId);
      if (head.isEmpty() || head.get().nextAttempt().isAfter(clock.instant())) {
        return;
      }
      if (!deliver(partner.get(), head.get())) {
        return;
      }
    }
  }

  private boolean deliver(Partner partner, Pending pending) {
    OutgoingMessage message = pending.message();
    byte[] body =
        new Envelope(
                message.messageId(),
                message.sequence(),
                message.type(),
                key.instanceId(),
                partner.id(),
                message.queuedAt(),
                message.marking(),
                pending.body())
            .toJson();
    String target = partner.baseUrl() + PATH;
    byte[] nonce = new byte[18];
    random.nextBytes(nonce);
    var parameters =
        new Parameters(
            clock.instant().getEpochSecond(),
            key.instanceId(),
            Base64.getUrlEncoder().withoutPadding().encodeToString(nonce),
            SignatureProfile.ALGORITHM);
    SignedHeaders signed =
        SignatureProfile.sign(key.privateKey(), "POST", target, JSON, body, parameters);
    String error;
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(target))
                  .timeout(settings.outbox().timeout())
                  .header("Content-Type", JSON)
                  .header("Content-Digest", signed.contentDigest())
                  .header("Signature-Input", signed.signatureInput())
                  .header("Signature", signed.signature())
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 == 2) {
        // A message the partner could not apply is acknowledged as quarantined there: it is
        // delivered (the queue moves on) and the partner's administrators replay it after a fix.
        boolean quarantined =
            response.body() != null && response.body().contains("\"status\":\"quarantined\"");
        acknowledged(partner, message, quarantined);
        return true;
      }
      String answer = response.body() == null ? "" : response.body().strip();
      error =
          "HTTP "
              + response.statusCode()
              + (answer.isEmpty()
                  ? ""
                  : ": " + answer.substring(0, Math.min(answer.length(), 300)));
    } catch (IOException e) {
      error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = "interrupted";
    }
    Instant next = clock.instant().plus(backOff(pending.attempts() + 1));
    String reason = error;
    transactions.executeWithoutResult(status -> outbox.failed(message.messageId(), reason, next));
    return false;
  }

  private void acknowledged(Partner partner, OutgoingMessage message, boolean quarantined) {
    Instant at = clock.instant();
    transactions.executeWithoutResult(
        status -> {
          outbox.delivered(message.messageId(), at);
          audit.recordAnonymous(
              "exchange",
              "EXCHANGE_DELIVER",
              quarantined ? "QUARANTINED" : "DELIVERED",
              "message "
                  + message.messageId()
                  + " type "
                  + message.type()
                  + " to partner "
                  + partner.id()
                  + " ("
                  + partner.country()
                  + ") sequence "
                  + message.sequence()
                  + ", "
                  + message.marking().banner());
        });
  }

  /** The wait after the {@code failures}-th failure: first-retry doubled, capped at max-retry. */
  Duration backOff(int failures) {
    Duration first = settings.outbox().firstRetry();
    Duration cap = settings.outbox().maxRetry();
    Duration wait = first;
    for (int i = 1; i < failures && wait.compareTo(cap) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(cap) > 0 ? cap : wait;
  }
}
