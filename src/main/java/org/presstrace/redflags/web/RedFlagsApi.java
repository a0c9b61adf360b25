package org.presstrace.redflags.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.presstrace.access.AccessContext;
import org.presstrace.access.CallerContext;
import org.presstrace.access.CallerContext.PurposeFrom;
import org.presstrace.redflags.RedFlag;
import org.presstrace.redflags.RedFlagCitation;
import org.presstrace.redflags.RedFlagRule;
import org.presstrace.redflags.RedFlagRun;
import org.presstrace.redflags.RedFlagStatus;
import org.presstrace.redflags.RedFlags;
import org.presstrace.shared.Page;
import org.presstrace.shared.PageQuery;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Red flags of the caller's agency over the API: list and read them with their explanations, run
 * the rules now, acknowledge or dismiss with a note. Reads state a purpose in {@code
 * PressTrace-Purpose}.
 */
@RestController
@RequestMapping("/api/v1/resolution/red-flags")
@Tag(name = "Red flags")
class RedFlagsApi {

  private final RedFlags redFlags;

  RedFlagsApi(RedFlags redFlags) {
    this.redFlags = redFlags;
  }

  /** A red flag as its agency sees it. */
  record RedFlagResponse(
      String id,
      String rule,
      String advisory,
      String title,
      String focus,
      String explanation,
      List<RedFlagCitation> citations,
      String status,
      Instant raisedAt,
      Instant evaluatedAt,
      String decidedBy,
      Instant decidedAt,
      String note) {

    static RedFlagResponse of(RedFlag flag) {
      return new RedFlagResponse(
          flag.id(),
          flag.rule().name(),
          flag.advisory(),
          flag.title(),
          flag.focus(),
          flag.explanation(),
          flag.citations(),
          flag.status().name(),
          flag.raisedAt(),
          flag.evaluatedAt(),
          flag.decidedBy(),
          flag.decidedAt(),
          flag.note());
    }
  }

  record RunResponse(
      String agency,
      Instant at,
      int parties,
      int payments,
      int fired,
      int raised,
      int cleared,
      long millis,
      List<RedFlagResponse> open) {

    static RunResponse of(RedFlagRun run) {
      return new RunResponse(
          run.agency(),
          run.at(),
          run.parties(),
          run.payments(),
          run.fired(),
          run.raised(),
          run.cleared(),
          run.millis(),
          run.open().stream().map(RedFlagResponse::of).toList());
    }
  }

  /** A decision's note; required to dismiss. */
  record DecisionRequest(String note) {}

  @GetMapping
  @Operation(summary = "Your agency's red flags, latest evaluation first (status, rule filters)")
  Page<RedFlagResponse> list(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String rule,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      AccessContext context) {
    return redFlags
        .page(
            context,
            status == null || status.isBlank() ? null : RedFlagStatus.parse("status", status),
            rule == null || rule.isBlank() ? null : RedFlagRule.parse("rule", rule),
            PageQuery.of(page, size))
        .map(RedFlagResponse::of);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One red flag with its explanation and the records it cites")
  RedFlagResponse one(@PathVariable String id, AccessContext context) {
    return RedFlagResponse.of(redFlags.get(context, id));
  }

  @PostMapping("/run")
  @Operation(summary = "Evaluate every rule for your agency now; returns the open flags")
  RunResponse run(@CallerContext(purposeFrom = PurposeFrom.HEADER) AccessContext context) {
    return RunResponse.of(redFlags.run(context));
  }

  @PostMapping("/{id}/acknowledge")
  @Operation(summary = "Acknowledge an open red flag (being worked), with an optional note")
  RedFlagResponse acknowledge(
      @PathVariable String id,
      @RequestBody(required = false) DecisionRequest request,
      @CallerContext(purposeFrom = PurposeFrom.HEADER) AccessContext context) {
    return RedFlagResponse.of(
        redFlags.acknowledge(context, id, request == null ? null : request.note()));
  }

  @PostMapping("/{id}/dismiss")
  @Operation(summary = "Dismiss a red flag; the note saying why is required")
  RedFlagResponse dismiss(
      @PathVariable String id,
      @RequestBody(required = false) DecisionRequest request,
      @CallerContext(purposeFrom = PurposeFrom.HEADER) AccessContext context) {
    return RedFlagResponse.of(
        redFlags.dismiss(context, id, request == null ? null : request.note()));
  }
}
