package org.presstrace.intel.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.presstrace.access.Marking;
import org.presstrace.access.Tlp;

/** A marking as the API receives it; the owning agency is always the author's. */
record MarkingForm(
    @NotBlank(message = "TLP is required (CLEAR, GREEN, AMBER, AMBER+STRICT, RED)") String tlp,
    @Size(max = 16) String cuiCategory,
    Boolean noforn,
    @Size(max = 20, message = "REL TO lists at most 20 countries") List<String> relTo,
    @Size(max = 64) String compartment) {

  Marking toMarking(String ownerAgency) {
    return new Marking(
        ownerAgency,
        Tlp.parse(tlp),
        cuiCategory,
        Boolean.TRUE.equals(noforn),
        Marking.relTo(relTo),
        compartment);
  }
}
