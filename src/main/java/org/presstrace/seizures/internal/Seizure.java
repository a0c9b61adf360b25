package org.presstrace.seizures.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.presstrace.seizures.DoseCalculator;
import org.presstrace.seizures.DoseMethod;
import org.presstrace.seizures.Screening;
import org.presstrace.seizures.SeizureDetail;
import org.presstrace.seizures.SeizureItem;
import org.presstrace.seizures.SeizureItemRescreened;
import org.presstrace.seizures.SeizureRecorded;
import org.presstrace.seizures.SeizureView;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.InvalidRequest;

/**
 * A seizure report and its lifecycle: recorded with screened items, its equipment traced, items
 * screened again when a list changes. Every change is a method that checks its guard, refuses with
 * the exception naming the rule broken, and otherwise records one past-tense event. What follows
 * from an item's screening (the name it is grouped by and the fentanyl mass of each dose method) is
 * worked out here, with the {@link DoseCalculator}, so the store only writes it.
 */
public final class Seizure {

  private final String id;
  private final String reference;
  private final SeizureView recorded;
  private final int equipmentListed;
  private final Map<Integer, Item> items = new LinkedHashMap<>();
  private final List<Item> changed = new ArrayList<>();
  private final List<Object> events = new ArrayList<>();
  private int equipmentTraced;
  private int unregistered;

  private Seizure(String id, String reference, SeizureView recorded, int equipmentListed) {
    this.id = id;
    this.reference = reference;
    this.recorded = recorded;
    this.equipmentListed = equipmentListed;
  }

  /**
   * One item of a seizure with what follows from its screening.
   *
   * @param seq its place in the seizure, from 1
   * @param group the name items are grouped by: the listed substance found, else the text entered
   * @param fentanylMg the fentanyl mass by each dose method that applies, best method first
   * @param assumedBasis what the assumed-purity method assumed, or {@code null}
   * @param grossBasis {@code GROSS} or {@code NET}: the weight the unadjusted method took, or null
   */
  public record Item(
      int seq,
      SeizureItem item,
      String group,
      Map<DoseMethod, BigDecimal> fentanylMg,
      String assumedBasis,
      String grossBasis) {

    static Item of(int seq, SeizureItem item, DoseCalculator calculator) {
      Map<DoseMethod, BigDecimal> masses = calculator.fentanylMg(item);
      return new Item(
          seq,
          item,
          group(item),
          masses,
          masses.containsKey(DoseMethod.ASSUMED_PURITY) ? calculator.assumedBasis(item) : null,
          masses.containsKey(DoseMethod.GROSS_UNADJUSTED)
              ? (item.gross() != null ? "GROSS" : "NET")
              : null);
    }

    /** The best dose method that applies, or {@code null}. */
    public DoseMethod best() {
      return fentanylMg == null || fentanylMg.isEmpty()
          ? null
          : fentanylMg.keySet().iterator().next();
    }

    private static String group(SeizureItem item) {
      Screening screening = item.screening();
      if (screening.substanceName() != null) {
        return screening.substanceName();
      }
      return item.substance().strip().toLowerCase(Locale.ROOT);
    }
  }

  // ---- recording -------------------------------------------------------------------------------

  /**
   * Records a new seizure: {@code seizure} as it will be stored, with {@code screened} items in
   * order. Every item must carry its screening verdict, and the report lists at least one item or
   * one piece of equipment.
   */
  public static Seizure record(
      SeizureView seizure, List<SeizureItem> screened, DoseCalculator calculator) {
    if (screened.isEmpty() && seizure.equipmentCount() == 0) {
      throw new InvalidRequest(
          "items", "a seizure report lists at least one item or one piece of equipment");
    }
    if (screened.size() != seizure.itemCount()) {
      throw new ConflictingState(
          "seizure "
              + seizure.reference()
              + " lists "
              + seizure.itemCount()
              + " items but "
              + screened.size()
              + " were given");
    }
    if (seizure.unregistered() != 0) {
      throw new ConflictingState(
          "seizure " + seizure.reference() + " has no equipment traced yet when it is recorded");
    }
    var recorded =
        new Seizure(seizure.id(), seizure.reference(), seizure, seizure.equipmentCount());
    for (int i = 0; i < screened.size(); i++) {
      SeizureItem item = screened.get(i);
      if (item.screening() == null) {
        throw new ConflictingState(
            "item "
                + (i + 1)
                + " of seizure "
                + seizure.reference()
                + " is not screened: items are screened before a seizure is recorded");
      }
      recorded.items.put(i + 1, Item.of(i + 1, item, calculator));
    }
    recorded.events.add(
        new SeizureRecorded(
            seizure.id(), seizure.itemCount(), seizure.equipmentCount(), seizure.reportedAt()));
    return recorded;
  }

