package org.presstrace.intel.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.presstrace.intel.IntelReportDraft;

/**
 * The body of a create or update request. {@code justification} says why a marking is loosened; an
 * update that loosens the marking needs it (the new marking then waits for a supervisor).
 */
record IntelReportRequest(
    @NotBlank(message = "title is required")
        @Size(max = 200, message = "title is longer than 200 characters")
        String title,
    @NotBlank(message = "summary is required")
        @Size(max = 10000, message = "summary is longer than 10000 characters")
        String summary,
    @NotNull(message = "marking is required") @Valid MarkingForm marking,
    @Size(max = 1000, message = "justification is longer than 1000 characters")
        String justification) {

  IntelReportDraft toDraft(String ownerAgency) {
    return new IntelReportDraft(title, summary, marking.toMarking(ownerAgency));
  }
}
