package org.presstrace.exchange.taxii;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AccessPolicy;
import org.presstrace.access.Caller;
import org.presstrace.access.Criteria;
import org.presstrace.access.GuardedReads;
import org.presstrace.access.Marking;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.casework.Links;
import org.presstrace.casework.Subject;
import org.presstrace.casework.Subjects;
import org.presstrace.exchange.stix.StixMapping;
import org.presstrace.exchange.stix.StixMarkings;
import org.presstrace.exchange.taxii.internal.ReceivedObjects;
import org.presstrace.exchange.taxii.internal.ScopeDates;
import org.presstrace.exchange.taxii.internal.ServedVersions;
import org.presstrace.exchange.taxii.internal.ServedVersions.Current;
import org.presstrace.exchange.taxii.internal.ServedVersions.Version;
import org.presstrace.intel.IntelReports;
import org.presstrace.registry.SharedMachine;
import org.presstrace.registry.Trace;
import org.presstrace.seizures.SeizureFilter;
import org.presstrace.seizures.Seizures;
import org.presstrace.shared.NotFound;
import org.presstrace.shared.PageQuery;
import org.presstrace.substances.Substance;
import org.presstrace.substances.Substances;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a caller sees of the TAXII collections. Which collections are listed, and which objects are
 * in each, is the access policy's answer for the caller: every record is read through the same
 * guarded, audited read paths as the API ({@link IntelReports#export}, {@link Seizures#export},
 * {@link Subjects#page}, {@link Links#everyVisible}, {@link Trace#everyReadable}, {@link
 * GuardedReads#all}), so a hidden record is neither listed nor counted, nor any version of it. The
 * substance lists are reference data every reader of records sees. Every version served is kept
 * ({@link ServedVersions}), so an earlier one stays retrievable after its record changed. Each
 * collection also holds the marking definitions its objects refer to and PressTrace's extension
 * definitions.
 */
@Service
public class TaxiiCollections {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private static final Instant DEFINED = Instant.parse("2026-01-01T00:00:00Z");

  /** The substance lists are reference data: TLP:CLEAR, answered for by PressTrace. */
  private static final Marking REFERENCE_DATA = Marking.of("PRESSTRACE", Tlp.CLEAR);

  private final IntelReports reports;
  private final Seizures seizures;
  private final Subjects subjects;
  private final Links links;
  private final Trace machines;
  private final Substances substances;
  private final GuardedReads reads;
  private final ServedVersions versions;
  private final ScopeDates dates;
  private final AccessPolicy policy;
  private final Clock clock;

  TaxiiCollections(
      IntelReports reports,
      Seizures seizures,
      Subjects subjects,
      Links links,
      Trace machines,
      Substances substances,
      GuardedReads reads,
      ServedVersions versions,
      ScopeDates dates,
      AccessPolicy policy,
      Clock clock) {
    this.reports = reports;
    this.seizures = seizures;
    this.subjects = subjects;
    this.links = links;
    this.machines = machines;
    this.substances = substances;
    this.reads = reads;
    this.versions = versions;
    this.dates = dates;
    this.policy = policy;
    this.clock = clock;
  }

  /** The collections {@code caller} sees: all of them for a reader of records, else none. */
  public List<TaxiiCollection> visible(Caller caller) {
    if (!caller.readsRecords() || caller.readsOnlyAsRegistrant()) {
      return List.of();
    }
    return Arrays.asList(TaxiiCollection.values());
  }

  /** The collection, if {@code caller} sees it; hidden and absent answer alike. */
  public TaxiiCollection find(Caller caller, String id) {
    return TaxiiCollection.find(id)
        .filter(visible(caller)::contains)
        .orElseThrow(() -> new NotFound("collection", id));
  }

  /** Whether {@code caller} may post to {@code collection}. */
  public boolean writable(Caller caller, TaxiiCollection collection) {
    return collection.writable()
        && visible(caller).contains(collection)
        && (caller.has(Role.INVESTIGATOR)
            || caller.has(Role.ANALYST)
            || caller.has(Role.SUPERVISOR)
            || caller.has(Role.FOREIGN_LIAISON));
  }

  /**
   * Every object version of the collection the caller may read, with its definitions. For the
   * collections of PressTrace's own records, an object is listed when the caller may read its
   * record now, with every version of it that was ever served, each version only when the caller
   * may also read the marking the record carried then. Each version's {@code date_added} is when
   * the caller's reader scope was first served it ({@link ScopeDates}), not when anyone was.
   */
  public List<CollectionEntry> entries(AccessContext context, TaxiiCollection collection) {
    Instant served = clock.instant();
    var shown = new ArrayList<Shown>();
    if (collection == TaxiiCollection.PARTNER_INTEL) {
      reads
          .all(
              context,
              ReceivedObjects.KIND,
              Criteria.where("r.collection_id = :collection", Map.of("collection", collection.id()))
                  .orderBy("r.date_added, r.id"),
              ReceivedObjects::received)
          .forEach(
              received ->
                  shown.add(
                      new Shown(
                          received.stixId(),
                          received.version(),
                          (ObjectNode) JSON.readTree(received.body()),
                          received.marking())));
    } else {
      List<Current> current = current(context, collection);
      var stored = versions.record(collection.id(), current, served);
      for (Current now : current) {
        for (Version version : stored.getOrDefault(now.id(), List.of())) {
          if (shows(context.caller(), now.marking(), version.marking())) {
            shown.add(
                new Shown(
                    version.stixId(), version.version(), version.object(), version.marking()));
          }
        }
      }
    }
    // each version is added for the caller's scope when that scope is first served it
    Map<ScopeDates.Key, Instant> added =
        dates.addedFor(
            collection.id(),
            ScopeDates.scope(context.caller()),
            shown.stream().map(Shown::key).toList(),
            served);
    var entries = new ArrayList<CollectionEntry>();
    var markings = new ArrayList<Map.Entry<Marking, Instant>>();
    for (Shown one : shown) {
      Instant dateAdded = added.get(one.key());
      entries.add(new CollectionEntry(one.stixId(), one.version(), dateAdded, one.object()));
      markings.add(Map.entry(one.marking(), dateAdded));
    }
    if (!entries.isEmpty()) {
      // PressTrace's own definitions are TLP:CLEAR
      markings.add(Map.entry(Marking.of("PRESSTRACE", Tlp.CLEAR), DEFINED));
    }
    entries.addAll(definitions(markings, !entries.isEmpty()));
    return entries;
  }

  /** A version the caller may read, under the marking it was stored with. */
  private record Shown(String stixId, String version, ObjectNode object, Marking marking) {

    ScopeDates.Key key() {
      return new ScopeDates.Key(stixId, version);
    }
  }

  /** The objects of the records the caller may read now, as the records are now. */
  private List<Current> current(AccessContext context, TaxiiCollection collection) {
    var current = new ArrayList<Current>();
    switch (collection) {
      case INTEL_REPORTS ->
          reports.export(
              context,
              null,
              report -> current.add(new Current(StixMapping.report(report), report.marking())));
      case SEIZURES ->
          seizures.export(
              context,
              SeizureFilter.none(),
              seizure -> {
                for (ObjectNode object : StixMapping.seizure(seizure)) {
                  current.add(new Current(object, seizure.marking()));
                }
              });
      case SUBJECTS -> {
        int page = 0;
        while (true) {
          var found = subjects.page(context, null, null, new PageQuery(page, PageQuery.MAX_SIZE));
          for (Subject subject : found.items()) {
            StixMapping.identity(subject)
                .ifPresent(object -> current.add(new Current(object, subject.marking())));
          }
          if ((long) (page + 1) * PageQuery.MAX_SIZE >= found.totalItems()) {
            break;
          }
          page++;
        }
      }
      case LINKS ->
          links
              .everyVisible(context)
              .forEach(
                  link ->
                      StixMapping.relationship(link)
                          .ifPresent(object -> current.add(new Current(object, link.marking()))));
      case SUBSTANCES -> {
        for (Substance substance : substances.all()) {
          current.add(new Current(StixMapping.substance(substance, DEFINED), REFERENCE_DATA));
        }
      }
      case PILL_PRESSES -> {
        for (SharedMachine shared : machines.everyReadable(context)) {
          current.add(
              new Current(
                  StixMapping.pillPress(
                      shared.machine(), shared.marking(), shared.createdAt(), shared.updatedAt()),
                  shared.marking()));
        }
      }
      case PARTNER_INTEL -> throw new IllegalArgumentException("partner intel is stored as posted");
    }
    return current;
  }

  /**
   * Whether the caller, who may read the record under its marking now, may read a version of it
   * stored under {@code then}: judged as the record's own versions are (its owner and releases now,
   * the version's other marking), so a version once tighter than today's stays hidden.
   */
  private boolean shows(Caller caller, Marking now, Marking then) {
    if (now.equals(then)) {
      return true;
    }
    Marking judged =
        new Marking(
            now.ownerAgency(),
            then.tlp(),
            then.cuiCategory(),
            then.noforn(),
            then.relTo(),
            then.compartment());
    boolean released = !policy.mayRead(caller, now, false).allowed();
    return policy.mayRead(caller, judged, released).allowed();
  }

  /**
   * The marking definitions the objects refer to, each added when the first object needing it was,
   * and (when the collection holds anything) PressTrace's identity and extension definitions.
   */
  private static List<CollectionEntry> definitions(
      List<Map.Entry<Marking, Instant>> markings, boolean any) {
    var first = new HashMap<String, Instant>();
    var objects = new LinkedHashMap<String, ObjectNode>();
    for (var marked : markings) {
      for (var definition : StixMarkings.definitions(marked.getKey()).entrySet()) {
        objects.putIfAbsent(definition.getKey(), definition.getValue());
        first.merge(definition.getKey(), marked.getValue(), (a, b) -> a.isBefore(b) ? a : b);
      }
    }
    var entries = new ArrayList<CollectionEntry>();
    for (var object : objects.entrySet()) {
      entries.add(
          new CollectionEntry(
              object.getKey(),
              object.getValue().get("created").asString(),
              first.get(object.getKey()),
              object.getValue()));
    }
    if (any) {
      for (ObjectNode definition : StixMapping.definitions()) {
        entries.add(
            new CollectionEntry(
                definition.get("id").asString(),
                definition.get("modified").asString(),
                DEFINED,
                definition));
      }
    }
    return entries;
  }
}
