package org.presstrace.seizures;

import java.util.List;
import org.presstrace.access.Marking;

/**
 * A seizure report as entered on a page, in a CSV row or over the API: text as given, checked by
 * {@link SeizureRules}. The marking's owning agency is always the reporter's agency.
 *
 * @param reference the agency's own reference; PressTrace issues one when blank
 * @param occurredAt local date and time ({@code 2025-03-14T09:30}) or with an offset
 * @param zone the IANA time zone of the place, e.g. {@code America/Phoenix}
 * @param region the US state or territory (USPS code)
 */
public record SeizureDraft(
    String reference,
    String occurredAt,
    String zone,
    String context,
    String portOfEntry,
    String region,
    String place,
    String latitude,
    String longitude,
    String narrative,
    Marking marking,
    List<SeizureItemDraft> items,
    List<EquipmentDraft> equipment,
    List<PartyDraft> parties) {

  public SeizureDraft {
    items = items == null ? List.of() : List.copyOf(items);
    equipment = equipment == null ? List.of() : List.copyOf(equipment);
    parties = parties == null ? List.of() : List.copyOf(parties);
  }

  /** One seized item: substance, form, weights with units, pills, imprint and lab results. */
  public record SeizureItemDraft(
      String substance,
      String cas,
      String form,
      String netWeight,
      String netUnit,
      String grossWeight,
      String grossUnit,
      String pillCount,
      String imprint,
      String colour,
      String purityPct,
      String mgPerPill,
      String shareAtLeast2mgPct) {}

  /** A press, part or mould seized, by serial. */
  public record EquipmentDraft(String serial, String kind, String description) {}

  /** A person, company or vehicle involved, kept for entity resolution. */
  public record PartyDraft(
      String kind, String name, String identifier, String role, String details) {}
}
