package org.presstrace.exchange.stix;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.presstrace.access.Marking;
import org.presstrace.access.Tlp;
import org.presstrace.casework.Link;
import org.presstrace.casework.LinkEnd;
import org.presstrace.casework.Subject;
import org.presstrace.intel.IntelReport;
import org.presstrace.registry.MachineView;
import org.presstrace.resolution.Schema;
import org.presstrace.seizures.SeizureView;
import org.presstrace.substances.ControlAction;
import org.presstrace.substances.Substance;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * PressTrace records as STIX 2.1 objects (the table in {@code docs/stix.md}). Each object carries a
 * deterministic id ({@link StixIds}), its record's creation and last change as {@code created} and
 * {@code modified}, and {@code object_marking_refs} naming every marking definition its record's
 * marking needs ({@link StixMarkings}). Nothing here reads: callers pass records they have read
 * through the guarded read paths.
 */
public final class StixMapping {

  /** PressTrace itself, the creator of its extension and statement marking definitions. */
  public static final String PRESSTRACE_IDENTITY = StixIds.of("identity", "product", "presstrace");

  /** Property extension of {@code incident} carrying a seizure's facts. */
  public static final String SEIZURE_EXTENSION =
      StixIds.of("extension-definition", "extension", "seizure");

  /** New SDO {@code presstrace-substance}: a controlled substance or precursor. */
  public static final String SUBSTANCE_EXTENSION =
      StixIds.of("extension-definition", "extension", "substance");

  /** New SDO {@code presstrace-pill-press}: a registered tableting or encapsulating machine. */
  public static final String PILL_PRESS_EXTENSION =
      StixIds.of("extension-definition", "extension", "pill-press");

  public static final String SUBSTANCE_TYPE = "presstrace-substance";
  public static final String PILL_PRESS_TYPE = "presstrace-pill-press";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private StixMapping() {}

  /** An intelligence report as a {@code report}. */
  public static ObjectNode report(IntelReport report) {
    Instant modified = report.updatedAt() == null ? report.createdAt() : report.updatedAt();
    ObjectNode object = common("report", "intel-report", report.id(), report.createdAt(), modified);
    object.put("created_by_ref", agency(report.marking().ownerAgency()));
    object.put("name", report.title());
    object.put("description", report.summary());
    object.putArray("report_types").add("threat-report");
    object.put("published", StixIds.timestamp(report.createdAt()));
    // A report names what it is about; PressTrace reports do not yet link records, so it names
    // the agency answering for it.
    object.putArray("object_refs").add(agency(report.marking().ownerAgency()));
    return marked(object, report.marking());
  }

