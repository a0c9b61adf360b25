package org.presstrace.registry;

import java.time.Clock;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AuditTrail;
import org.presstrace.registry.internal.ComplianceItems;
import org.presstrace.registry.internal.Machines;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * New equipment whose make and serial stored equipment already carries. The registrant holding the
 * stored item is told which of its items it is; any other registrant is told only that the serial
 * conflicts with an existing registration (no holder, make, model or state), and the compliance
 * queue gets an item so that the registry contacts it.
 */
@Component
class SerialConflicts {

  private final ComplianceItems items;
  private final AuditTrail audit;
  private final Clock clock;
  private final TransactionTemplate own;

  SerialConflicts(
      ComplianceItems items,
      AuditTrail audit,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.items = items;
    this.audit = audit;
    this.clock = clock;
    this.own = new TransactionTemplate(transactions);
    // The item must outlive the refused registration, whose transaction rolls back.
    this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * What {@code registrant} is told of its {@code make} and {@code serial} clashing with {@code
   * stored}; raises the compliance item when the stored item is not its own.
   *
   * @param where how the serial was given, for the item's summary, e.g. {@code "registration"}
   */
  String refuse(
      AccessContext context,
      RegistrantView registrant,
      String make,
      SerialNumber serial,
      Machines.Registered stored,
      String where) {
    if (stored.holder().equals(registrant.id())) {
      return "serial '"
          + serial
          + "' (read as "
          + serial.identity()
          + ") is already registered to you as machine "
          + stored.machineId()
          + ": serials are unique per manufacturer";
    }
    raise(context, registrant, make, serial, stored, where);
    return neutral(serial);
  }

  /** The warning for new equipment whose serial only looks like stored ones of its make. */
  static final String LOOK_ALIKE = "a similar serial exists for this make; check the plate";

  /**
   * The warning to {@code registrant} that stored equipment of the same make carries a serial that
   * only looks like its new one; names the other serials only where the registrant holds them.
   */
  static java.util.Optional<String> lookAlike(
      RegistrantView registrant, java.util.List<Machines.LookAlike> lookAlikes) {
    if (lookAlikes.isEmpty()) {
      return java.util.Optional.empty();
    }
    var own =
        lookAlikes.stream()
            .filter(other -> other.holder().equals(registrant.id()))
            .map(other -> "your machine " + other.machineId() + " carries '" + other.serial() + "'")
            .toList();
    return java.util.Optional.of(
        own.isEmpty() ? LOOK_ALIKE : LOOK_ALIKE + " (" + String.join("; ", own) + ")");
  }

  /** The answer to a registrant whose serial clashes with equipment it does not hold. */
  static String neutral(SerialNumber serial) {
    return "serial '"
        + serial
        + "' conflicts with an existing registration; the registry will contact you";
  }

  private void raise(
      AccessContext context,
      RegistrantView registrant,
      String make,
      SerialNumber serial,
      Machines.Registered stored,
      String where) {
    String summary =
        registrant.label()
            + " gave "
            + make.strip()
            + " serial '"
            + serial
            + "' (read as "
            + serial.identity()
            + ") in "
            + where
            + "; machine "
            + stored.machineId()
            + " of another holder carries it. Contact the registrant: it was told only that the"
            + " serial conflicts with an existing registration";
    String subject =
        "serial:"
            + registrant.id()
            + ":"
            + Machines.makeKey(make.strip())
            + "/"
            + serial.normalised();
    own.executeWithoutResult(
        status ->
            items
                .raise(
                    ComplianceKind.SERIAL_CONFLICT,
                    subject,
                    registrant.id(),
                    stored.machineId(),
                    null,
                    summary,
                    null,
                    clock.instant())
                .ifPresent(
                    id ->
                        audit.record(
                            context, "CREATE", ComplianceItems.KIND_NAME, id, "WRITTEN", summary)));
  }
}
