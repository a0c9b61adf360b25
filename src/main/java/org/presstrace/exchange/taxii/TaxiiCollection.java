package org.presstrace.exchange.taxii;

import java.util.Arrays;
import java.util.Optional;
import org.presstrace.exchange.stix.StixIds;

/**
 * The collections of PressTrace's TAXII API root. Each read-only collection holds the STIX objects
 * of one kind of PressTrace record; {@link #PARTNER_INTEL} holds what partners posted and takes
 * posts. The id is a UUIDv5 of the alias, the same on every instance.
 */
public enum TaxiiCollection {
  INTEL_REPORTS(
      "intel-reports",
      "Intelligence reports",
      "PressTrace intelligence reports as STIX report objects.",
      false),
  SEIZURES(
      "seizures",
      "Seizures",
      "Seizures as STIX incident objects with the PressTrace seizure extension, their places as"
          + " locations.",
      false),
  SUBJECTS(
      "subjects",
      "People and companies",
      "Case subjects who are people or companies, as STIX identity objects.",
      false),
  LINKS(
      "links",
      "Links",
      "Links between case subjects and records, as STIX relationship objects.",
      false),
  SUBSTANCES(
      "substances",
      "Controlled substances and precursors",
      "The controlled lists as presstrace-substance objects: name, CAS number, family, structure"
          + " and each control per jurisdiction with its table, schedule or list and dates.",
      false),
  PILL_PRESSES(
      "pill-presses",
      "Pill presses",
      "Registered tableting and encapsulating machines, critical parts and moulds as"
          + " presstrace-pill-press objects, each under its own marking.",
      false),
  PARTNER_INTEL(
      "partner-intel",
      "Intelligence received",
      "STIX objects posted by partners, each owned by the poster's agency under the marking it"
          + " carries.",
      true);

  private final String alias;
  private final String title;
  private final String description;
  private final boolean writable;

  TaxiiCollection(String alias, String title, String description, boolean writable) {
    this.alias = alias;
    this.title = title;
    this.description = description;
    this.writable = writable;
  }

  public String id() {
    return StixIds.uuid5("presstrace:taxii-collection:" + alias).toString();
  }

  public String alias() {
    return alias;
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }

  /** Whether the collection takes posted objects (from callers who may write intelligence). */
  public boolean writable() {
    return writable;
  }

  /** The collection with this id or alias. */
  public static Optional<TaxiiCollection> find(String idOrAlias) {
    return Arrays.stream(values())
        .filter(c -> c.id().equals(idOrAlias) || c.alias().equals(idOrAlias))
        .findFirst();
  }
}