  /**
   * A seizure as an {@code incident} with the seizure property extension, followed by the place as
   * a {@code location} and a {@code located-at} relationship when the place is known. All three
   * carry the seizure's marking: the place of a seizure tells as much as the seizure.
   */
  public static List<ObjectNode> seizure(SeizureView seizure) {
    var objects = new ArrayList<ObjectNode>();
    ObjectNode incident =
        common("incident", "seizure", seizure.id(), seizure.reportedAt(), seizure.reportedAt());
    incident.put("created_by_ref", agency(seizure.marking().ownerAgency()));
    incident.put("name", "Seizure " + seizure.reference());
    if (seizure.narrative() != null && !seizure.narrative().isBlank()) {
      incident.put("description", seizure.narrative());
    }
    ObjectNode facts = incident.putObject("extensions").putObject(SEIZURE_EXTENSION);
    facts.put("extension_type", "property-extension");
    facts.put("reference", seizure.reference());
    facts.put("occurred_at", seizure.occurredAt().toString());
    facts.put("zone", seizure.zone());
    facts.put("fiscal_year", seizure.fiscalYear());
    facts.put("context", seizure.context().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    putIfPresent(facts, "port_of_entry", seizure.portOfEntry());
    facts.put("item_count", seizure.itemCount());
    facts.put("presses", seizure.presses());
    facts.put("equipment_count", seizure.equipmentCount());
    facts.put("unregistered_equipment", seizure.unregistered());
    objects.add(marked(incident, seizure.marking()));
    place(seizure)
        .ifPresent(
            location -> {
              objects.add(location);
              ObjectNode at =
                  common(
                      "relationship",
                      "seizure-place-link",
                      seizure.id(),
                      seizure.reportedAt(),
                      seizure.reportedAt());
              at.put("relationship_type", "located-at");
              at.put("source_ref", incident.get("id").asString());
              at.put("target_ref", location.get("id").asString());
              objects.add(marked(at, seizure.marking()));
            });
    return objects;
  }

  private static Optional<ObjectNode> place(SeizureView seizure) {
    boolean coordinates = seizure.latitude() != null && seizure.longitude() != null;
    if (!coordinates && seizure.region() == null && seizure.place() == null) {
      return Optional.empty();
    }
    ObjectNode location =
        common(
            "location", "seizure-place", seizure.id(), seizure.reportedAt(), seizure.reportedAt());
    String name =
        String.join(
            ", ",
            java.util.stream.Stream.of(seizure.place(), seizure.region())
                .filter(Objects::nonNull)
                .toList());
    if (!name.isEmpty()) {
      location.put("name", name);
    }
    if (coordinates) {
      location.put("latitude", seizure.latitude());
      location.put("longitude", seizure.longitude());
    }
    // Seizures are reported in US states and territories (SeizureRules.REGIONS).
    location.put("country", "US");
    putIfPresent(location, "administrative_area", seizure.region());
    putIfPresent(location, "city", seizure.place());
    return Optional.of(marked(location, seizure.marking()));
  }

  /**
   * A person or company subject as an {@code identity} ({@code individual} or {@code
   * organization}); empty for the things subjects may also be (vehicles, vessels, accounts,
   * wallets), which STIX has no object for.
   */
  public static Optional<ObjectNode> identity(Subject subject) {
    if (!subject.schema().legalEntity()) {
      return Optional.empty();
    }
    ObjectNode object =
        common("identity", "subject", subject.id(), subject.createdAt(), subject.createdAt());
    object.put("created_by_ref", agency(subject.marking().ownerAgency()));
    object.put("name", subject.label());
    object.put("identity_class", subject.schema() == Schema.PERSON ? "individual" : "organization");
    putIfPresent(object, "contact_information", subject.contact());
    if (subject.caseReference() != null && !subject.caseReference().isBlank()) {
      object
          .putArray("external_references")
          .addObject()
          .put("source_name", "presstrace-case")
          .put("external_id", subject.caseReference());
    }
    return Optional.of(marked(object, subject.marking()));
  }

  /**
   * A link as a {@code relationship} between the STIX objects of its two ends; empty when an end is
   * a subject STIX has no object for.
   */
  public static Optional<ObjectNode> relationship(Link link) {
    Optional<String> source = endRef(link.subject());
    Optional<String> target = endRef(link.object());
    if (source.isEmpty() || target.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode object =
        common("relationship", "link", link.id(), link.createdAt(), link.createdAt());
    object.put("created_by_ref", agency(link.marking().ownerAgency()));
    object.put("relationship_type", relationshipType(link));
    object.put("source_ref", source.get());
    object.put("target_ref", target.get());
    var details = new ArrayList<String>();
    details.add(link.schema().label());
    if (link.amount() != null) {
      details.add(
          link.amount().toPlainString() + (link.currency() == null ? "" : " " + link.currency()));
    }
    for (String detail : new String[] {link.purpose(), link.relationship(), link.role()}) {
      if (detail != null && !detail.isBlank()) {
        details.add(detail);
      }
    }
    object.put("description", String.join("; ", details));
    if (link.date() != null) {
      object.put(
          "start_time", StixIds.timestamp(link.date().atStartOfDay(ZoneOffset.UTC).toInstant()));
    }
    return Optional.of(marked(object, link.marking()));
  }

  private static String relationshipType(Link link) {
    return switch (link.schema()) {
      case PAYMENT -> "paid";
      case OWNERSHIP -> "owns";
      case DIRECTORSHIP -> "directs";
      case ASSOCIATE -> "associated-with";
      case FAMILY -> "related-to-family";
      case UNKNOWN_LINK -> "related-to";
    };
  }

  private static Optional<String> endRef(LinkEnd end) {
    return switch (end.kind()) {
      case LinkEnd.SUBJECT ->
          end.type() == null
                  || end.type().equals(Schema.PERSON.label())
                  || end.type().equals(Schema.COMPANY.label())
              ? Optional.of(StixIds.of("identity", "subject", end.id()))
              : Optional.empty();
      case "machine" -> Optional.of(StixIds.of(PILL_PRESS_TYPE, "machine", end.id()));
      case "seizure" -> Optional.of(StixIds.of("incident", "seizure", end.id()));
      case "registrant" -> Optional.of(StixIds.of("identity", "registrant", end.id()));
      default -> Optional.empty();
    };
  }

  /**
   * A controlled substance or precursor as the new SDO {@code presstrace-substance}. STIX has no
   * object for a chemical: {@code tool} and {@code malware} are software, {@code indicator} a
   * detection pattern, {@code observed-data} a sighting; a substance is reference data of its own.
   * Reference data is TLP:CLEAR; {@code created} and {@code modified} are the first and last dates
   * its controls took effect or ended.
   */
  public static ObjectNode substance(Substance substance, Instant fallback) {
    var dates =
        substance.controls().stream()
            .flatMap(
                control ->
                    java.util.stream.Stream.of(
                        control.effectiveFrom(), control.inForceBy(), control.effectiveTo()))
            .filter(Objects::nonNull)
            .sorted()
            .toList();
    Instant created = dates.isEmpty() ? fallback : day(dates.get(0));
    Instant modified = dates.isEmpty() ? fallback : day(dates.get(dates.size() - 1));
    ObjectNode object = common(SUBSTANCE_TYPE, "substance", substance.id(), created, modified);
    object.put("created_by_ref", PRESSTRACE_IDENTITY);
    object.put("name", substance.name());
    putIfPresent(object, "cas_number", substance.cas());
    object.put("family", substance.family());
    putIfPresent(object, "smiles", substance.smiles());
    putIfPresent(object, "formula", substance.formula());
    putIfPresent(object, "inchi_key", substance.inchiKey());
    strings(object, "synonyms", substance.synonyms());
    strings(object, "chinese_names", substance.chineseNames());
    ArrayNode controls = object.putArray("controls");
    for (ControlAction control : substance.controls()) {
      ObjectNode entry = controls.addObject();
      entry.put("jurisdiction", control.jurisdiction());
      entry.put("instrument", control.instrument());
      putIfPresent(entry, "category", control.category());
      putIfPresent(entry, "effective", control.effectiveAsCited());
      if (control.effectiveTo() != null) {
        entry.put("ended", control.effectiveTo().toString());
      }
    }
    if (controls.isEmpty()) {
      object.remove("controls");
    }
    object.putObject("extensions").putObject(SUBSTANCE_EXTENSION).put("extension_type", "new-sdo");
    return marked(object, Marking.of("PRESSTRACE", Tlp.CLEAR));
  }

  /**
   * A registered machine or part as the new SDO {@code presstrace-pill-press}, under {@code
   * marking} (the registry's records carry none of their own; the caller says under which marking
   * it shares them).
   */
  public static ObjectNode pillPress(
      MachineView machine, Marking marking, Instant created, Instant modified) {
    ObjectNode object = common(PILL_PRESS_TYPE, "machine", machine.id(), created, modified);
    object.put("created_by_ref", agency(marking.ownerAgency()));
    object.put("serial_number", machine.serial());
    object.put("serial_normalised", machine.serialNormalised());
    putIfPresent(object, "make", machine.make());
    putIfPresent(object, "model", machine.model());
    object.put("equipment_kind", machine.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    putIfPresent(object, "imprint", machine.imprint());
    object.put("custody_state", machine.state().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    if (machine.power() != null) {
      object.put("power", machine.power().name().toLowerCase(Locale.ROOT));
    }
    if (machine.ratedOutputPerHour() != null) {
      object.put("rated_output_per_hour", machine.ratedOutputPerHour());
    }
    object.put("serial_tampering_reported", machine.tamperingReported());
    if (machine.installedIn() != null) {
      object.put("installed_in_ref", StixIds.of(PILL_PRESS_TYPE, "machine", machine.installedIn()));
    }
    object.putObject("extensions").putObject(PILL_PRESS_EXTENSION).put("extension_type", "new-sdo");
    return marked(object, marking);
  }

  /** The identity PressTrace gives an agency, referred to as the creator of its records. */
  public static String agency(String code) {
    return StixIds.of("identity", "agency", code);
  }

  /**
   * The definitions every export refers to: PressTrace's identity and its three extension
   * definitions, all TLP:CLEAR.
   */
  public static List<ObjectNode> definitions() {
    var objects = new ArrayList<ObjectNode>();
    ObjectNode identity = JSON.objectNode();
    identity.put("type", "identity");
    identity.put("spec_version", "2.1");
    identity.put("id", PRESSTRACE_IDENTITY);
    identity.put("created", StixMarkings.PRESSTRACE_DEFINED);
    identity.put("modified", StixMarkings.PRESSTRACE_DEFINED);
    identity.put("name", "PressTrace");
    identity.put("identity_class", "system");
    objects.add(clear(identity));
    objects.add(
        extension(
            SEIZURE_EXTENSION,
            "PressTrace seizure",
            "The facts of a drug or pill-press seizure: reference, time and zone, fiscal year,"
                + " context, port of entry, counts of items, presses and unregistered equipment.",
            "property-extension"));
    objects.add(
        extension(
            SUBSTANCE_EXTENSION,
            "PressTrace substance",
            "A controlled substance or precursor: name, CAS number, family, SMILES, formula,"
                + " InChIKey, synonyms, Chinese names and its controls per jurisdiction.",
            "new-sdo"));
    objects.add(
        extension(
            PILL_PRESS_EXTENSION,
            "PressTrace pill press",
            "A registered tableting or encapsulating machine or critical part: serial, make,"
                + " model, kind, imprint, custody state, power and rated output.",
            "new-sdo"));
    return objects;
  }

  private static ObjectNode extension(String id, String name, String description, String type) {
    ObjectNode object = JSON.objectNode();
    object.put("type", "extension-definition");
    object.put("spec_version", "2.1");
    object.put("id", id);
    object.put("created_by_ref", PRESSTRACE_IDENTITY);
    object.put("created", StixMarkings.PRESSTRACE_DEFINED);
    object.put("modified", StixMarkings.PRESSTRACE_DEFINED);
    object.put("name", name);
    object.put("description", description);
    object.put(
        "schema",
        "PressTrace docs/stix.md; JSON schema in PressTrace at stix2/presstrace/"
            + name.substring("PressTrace ".length()).replace(' ', '-')
            + ".json");
    object.put("version", "1.0.0");
    object.putArray("extension_types").add(type);
    return clear(object);
  }

  private static ObjectNode clear(ObjectNode object) {
    object.putArray("object_marking_refs").add(StixMarkings.tlpId(Tlp.CLEAR));
    return object;
  }

  private static ObjectNode common(
      String type, String kind, String recordId, Instant created, Instant modified) {
    ObjectNode object = JSON.objectNode();
    object.put("type", type);
    object.put("spec_version", "2.1");
    object.put("id", StixIds.of(type, kind, recordId));
    object.put("created", StixIds.timestamp(created));
    Instant last = modified == null || modified.isBefore(created) ? created : modified;
    object.put("modified", StixIds.timestamp(last));
    return object;
  }

  private static ObjectNode marked(ObjectNode object, Marking marking) {
    ArrayNode refs = object.putArray("object_marking_refs");
    StixMarkings.refs(marking).forEach(refs::add);
    return object;
  }

  private static void putIfPresent(ObjectNode object, String name, String value) {
    if (value != null && !value.isBlank()) {
      object.put(name, value);
    }
  }

  private static void strings(ObjectNode object, String name, List<String> values) {
    if (!values.isEmpty()) {
      ArrayNode array = object.putArray(name);
      values.forEach(array::add);
    }
  }

  private static Instant day(LocalDate date) {
    return date.atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
