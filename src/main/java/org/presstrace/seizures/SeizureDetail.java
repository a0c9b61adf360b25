package org.presstrace.seizures;

import java.math.BigDecimal;
import java.util.List;
import org.presstrace.access.Marking;

/** One seizure with its items (and their dose estimates), equipment and parties. */
public record SeizureDetail(
    SeizureView seizure, List<Item> items, List<Equipment> equipment, List<Party> parties) {

  /**
   * A seized item as stored, with every dose estimate that applies.
   *
   * @param screenStatus LISTED, CLASS or NOT_LISTED
   * @param netMg the net weight in milligrams, exactly
   * @param best the best available estimate, or {@code null} when none applies
   * @param potencyAdjusted the fentanyl-equivalent figure from the best estimate by the sourced
   *     relative potency (or why there is none), apart from the plain estimates; {@code null} when
   *     no estimate applies
   */
  public record Item(
      int seq,
      String substance,
      String cas,
      String screenStatus,
      String substanceName,
      String family,
      String screenReason,
      ItemForm form,
      Quantity net,
      Quantity gross,
      BigDecimal netMg,
      Long pillCount,
      String imprint,
      String colour,
      BigDecimal purityPct,
      BigDecimal mgPerPill,
      BigDecimal shareAtLeast2mgPct,
      List<DoseEstimate> estimates,
      DoseEstimate best,
      PotencyAdjusted potencyAdjusted) {}

  /**
   * Seized equipment and what the registry said about it.
   *
   * @param outcome SEIZED, SEIZED_STOLEN, SEIZED_LOST, SEIZED_FROM_REGISTRANT, NOT_SEIZABLE (the
   *     registry has it in a final or seized state) or UNREGISTERED
   * @param priorState the custody state before the seizure, when registered
   * @param holder the last lawful holder, when registered
   */
  public record Equipment(
      int seq,
      String serial,
      String kind,
      String description,
      String machineId,
      String priorState,
      String holder,
      String outcome,
      String alertId) {}

  /** A person, company or vehicle involved; carries the seizure's marking. */
  public record Party(
      String id,
      String seizureId,
      String kind,
      String name,
      String identifier,
      String role,
      String details,
      Marking marking) {}
}
