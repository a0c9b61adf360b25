package org.presstrace.substances;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.presstrace.substances.internal.NameMatcher;
import org.presstrace.substances.internal.SubstanceStore;
import org.presstrace.substances.internal.VerdictLines;
import org.springframework.stereotype.Service;

/**
 * The controlled-substance reference list: search by name, synonym or CAS number; one substance
 * with its control history; what a jurisdiction controlled on a day; and screening. Reference data
 * carries no markings: every signed-in user may read it.
 */
@Service
public class Substances {

  /** Hits below this score are not reported as screening hits. */
  static final double SCREENING_MINIMUM = 0.75;

  private static final Pattern JURISDICTION = Pattern.compile("[A-Z]{3}|UN");

  private final SubstanceStore store;
  private final StructureScreen structures = StructureScreen.builtIn();

  Substances(SubstanceStore store) {
    this.store = store;
  }

  /** Substances whose name, synonym, Chinese name or CAS number matches {@code query}. */
  public List<ListedHit> search(String query) {
    if (query == null || query.isBlank()) {
      return store.all();
    }
    if (query.length() > 300) {
      throw new InvalidRequest("q", "query is " + query.length() + " characters, more than 300");
    }
    return matcher().match(query, 0.5);
  }

  /**
   * The whole reference list: every substance with its names and its controls per jurisdiction
   * (table, schedule or list and dates). Reference data, readable by every user.
   */
  public List<Substance> all() {
    return store.every();
  }

  public Substance get(String id) {
    return store.find(id).orElseThrow(() -> new NotFound("substance", id));
  }

  /** What {@code jurisdiction} controlled on {@code date}: listed substances and classes. */
  public ControlledList controlledOn(String jurisdiction, LocalDate date) {
    String code = jurisdiction(jurisdiction);
    if (date == null) {
      throw new InvalidRequest("date", "date is missing");
    }
    var substances = new ArrayList<ControlledList.Controlled>();
    var classes = new ArrayList<ControlAction>();
    var undated = new ArrayList<ControlledList.Controlled>();
    store.controlsOf(
        code,
        (action, name, cas) -> {
          var entry = new ControlledList.Controlled(action.substanceId(), name, cas, action);
          if (action.inForceBy() == null) {
            if (action.substanceId() != null) {
              undated.add(entry);
            }
          } else if (action.inForceOn(date)) {
            if (action.substanceId() == null) {
              classes.add(action);
            } else {
              substances.add(entry);
            }
          }
        });
    return new ControlledList(code, date, substances, classes, undated);
  }

  /**
   * Screens a structure, a name or a CAS number (or several at once). A CAS number failing its
   * check digit is refused here; manifest screening treats it as a signal instead.
   */
  public ScreeningResult screen(String smiles, String name, String cas) {
    boolean hasSmiles = smiles != null && !smiles.isBlank();
    boolean hasName = name != null && !name.isBlank();
    boolean hasCas = cas != null && !cas.isBlank();
    if (!hasSmiles && !hasName && !hasCas) {
      throw new InvalidRequest(null, "give at least one of smiles, name or cas");
    }
    var listed = new LinkedHashMap<String, ListedHit>();
    var classes = new LinkedHashMap<String, ClassMatch>();
    String parent = null;
    if (hasSmiles) {
      StructureVerdict verdict = structures.screen(smiles);
      parent = verdict.parent();
      verdict.classes().forEach(c -> classes.putIfAbsent(c.rule(), c));
      verdict.listed().forEach(hit -> listed.putIfAbsent(hit.substanceId(), hit));
    }
    if (hasCas) {
      CasNumber number = CasNumber.of(cas);
      matcher()
          .match(number.value(), 1.0)
          .forEach(hit -> listed.putIfAbsent(hit.substanceId(), hit));
    }
    if (hasName) {
      if (name.length() > 300) {
        throw new InvalidRequest("name", "name is " + name.length() + " characters, more than 300");
      }
      matcher()
          .match(name, SCREENING_MINIMUM)
          .forEach(hit -> listed.putIfAbsent(hit.substanceId(), hit));
    }
    if (!hasSmiles) {
      for (ListedHit hit : listed.values()) {
        String structure = store.smilesOf(hit.substanceId()).orElse(null);
        if (structure != null) {
          structures.screen(structure).classes().forEach(c -> classes.putIfAbsent(c.rule(), c));
        }
      }
    }
    var listings = new ArrayList<ControlAction>();
    var names = new LinkedHashMap<String, String>();
    for (ListedHit hit : listed.values()) {
      names.put(hit.substanceId(), hit.name());
      store.find(hit.substanceId()).ifPresent(found -> listings.addAll(found.controls()));
    }
    var matched = new ArrayList<>(classes.values());
    return new ScreeningResult(
        true,
        parent,
        matched,
        new ArrayList<>(listed.values()),
        listings,
        VerdictLines.of(listings, names, matched));
  }

  /**
   * A manifest screen over the reference list as stored now (built-in and imported substances),
   * rebuilt when a designation or a new built-in list changes it.
   */
  public ManifestScreen manifestScreen() {
    String stamp = store.listStamp();
    var cached = screenCache;
    if (cached != null && cached.stamp().equals(stamp)) {
      return cached.screen();
    }
    var screen = ManifestScreen.over(store.storedList());
    screenCache = new CachedScreen(stamp, screen);
    return screen;
  }

  private record CachedScreen(String stamp, ManifestScreen screen) {}

  private volatile CachedScreen screenCache;

  static String jurisdiction(String value) {
    String code = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
    if (!JURISDICTION.matcher(code).matches()) {
      throw new InvalidRequest(
          "jurisdiction",
          "jurisdiction '" + value + "' is not an ISO 3166 alpha-3 country code or UN");
    }
    return code;
  }

  private NameMatcher matcher() {
    return new NameMatcher(store.names());
  }
}
