package org.presstrace.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AuditTrail;
import org.presstrace.access.Callers;
import org.presstrace.access.Channel;
import org.presstrace.access.Role;
import org.presstrace.ledger.Ledger;
import org.presstrace.ledger.LedgerLeaf;
import org.presstrace.ledger.LedgerVerifier;
import org.presstrace.ledger.SignedTreeHead;
import org.presstrace.ledger.Verification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ledger over the API: signed heads, the public key and proofs (hashes only) for every
 * signed-in user; leaf data and full verification for auditors.
 */
@RestController
@RequestMapping("/api/v1/ledger")
@Tag(name = "Ledger")
class LedgerApi {

  private final Ledger ledger;
  private final LedgerVerifier verifier;
  private final Callers callers;
  private final AuditTrail audit;

  LedgerApi(Ledger ledger, LedgerVerifier verifier, Callers callers, AuditTrail audit) {
    this.ledger = ledger;
    this.verifier = verifier;
    this.callers = callers;
    this.audit = audit;
  }

  record Proof(long index, long treeSize, List<String> auditPath) {}

  record Consistency(long first, long second, List<String> proof) {}

  @GetMapping("/head")
  @Operation(
      summary = "The latest signed tree head (Ed25519 over presstrace-sth/v1, size, root, time)")
  SignedTreeHead head() {
    callers.current();
    return ledger.head();
  }

  @GetMapping("/key")
  @Operation(summary = "The public key that signs tree heads (X.509 SubjectPublicKeyInfo, base64)")
  Map<String, String> key() {
    callers.current();
    return Map.of("keyId", ledger.keyId(), "algorithm", "Ed25519", "publicKey", ledger.publicKey());
  }

  @GetMapping("/proofs/inclusion")
  @Operation(summary = "The audit path of a leaf in the tree of a given size (RFC 9162 PATH), hex")
  Proof inclusion(@RequestParam long index, @RequestParam long size) {
    callers.current();
    return new Proof(index, size, ledger.inclusionProof(index, size));
  }

  @GetMapping("/proofs/consistency")
  @Operation(summary = "The consistency proof between two tree sizes (RFC 9162 PROOF), hex")
  Consistency consistency(@RequestParam long first, @RequestParam long second) {
    callers.current();
    return new Consistency(first, second, ledger.consistencyProof(first, second));
  }

  @GetMapping("/leaves/{index}")
  @Operation(summary = "One leaf with its canonical data (auditors)")
  @Transactional
  LedgerLeaf leaf(@PathVariable long index) {
    AccessContext context = auditor();
    LedgerLeaf leaf = ledger.leaf(index);
    audit.record(context, "READ", "ledger-leaf", String.valueOf(index), "SHOWN", null);
    return leaf;
  }

  @PostMapping("/verify")
  @Operation(summary = "Re-read the whole log and report the first divergence (auditors)")
  @Transactional
  Verification verify() {
    AccessContext context = auditor();
    Verification result = verifier.verify();
    audit.record(
        context,
        "LEDGER_VERIFY",
        "ledger",
        null,
        result.holds() ? "SHOWN" : "DIVERGED",
        result.firstDivergence());
    return result;
  }

  private AccessContext auditor() {
    AccessContext context = callers.context(Channel.API, null);
    if (!context.caller().has(Role.AUDITOR)) {
      throw new AccessDeniedException("only auditors read ledger leaves and run verification");
    }
    return context;
  }
}
