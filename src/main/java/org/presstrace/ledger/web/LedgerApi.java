package org.presstrace.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.presstrace.access.Callers;
import org.presstrace.access.Channel;
import org.presstrace.ledger.Ledger;
import org.presstrace.ledger.LedgerLeaf;
import org.presstrace.ledger.SignedTreeHead;
import org.presstrace.ledger.Verification;
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
  private final Callers callers;
  private final AuditorReads auditors;

  LedgerApi(Ledger ledger, Callers callers, AuditorReads auditors) {
    this.ledger = ledger;
    this.callers = callers;
    this.auditors = auditors;
  }

  record Proof(long index, long treeSize, List<String> auditPath) {}

  record Consistency(long first, long second, List<String> proof) {}

  @GetMapping("/head")
  @Operation(
      summary = "The latest signed tree head (Ed25519 over presstrace-sth/v1, size, root, time)",
      description =
          "Covers every entry committed before the request once the integrator has taken it; the"
              + " request waits up to 2 s for that, then answers the latest head regardless.")
  SignedTreeHead head() {
    callers.current();
    ledger.awaitIntegration(Ledger.HEAD_WAIT);
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
  LedgerLeaf leaf(@PathVariable long index) {
    return auditors.leaf(Channel.API, index);
  }

  @PostMapping("/verify")
  @Operation(summary = "Re-read the whole log and report the first divergence (auditors)")
  Verification verify() {
    return auditors.verify(Channel.API);
  }
}
