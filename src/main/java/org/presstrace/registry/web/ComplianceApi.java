package org.presstrace.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.presstrace.access.AccessContext;
import org.presstrace.access.CallerContext;
import org.presstrace.access.CallerContext.PurposeFrom;
import org.presstrace.registry.ComplianceItem;
import org.presstrace.registry.ComplianceQueue;
import org.presstrace.shared.PageQuery;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The compliance queue, for investigators, analysts and supervisors of domestic agencies. */
@RestController
@RequestMapping("/api/v1/registry/compliance")
@Tag(name = "Registry")
class ComplianceApi {

  private final ComplianceQueue queue;

  ComplianceApi(ComplianceQueue queue) {
    this.queue = queue;
  }

  record AssignmentRequest(String assignee) {}

  record ResolutionRequest(String note) {}

  @GetMapping
  @Operation(summary = "Compliance items by status (OPEN, RESOLVED) and kind, oldest first")
  List<ComplianceItem> list(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return queue.list(context, status, kind, PageQuery.of(page, size));
  }

  @PostMapping("/{id}/assignment")
  @Operation(summary = "Assign an open item to an investigator, analyst or supervisor")
  ComplianceItem assign(
      @PathVariable String id,
      @RequestBody AssignmentRequest request,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return queue.assign(context, id, request.assignee());
  }

  @PostMapping("/{id}/resolution")
  @Operation(summary = "Resolve an open item with a note")
  ComplianceItem resolve(
      @PathVariable String id,
      @RequestBody ResolutionRequest request,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return queue.resolve(context, id, request.note());
  }

  @PostMapping("/sweep")
  @Operation(summary = "Sweep now (supervisors); the sweep also runs daily")
  ComplianceQueue.SweepResult sweep(
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return queue.sweepNow(context);
  }
}
