package org.presstrace.ledger.web;

import org.presstrace.access.AccessContext;
import org.presstrace.access.AuditTrail;
import org.presstrace.access.Callers;
import org.presstrace.access.Channel;
import org.presstrace.access.Role;
import org.presstrace.ledger.Ledger;
import org.presstrace.ledger.LedgerLeaf;
import org.presstrace.ledger.LedgerVerifier;
import org.presstrace.ledger.Verification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** What only auditors may do with the ledger, for the API and the page alike, each audited. */
@Component
class AuditorReads {

  private final Ledger ledger;
  private final LedgerVerifier verifier;
  private final Callers callers;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;

  AuditorReads(
      Ledger ledger,
      LedgerVerifier verifier,
      Callers callers,
      AuditTrail audit,
      PlatformTransactionManager transactionManager) {
    this.ledger = ledger;
    this.verifier = verifier;
    this.callers = callers;
    this.audit = audit;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /** The current caller, who must be an auditor. */
  AccessContext auditor(Channel channel) {
    AccessContext context = callers.context(channel, null);
    if (!context.caller().has(Role.AUDITOR)) {
      throw new AccessDeniedException("only auditors read ledger leaves and run verification");
    }
    return context;
  }

  @Transactional
  LedgerLeaf leaf(Channel channel, long index) {
    AccessContext context = auditor(channel);
    LedgerLeaf leaf = ledger.leaf(index);
    audit.record(context, "READ", "ledger-leaf", String.valueOf(index), "SHOWN", null);
    return leaf;
  }

  /**
   * Runs verification, then audits it. Not in one transaction: verification first waits for the
   * integrator, which must not find this request holding a pooled connection meanwhile.
   */
  Verification verify(Channel channel) {
    AccessContext context = auditor(channel);
    Verification result = verifier.verify();
    transactions.executeWithoutResult(
        status ->
            audit.record(
                context,
                "LEDGER_VERIFY",
                "ledger",
                null,
                result.holds() ? "SHOWN" : "DIVERGED",
                result.firstDivergence()));
    return result;
  }
}
