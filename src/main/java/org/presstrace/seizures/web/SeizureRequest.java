package org.presstrace.seizures.web;

import java.util.List;
import org.presstrace.access.Marking;
import org.presstrace.access.Tlp;
import org.presstrace.seizures.SeizureDraft;
import org.presstrace.shared.InvalidRequest;

/**
 * The body of a seizure report over the API. Numbers may be sent as JSON numbers or strings; the
 * rules (and their field names) are those of the seizures module.
 */
record SeizureRequest(
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
    MarkingRequest marking,
    List<SeizureDraft.SeizureItemDraft> items,
    List<SeizureDraft.EquipmentDraft> equipment,
    List<SeizureDraft.PartyDraft> parties) {

  /** The marking; the owning agency is always the reporter's. */
  record MarkingRequest(
      String tlp, String cuiCategory, Boolean noforn, List<String> relTo, String compartment) {}

  SeizureDraft toDraft(String agency) {
    if (marking == null || marking.tlp() == null || marking.tlp().isBlank()) {
      throw new InvalidRequest("marking.tlp", "a seizure report needs a marking with a TLP level");
    }
    return new SeizureDraft(
        reference,
        occurredAt,
        zone,
        context,
        portOfEntry,
        region,
        place,
        latitude,
        longitude,
        narrative,
        new Marking(
            agency,
            Tlp.parse(marking.tlp()),
            marking.cuiCategory(),
            Boolean.TRUE.equals(marking.noforn()),
            Marking.relTo(marking.relTo()),
            marking.compartment()),
        items,
        equipment,
        parties);
  }
}
