package org.presstrace.registry;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AuditTrail;
import org.presstrace.registry.internal.ComplianceItems;
import org.presstrace.registry.internal.Machines;
import org.presstrace.registry.internal.Receipts;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The buyer's side of a sale. The seller records a transfer alone; its buyer then confirms receipt,
 * reading the serial off the plate, or disputes it. A dispute, or a plate that reads another serial
 * than the one recorded, raises a {@code DISPUTED_TRANSFER} compliance item at once; a receipt
 * still unanswered after {@code presstrace.registry.compliance.receipt-days} raises an {@code
 * UNCONFIRMED_TRANSFER} item at the next sweep, as a diversion in transit would show.
 */
@Service
public class TransferReceipts {

  private final Registry registry;
  private final Receipts receipts;
  private final Machines machines;
  private final ComplianceItems items;
  private final AuditTrail audit;
  private final Clock clock;

  TransferReceipts(
      Registry registry,
      Receipts receipts,
      Machines machines,
      ComplianceItems items,
      AuditTrail audit,
      Clock clock) {
    this.registry = registry;
    this.receipts = receipts;
    this.machines = machines;
    this.items = items;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The buyer's answer to the last transfer of {@code machineId} to it. Only users of the buyer,
   * which holds the machine since the sale, answer; to anyone else the machine is not found. A
   * receipt is answered once.
   */
  @Transactional
  public TransferReceipt answer(AccessContext context, String machineId, ReceiptAnswer answer) {
    RegistrantView buyer =
        registry
            .registrantOf(context.caller())
            .orElseThrow(
                () ->
                    new AccessDeniedException(
                        "only users of the buying registrant confirm or dispute a receipt"));
    var machine =
        machines
            .load(machineId)
            .filter(m -> m.holder().equals(buyer.id()))
            .orElseThrow(() -> new NotFound(Machines.KIND.name(), machineId));
    var receipt =
        receipts
            .latestTo(machineId, buyer.id())
            .orElseThrow(
                () ->
                    new ConflictingState(
                        "machine "
                            + machineId
                            + " has no recorded sale to you waiting for its receipt"));
    String outcome =
        answer.outcome() == null ? "" : answer.outcome().strip().toUpperCase(Locale.ROOT);
    String note = answer.note() == null || answer.note().isBlank() ? null : answer.note().strip();
    if (note != null && note.length() > 2000) {
      throw new InvalidRequest("note", "note is longer than 2000 characters");
    }
    SerialNumber read =
        answer.serial() == null || answer.serial().isBlank()
            ? null
            : new SerialNumber(answer.serial());
    ReceiptStatus status =
        switch (outcome) {
          case "CONFIRMED" ->
              read == null || read.identity().equals(machine.serial().identity())
                  ? ReceiptStatus.CONFIRMED
                  : ReceiptStatus.MISMATCHED;
          case "DISPUTED" -> {
            if (note == null) {
              throw new InvalidRequest(
                  "note", "a dispute needs a note saying what did not arrive as recorded");
            }
            yield ReceiptStatus.DISPUTED;
          }
          default ->
              throw new InvalidRequest(
                  "outcome", "outcome '" + answer.outcome() + "' must be CONFIRMED or DISPUTED");
        };
    if (receipt.status() != ReceiptStatus.PENDING) {
      throw new ConflictingState(
          "the receipt of machine "
              + machineId
              + " was answered "
              + receipt.status()
              + " on "
              + receipt.answeredAt()
              + ": a receipt is answered once");
    }
    Instant now = clock.instant();
    String by = context.caller().username();
    String serialRead = read == null ? null : read.asEntered();
    if (!receipts.answer(machineId, receipt.seq(), status, by, serialRead, note, now)) {
      throw new ConflictingState("the receipt of machine " + machineId + " was answered meanwhile");
    }
    audit.record(
        context,
        "RECEIPT",
        Machines.KIND.name(),
        machineId,
        "WRITTEN",
        status + (note == null ? "" : ": " + note));
    if (status != ReceiptStatus.CONFIRMED) {
      RegistrantView seller = registry.registrant(receipt.seller());
      String summary =
          buyer.label()
              + " "
              + (status == ReceiptStatus.MISMATCHED
                  ? "received machine "
                      + machineId
                      + " recorded as serial '"
                      + machine.serial()
                      + "' but its plate reads '"
                      + serialRead
                      + "'"
                  : "disputes the receipt of machine " + machineId)
              + ", sold by "
              + seller.label()
              + (note == null ? "" : ": " + note);
      items
          .raise(
              ComplianceKind.DISPUTED_TRANSFER,
              "transfer-receipt:" + machineId + ":" + receipt.seq(),
              seller.id(),
              machineId,
              null,
              summary,
              null,
              now)
          .ifPresent(
              id ->
                  audit.record(
                      context, "CREATE", ComplianceItems.KIND_NAME, id, "WRITTEN", summary));
    }
    return receipts.latestTo(machineId, buyer.id()).orElseThrow();
  }
}
