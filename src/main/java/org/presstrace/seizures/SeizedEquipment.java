package org.presstrace.seizures;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.presstrace.access.AccessContext;
import org.presstrace.access.Derivations;
import org.presstrace.access.DerivedMarking;
import org.presstrace.access.Directory;
import org.presstrace.registry.CustodyReport;
import org.presstrace.registry.CustodyState;
import org.presstrace.registry.Registry;
import org.presstrace.registry.Trace;
import org.presstrace.registry.TracedMachine;
import org.springframework.stereotype.Component;

/**
 * Seized equipment through the registry's public API: trace the serial, move the custody to seized
 * by the reporting agency, and alert the regulator agency when the item was reported lost or
 * stolen, is held by an active registrant, is not registered at all, or stands in a state from
 * which it cannot have been seized.
 */
@Component
class SeizedEquipment {

  private final Trace trace;
  private final Registry registry;
  private final Alerts alerts;
  private final Directory directory;
  private final DoseSettings settings;
  private final Derivations derivations;

  SeizedEquipment(
      Trace trace,
      Registry registry,
      Alerts alerts,
      Directory directory,
      DoseSettings settings,
      Derivations derivations) {
    this.derivations = derivations;
    this.trace = trace;
    this.registry = registry;
    this.alerts = alerts;
    this.directory = directory;
    this.settings = settings;
  }

  /**
   * The agency alerted about seized equipment: the regulator agency if it exists, else the
   * registry's operator agency, else (a directory without either) the reporting agency.
   */
  String alertAgency(AccessContext context) {
    if (directory.agency(settings.regulatorAgency()).isPresent()) {
      return settings.regulatorAgency();
    }
    return directory.agency(directory.operatorAgency()).isPresent()
        ? directory.operatorAgency()
        : context.caller().agency();
  }

  /** Traces and seizes one item; {@code context} states the seizure as its purpose. */
  SeizureDetail.Equipment seize(
      AccessContext context,
      String seizureId,
      String reference,
      int seq,
      CheckedSeizure.Equipment item,
      LocalDate day) {
    List<TracedMachine> found = trace.trace(context, Trace.Query.serial(item.serial()));
    String subject = "seizure " + reference;
    var seizure = DerivedMarking.Source.of(Seizures.KIND, seizureId);
    if (found.isEmpty()) {
      String alert =
          alerts.raise(
              context,
              alertAgency(context),
              "UNREGISTERED_EQUIPMENT",
              "seizure",
              seizureId,
              "Unregistered " + kindName(item) + " " + item.serial() + " seized",
              context.caller().agency()
                  + " seized "
                  + kindName(item)
                  + " serial "
                  + item.serial()
                  + " ("
                  + subject
                  + "); no registered item has this serial.",
              derivations.derive(context, seizure),
              new Alerts.Fact(
                  "seizure",
                  null,
                  "Unregistered " + kindName(item) + " seized",
                  "An unregistered "
                      + kindName(item)
                      + " was seized by a law enforcement agency on "
                      + day
                      + "; the seizing agency's duty contact can say more."));
      return equipment(seq, item, null, null, null, "UNREGISTERED", alert);
    }
    TracedMachine machine =
        found.stream()
            .sorted(Comparator.comparing(t -> t.match().equals("EXACT") ? 0 : 1))
            .findFirst()
            .orElseThrow();
    CustodyState prior = machine.machine().state();
    String holder = machine.lastLawfulHolder() == null ? null : machine.lastLawfulHolder().label();
    boolean activeHolder =
        machine.lastLawfulHolder() != null && machine.lastLawfulHolder().active();
    String outcome =
        switch (prior) {
          case HELD -> activeHolder ? "SEIZED_FROM_REGISTRANT" : "SEIZED";
          case STOLEN -> "SEIZED_STOLEN";
          case LOST -> "SEIZED_LOST";
          default -> "NOT_SEIZABLE";
        };
    var fromSeizure =
        derivations.derive(
            context, seizure, DerivedMarking.Source.of(Trace.MACHINE_KIND, machine.machine().id()));
    if (!outcome.equals("NOT_SEIZABLE")) {
      registry.seize(
          context,
          machine.machine().id(),
          new CustodyReport(day, "Seized by " + context.caller().agency() + ", " + subject),
          fromSeizure);
    }
    String alert = null;
    if (!outcome.equals("SEIZED")) {
      alert =
          alerts.raise(
              context,
              alertAgency(context),
              "SEIZED_"
                  + (outcome.equals("NOT_SEIZABLE") ? "EQUIPMENT_IN_FINAL_STATE" : "EQUIPMENT"),
              "seizure",
              seizureId,
              title(outcome, machine),
              context.caller().agency()
                  + " seized "
                  + machine.machine().make()
                  + " "
                  + machine.machine().model()
                  + " serial "
                  + machine.machine().serial()
                  + " ("
                  + subject
                  + "). Registry state before the seizure: "
                  + prior
                  + (holder == null ? "" : "; last lawful holder " + holder)
                  + ".",
              fromSeizure,
              new Alerts.Fact(
                  "machine",
                  machine.machine().id(),
                  title(outcome, machine),
                  machine.machine().make()
                      + " "
                      + machine.machine().model()
                      + " serial "
                      + machine.machine().serial()
                      + " was seized by a law enforcement agency on "
                      + day
                      + ". Registry state before the seizure: "
                      + prior
                      + "."));
    }
    return equipment(seq, item, machine.machine().id(), prior.name(), holder, outcome, alert);
  }

  private static String title(String outcome, TracedMachine machine) {
    String serial = machine.machine().serial();
    return switch (outcome) {
      case "SEIZED_STOLEN" -> "Stolen equipment " + serial + " seized";
      case "SEIZED_LOST" -> "Equipment reported lost " + serial + " seized";
      case "SEIZED_FROM_REGISTRANT" -> "Equipment of an active registrant " + serial + " seized";
      default -> "Equipment " + serial + " seized while recorded as " + machine.machine().state();
    };
  }

  private static String kindName(CheckedSeizure.Equipment item) {
    return item.kind().toLowerCase(java.util.Locale.ROOT);
  }

  private static SeizureDetail.Equipment equipment(
      int seq,
      CheckedSeizure.Equipment item,
      String machineId,
      String prior,
      String holder,
      String outcome,
      String alert) {
    return new SeizureDetail.Equipment(
        seq,
        item.serial(),
        item.kind(),
        item.description(),
        machineId,
        prior,
        holder,
        outcome,
        alert);
  }
}
