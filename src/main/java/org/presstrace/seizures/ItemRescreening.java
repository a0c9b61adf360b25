package org.presstrace.seizures;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Caller;
import org.presstrace.access.Channel;
import org.presstrace.access.Derivations;
import org.presstrace.access.DerivedMarking;
import org.presstrace.access.Directory;
import org.presstrace.seizures.internal.Seizure;
import org.presstrace.seizures.internal.SeizureStore;
import org.presstrace.seizures.internal.SeizureStore.RecordedItem;
import org.presstrace.shared.CountryCode;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.substances.ControlListChanged;
import org.presstrace.substances.ListedHit;
import org.presstrace.substances.ScreeningResult;
import org.presstrace.substances.Substances;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Screens recorded seizure items again when a designation changes a list. Runs after the
 * designation commits, in its own transaction, from Spring Modulith's event publication registry: a
 * failure here never undoes the designation, and an unfinished run is republished at restart. Items
 * are read page by page and screened as at report time; an item that now finds a substance the
 * designation newly controls, other than the one its stored verdict names, gets the new verdict
 * (with its group and dose estimates) and raises an alert to the seizure's owning agency, once per
 * item, substance and designation.
 */
@Component
class ItemRescreening {

  static final String ALERT_KIND = "NEWLY_CONTROLLED_ITEM";
  static final String USER = "list-rescreening";

  private static final Logger log = LoggerFactory.getLogger(ItemRescreening.class);
  private static final int PAGE = 300;

  private final Substances substances;
  private final SeizureStore store;
  private final DoseCalculator calculator;
  private final Alerts alerts;
  private final Directory directory;
  private final Clock clock;
  private final Derivations derivations;
  private final ApplicationEventPublisher events;

  ItemRescreening(
      Substances substances,
      SeizureStore store,
      DoseCalculator calculator,
      Alerts alerts,
      Directory directory,
      Clock clock,
      Derivations derivations,
      ApplicationEventPublisher events) {
    this.derivations = derivations;
    this.events = events;
    this.substances = substances;
    this.store = store;
    this.calculator = calculator;
    this.alerts = alerts;
    this.directory = directory;
    this.clock = clock;
  }

  @ApplicationModuleListener
  void on(ControlListChanged event) {
    Set<String> controlled = new HashSet<>(event.substanceIds());
    if (controlled.isEmpty()) {
      return;
    }
    AccessContext system = systemContext();
    Map<String, ScreeningResult> screened = new HashMap<>();
    String afterSeizure = "";
    int afterSeq = 0;
    int items = 0;
    int raised = 0;
    while (true) {
      List<RecordedItem> batch = store.itemsAfter(afterSeizure, afterSeq, PAGE);
      if (batch.isEmpty()) {
        break;
      }
      for (RecordedItem stored : batch) {
        items++;
        raised += rescreen(system, event, controlled, stored, screened);
      }
      RecordedItem last = batch.get(batch.size() - 1);
      afterSeizure = last.seizureId();
      afterSeq = last.seq();
    }
    log.info(
        "list version {} ({} {}): screened {} recorded seizure items again, {} alerts",
        event.listVersion(),
        event.jurisdiction(),
        event.category(),
        items,
        raised);
  }

  private int rescreen(
      AccessContext system,
      ControlListChanged event,
      Set<String> controlled,
      RecordedItem stored,
      Map<String, ScreeningResult> screened) {
    ScreeningResult result = screen(stored.item(), screened);
    if (result == null) {
      return 0;
    }
    String before = stored.item().screening().substanceId();
    List<ListedHit> newHits =
        result.listed().stream()
            .filter(hit -> controlled.contains(hit.substanceId()))
            .filter(hit -> !hit.substanceId().equals(before))
            .toList();
    if (newHits.isEmpty()) {
      return 0;
    }
    Seizure seizure =
        Seizure.stored(stored.seizureId(), stored.reference(), Map.of(stored.seq(), stored.item()));
    if (seizure.rescreen(stored.seq(), Screening.of(result), calculator)) {
      store.saveRescreened(seizure);
      seizure.recordedEvents().forEach(events::publishEvent);
    }
    int raised = 0;
    for (ListedHit hit : newHits) {
      if (raise(system, event, stored, hit)) {
        raised++;
      }
    }
    return raised;
  }

  /** The screen of an item's text and CAS number now, once per distinct pair in a run. */
  private ScreeningResult screen(SeizureItem item, Map<String, ScreeningResult> screened) {
    String key =
        item.substance().toLowerCase(Locale.ROOT) + "|" + (item.cas() == null ? "" : item.cas());
    if (!screened.containsKey(key)) {
      ScreeningResult result;
      try {
        result = substances.screen(null, item.substance(), item.cas());
      } catch (InvalidRequest e) {
        log.warn(
            "recorded item '{}' cannot be screened again: {}", item.substance(), e.getMessage());
        result = null;
      }
      screened.put(key, result);
    }
    return screened.get(key);
  }

  /** Raises the alert for one item, substance and designation unless it was raised already. */
  private boolean raise(
      AccessContext system, ControlListChanged event, RecordedItem stored, ListedHit hit) {
    if (store.itemAlertRaised(
        stored.seizureId(), stored.seq(), hit.substanceId(), event.designationId())) {
      return false;
    }
    String alert =
        alerts.raise(
            system,
            stored.owner(),
            ALERT_KIND,
            "seizure",
            stored.seizureId(),
            "Seizure " + stored.reference() + " item " + stored.seq() + " is now controlled",
            message(event, stored, hit),
            derivations.derive(system, DerivedMarking.Source.of(Seizures.KIND, stored.seizureId())),
            null);
    store.recordItemAlert(
        stored.seizureId(),
        stored.seq(),
        hit.substanceId(),
        event.designationId(),
        alert,
        clock.instant());
    return true;
  }

  static String message(ControlListChanged event, RecordedItem stored, ListedHit hit) {
    return "Item "
        + stored.seq()
        + " of seizure "
        + stored.reference()
        + " (\""
        + stored.item().substance()
        + "\") now screens as "
        + hit.name()
        + " ("
        + hit.reason()
        + " '"
        + hit.matched()
        + "'), controlled in "
        + event.jurisdiction()
        + " under "
        + event.instrument()
        + " ("
        + event.category()
        + ") from "
        + event.effectiveFrom()
        + ", list version "
        + event.listVersion()
        + ".";
  }

  /** PressTrace itself, acting for the operator agency, raises these alerts. */
  private AccessContext systemContext() {
    String operator = directory.operatorAgency();
    var agency = directory.agency(operator);
    var caller =
        new Caller(
            USER,
            operator,
            agency.map(a -> a.kind()).orElse(AgencyKind.FEDERAL),
            agency.map(a -> a.country()).orElse(new CountryCode("USA")),
            Set.of(),
            Set.of());
    return new AccessContext(caller, Channel.CLI, null);
  }
}
