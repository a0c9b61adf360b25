package org.presstrace.exchange;

import java.util.List;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AuditTrail;
import org.presstrace.access.Role;
import org.presstrace.exchange.internal.InboxStore;
import org.presstrace.exchange.internal.Receiving;
import org.presstrace.exchange.internal.Receiving.ReplayOutcome;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Received messages whose handler failed unexpectedly (a poison message): each was kept with its
 * headers and error and acknowledged to the partner as quarantined, so the partner's queue moved
 * on. Administrators see them and replay one after a fix; a replay of a message already applied
 * changes nothing.
 */
@Service
public class Quarantine {

  private final InboxStore inbox;
  private final Receiving receiving;
  private final AuditTrail audit;

  Quarantine(InboxStore inbox, Receiving receiving, AuditTrail audit) {
    this.inbox = inbox;
    this.receiving = receiving;
    this.audit = audit;
  }

  /** Every quarantined message, the open ones first; administrators only, audited. */
  @Transactional
  public List<QuarantinedMessage> list(AccessContext context) {
    requireAdministrator(context);
    List<QuarantinedMessage> messages = inbox.quarantine();
    audit.record(
        context, "LIST", "exchange-quarantine", null, "SHOWN", messages.size() + " messages");
    return messages;
  }

  /**
   * Calls the handler of a quarantined message again: {@code APPLIED} (it leaves quarantine), or
   * {@code STILL_FAILING} (it stays, with the new error), or {@code ALREADY_APPLIED} (nothing to
   * do). Administrators only; audited.
   */
  @Transactional
  public ReplayOutcome replay(AccessContext context, String partnerId, String messageId) {
    requireAdministrator(context);
    ReplayOutcome outcome = receiving.replay(partnerId, messageId);
    audit.record(
        context,
        "EXCHANGE_REPLAY",
        "exchange-message",
        messageId,
        outcome.name(),
        "from partner " + partnerId);
    return outcome;
  }

  private static void requireAdministrator(AccessContext context) {
    if (!context.caller().has(Role.ADMINISTRATOR)) {
      throw new AccessDeniedException("only administrators see and replay quarantined messages");
    }
  }
}
