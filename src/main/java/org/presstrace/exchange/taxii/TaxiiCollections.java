package org.presstrace.exchange.taxii;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.presstrace.access.AccessContext;
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
import org.presstrace.intel.IntelReports;
import org.presstrace.seizures.SeizureFilter;
import org.presstrace.seizures.Seizures;
import org.presstrace.shared.NotFound;
import org.presstrace.shared.PageQuery;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a caller sees of the TAXII collections. Which collections are listed, and which objects are
 * in each, is the access policy's answer for the caller: every record is read through the same
 * guarded, audited read paths as the API ({@link IntelReports#export}, {@link Seizures#export},
 * {@link Subjects#page}, {@link Links#everyVisible}, {@link GuardedReads#all}), so a hidden record
 * is neither listed nor counted. Each collection also holds the marking definitions its objects
 * refer to and PressTrace's extension definitions.
 */
@Service
public class TaxiiCollections {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private static final Instant DEFINED = Instant.parse("2026-01-01T00:00:00Z");

  private final IntelReports reports;
  private final Seizures seizures;
  private final Subjects subjects;
  private final Links links;
  private final GuardedReads reads;

  TaxiiCollections(
      IntelReports reports, Seizures seizures, Subjects subjects, Links links, GuardedReads reads) {
    this.reports = reports;
    this.seizures = seizures;
    this.subjects = subjects;
    this.links = links;
    this.reads = reads;
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

  /** Every object version of the collection the caller may read, with its definitions. */
  public List<CollectionEntry> entries(AccessContext context, TaxiiCollection collection) {
    var entries = new ArrayList<CollectionEntry>();
    var markings = new ArrayList<Map.Entry<Marking, Instant>>();
    switch (collection) {
      case INTEL_REPORTS ->
          reports.export(
              context,
              null,
              report -> add(entries, markings, StixMapping.report(report), report.marking()));
      case SEIZURES ->
          seizures.export(
              context,
              SeizureFilter.none(),
              seizure -> {
                for (ObjectNode object : StixMapping.seizure(seizure)) {
                  add(entries, markings, object, seizure.marking());
                }
              });
      case SUBJECTS -> {
        int page = 0;
        while (true) {
          var found = subjects.page(context, null, null, new PageQuery(page, PageQuery.MAX_SIZE));
          for (Subject subject : found.items()) {
            StixMapping.identity(subject)
                .ifPresent(object -> add(entries, markings, object, subject.marking()));
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
                          .ifPresent(object -> add(entries, markings, object, link.marking())));
      case PARTNER_INTEL ->
          reads
              .all(
                  context,
                  ReceivedObjects.KIND,
                  Criteria.where(
                          "r.collection_id = :collection", Map.of("collection", collection.id()))
                      .orderBy("r.date_added, r.id"),
                  ReceivedObjects::received)
              .forEach(
                  received -> {
                    ObjectNode object = (ObjectNode) JSON.readTree(received.body());
                    entries.add(
                        new CollectionEntry(
                            received.stixId(), received.version(), received.dateAdded(), object));
                    markings.add(Map.entry(received.marking(), received.dateAdded()));
                  });
    }
    if (!entries.isEmpty()) {
      // PressTrace's own definitions are TLP:CLEAR
      markings.add(Map.entry(Marking.of("PRESSTRACE", Tlp.CLEAR), DEFINED));
    }
    entries.addAll(definitions(markings, !entries.isEmpty()));
    return entries;
  }

  private static void add(
      List<CollectionEntry> entries,
      List<Map.Entry<Marking, Instant>> markings,
      ObjectNode object,
      Marking marking) {
    String version = object.get("modified").asString();
    Instant added = Instant.parse(version);
    entries.add(new CollectionEntry(object.get("id").asString(), version, added, object));
    markings.add(Map.entry(marking, added));
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
