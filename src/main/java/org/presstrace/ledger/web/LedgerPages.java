package org.presstrace.ledger.web;

import java.util.HexFormat;
import java.util.List;
import org.presstrace.access.Channel;
import org.presstrace.ledger.Ledger;
import org.presstrace.ledger.LedgerLeaf;
import org.presstrace.ledger.MerkleVerifier;
import org.presstrace.ledger.SignedTreeHead;
import org.presstrace.shared.Decimals;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The auditor's view of the ledger: the latest signed tree head and the signing key, one leaf with
 * its inclusion proof checked against that head, and verification of the whole log.
 */
@Controller
@RequestMapping("/ledger")
class LedgerPages {

  private static final HexFormat HEX = HexFormat.of();

  private final Ledger ledger;
  private final AuditorReads auditors;

  LedgerPages(Ledger ledger, AuditorReads auditors) {
    this.ledger = ledger;
    this.auditors = auditors;
  }

  /** A leaf, its audit path under the head shown, and whether the path leads to that head. */
  record LeafProof(LedgerLeaf leaf, List<String> auditPath, boolean holds) {}

  @GetMapping
  String show(@RequestParam(required = false) String index, Model model) {
    auditors.auditor(Channel.PAGE);
    ledger.awaitIntegration(Ledger.HEAD_WAIT);
    SignedTreeHead head = ledger.head();
    model.addAttribute("head", head);
    model.addAttribute("keyId", ledger.keyId());
    model.addAttribute("publicKey", ledger.publicKey());
    model.addAttribute("index", index == null ? "" : index);
    if (index != null) {
      try {
        model.addAttribute("proof", proof(parse(index), head));
      } catch (InvalidRequest | NotFound e) {
        model.addAttribute("indexError", e.getMessage());
      }
    }
    return "ledger/index";
  }

  @PostMapping("/verification")
  String verify(Model model) {
    model.addAttribute("verification", auditors.verify(Channel.PAGE));
    return show(null, model);
  }

  private LeafProof proof(long index, SignedTreeHead head) {
    if (index < 0 || index >= head.treeSize()) {
      throw new InvalidRequest(
          "index",
          "leaf "
              + index
              + " is not in the signed tree of "
              + head.treeSize()
              + " leaves (0 to "
              + (head.treeSize() - 1)
              + ")");
    }
    LedgerLeaf leaf = auditors.leaf(Channel.PAGE, index);
    List<String> path = ledger.inclusionProof(index, head.treeSize());
    boolean holds =
        MerkleVerifier.verifyInclusion(
            index,
            head.treeSize(),
            HEX.parseHex(leaf.leafHash()),
            path.stream().map(HEX::parseHex).toList(),
            HEX.parseHex(head.rootHash()));
    return new LeafProof(leaf, path, holds);
  }

  private static long parse(String index) {
    Long number;
    try {
      number = Decimals.wholeNumber(index, "index", Long.MIN_VALUE, Long.MAX_VALUE);
    } catch (InvalidRequest notANumber) {
      throw new InvalidRequest("index", "'" + index.strip() + "' is not a leaf number");
    }
    if (number == null) {
      throw new InvalidRequest("index", "give a leaf number");
    }
    return number;
  }
}