  /**
   * A piece of the seizure's equipment was traced in the registry, in the order listed;
   * unregistered equipment is counted on the seizure.
   */
  public void equipmentTraced(SeizureDetail.Equipment traced) {
    if (recorded == null) {
      throw new ConflictingState("seizure " + reference + " traces equipment only when recorded");
    }
    if (equipmentTraced >= equipmentListed) {
      throw new ConflictingState(
          "seizure "
              + reference
              + " lists "
              + equipmentListed
              + " pieces of equipment, all traced");
    }
    if (traced.seq() != equipmentTraced + 1) {
      throw new ConflictingState(
          "seizure "
              + reference
              + " traces its equipment in order: piece "
              + (equipmentTraced + 1)
              + " is next, not "
              + traced.seq());
    }
    equipmentTraced++;
    if ("UNREGISTERED".equals(traced.outcome())) {
      unregistered++;
    }
  }

  // ---- screening again -------------------------------------------------------------------------

  /** A recorded seizure loaded for screening some of its items again; no events recorded yet. */
  public static Seizure stored(String id, String reference, Map<Integer, SeizureItem> items) {
    var seizure = new Seizure(id, reference, null, 0);
    items.forEach(
        (seq, item) -> seizure.items.put(seq, new Item(seq, item, null, null, null, null)));
    return seizure;
  }

  /**
   * Item {@code seq} was screened again and found {@code verdict}. A verdict equal to the stored
   * one changes nothing and records nothing; another replaces it with what follows from it (the
   * name it is grouped by and the fentanyl mass by each method: an item newly screened as
   * fentanyl-class gains them).
   *
   * @return whether the verdict changed
   */
  public boolean rescreen(int seq, Screening verdict, DoseCalculator calculator) {
    Item stored = items.get(seq);
    if (stored == null) {
      throw new ConflictingState("seizure " + reference + " has no item " + seq + " loaded");
    }
    if (verdict == null) {
      throw new InvalidRequest("screening", "a new screening verdict is required");
    }
    Screening before = stored.item().screening();
    if (verdict.equals(before)) {
      return false;
    }
    Item now = Item.of(seq, stored.item().screened(verdict), calculator);
    items.put(seq, now);
    changed.removeIf(item -> item.seq() == seq);
    changed.add(now);
    events.add(
        new SeizureItemRescreened(
            id,
            seq,
            before == null ? null : before.status(),
            verdict.status(),
            verdict.substanceId()));
    return true;
  }

  // ---- state -----------------------------------------------------------------------------------

  public String id() {
    return id;
  }

  public String reference() {
    return reference;
  }

  /** The seizure as recorded, before its equipment was traced. */
  public SeizureView view() {
    if (recorded == null) {
      throw new ConflictingState("seizure " + reference + " was loaded for screening only");
    }
    return recorded;
  }

  /** How many pieces of its equipment the registry did not know, so far. */
  public int unregistered() {
    return unregistered;
  }

  /** Its items in order, as recorded or as loaded. */
  public List<Item> items() {
    return List.copyOf(items.values());
  }

  /** The items whose screening changed since loading, in the order they changed. */
  public List<Item> rescreenedItems() {
    return List.copyOf(changed);
  }

  /** The events recorded since this object was loaded or created, oldest first. */
  public List<Object> recordedEvents() {
    return List.copyOf(events);
  }
}
