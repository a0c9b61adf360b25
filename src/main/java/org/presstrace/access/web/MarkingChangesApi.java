package org.presstrace.access.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.presstrace.access.AccessContext;
import org.presstrace.access.CallerContext;
import org.presstrace.access.CallerContext.PurposeFrom;
import org.presstrace.access.MarkingChange;
import org.presstrace.access.MarkingChangeStatus;
import org.presstrace.access.MarkingChanges;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Four-eyes marking changes over the API. A change is asked for by editing a record so that its
 * marking loosens (e.g. {@code PUT /api/v1/intel-reports/{id}} with a justification); supervisors
 * of the owning agency list, approve and reject them here.
 */
@RestController
@RequestMapping("/api/v1/marking-changes")
@Tag(name = "Access")
class MarkingChangesApi {

  private final MarkingChanges changes;

  MarkingChangesApi(MarkingChanges changes) {
    this.changes = changes;
  }

  record Reason(@NotBlank(message = "reason is required") @Size(max = 1000) String reason) {}

  /** A marking change with both markings as banners and what it loosens, for the approver. */
  record MarkingChangeResponse(
      String id,
      String kind,
      String recordId,
      String ownerAgency,
      String from,
      String to,
      List<String> loosens,
      String justification,
      MarkingChangeStatus status,
      String requestedBy,
      Instant requestedAt,
      String decidedBy,
      Instant decidedAt,
      String decisionReason) {

    static MarkingChangeResponse of(MarkingChange change) {
      return new MarkingChangeResponse(
          change.id(),
          change.kind(),
          change.recordId(),
          change.ownerAgency(),
          change.from().banner(),
          change.to().banner(),
          change.loosens(),
          change.justification(),
          change.status(),
          change.requestedBy(),
          change.requestedAt(),
          change.decidedBy(),
          change.decidedAt(),
          change.decisionReason());
    }
  }

  @GetMapping
  @Operation(
      summary =
          "Marking changes you deal with: your agency's (supervisors, for records they may read)"
              + " and yours")
  List<MarkingChangeResponse> inbox(
      @RequestParam(required = false) MarkingChangeStatus status,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return changes.inbox(context, status).stream().map(MarkingChangeResponse::of).toList();
  }

  @GetMapping("/{id}")
  @Operation(summary = "One marking change you deal with, with the old and the new marking")
  MarkingChangeResponse change(
      @PathVariable String id,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return MarkingChangeResponse.of(changes.visible(context, id));
  }

  @PostMapping("/{id}/approve")
  @Operation(
      summary =
          "Approve a pending marking change and apply the new marking (a supervisor of the owning"
              + " agency, not the requester)")
  MarkingChangeResponse approve(
      @PathVariable String id,
      @Valid @RequestBody Reason reason,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return MarkingChangeResponse.of(changes.approve(context, id, reason.reason()));
  }

  @PostMapping("/{id}/reject")
  @Operation(summary = "Reject a pending marking change; the record keeps its marking")
  MarkingChangeResponse reject(
      @PathVariable String id,
      @Valid @RequestBody Reason reason,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return MarkingChangeResponse.of(changes.reject(context, id, reason.reason()));
  }
}
