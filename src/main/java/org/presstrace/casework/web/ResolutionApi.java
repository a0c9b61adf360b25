package org.presstrace.casework.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.presstrace.access.AccessContext;
import org.presstrace.access.CallerContext;
import org.presstrace.access.CallerContext.PurposeFrom;
import org.presstrace.casework.JudgementShare;
import org.presstrace.casework.JudgementShares;
import org.presstrace.casework.JudgementSuggestion;
import org.presstrace.casework.Operations;
import org.presstrace.casework.PointerAlerts;
import org.presstrace.casework.StoredAlert;
import org.presstrace.casework.StoredOperation;
import org.presstrace.casework.Subject;
import org.presstrace.casework.SubjectJudgement;
import org.presstrace.casework.SubjectStatement;
import org.presstrace.casework.Subjects;
import org.presstrace.casework.web.ResolutionRequests.JudgementRequest;
import org.presstrace.casework.web.ResolutionRequests.OperationRequest;
import org.presstrace.casework.web.ResolutionRequests.ShareRequest;
import org.presstrace.casework.web.ResolutionRequests.SubjectRequest;
import org.presstrace.resolution.ExplainedMatch;
import org.presstrace.resolution.Schema;
import org.presstrace.shared.Page;
import org.presstrace.shared.PageQuery;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Entity resolution and deconfliction over the API: submit case subjects and planned operations,
 * read the pointer alerts of your agency, review scored pairs. Reads of subjects and operations
 * state a purpose in {@code PressTrace-Purpose}.
 */
@RestController
@RequestMapping("/api/v1/resolution")
@Tag(name = "Entity resolution and deconfliction")
class ResolutionApi {

  private final Subjects subjects;
  private final Operations operations;
  private final PointerAlerts alerts;
  private final JudgementShares shares;

  ResolutionApi(
      Subjects subjects, Operations operations, PointerAlerts alerts, JudgementShares shares) {
    this.subjects = subjects;
    this.shares = shares;
    this.operations = operations;
    this.alerts = alerts;
  }

  /** A subject as its reader sees it. */
  record SubjectResponse(
      String id,
      String schema,
      String label,
      String caseReference,
      String contact,
      String ownerAgency,
      String marking,
      String createdBy,
      Instant createdAt) {

    static SubjectResponse of(Subject subject) {
      return new SubjectResponse(
          subject.id(),
          subject.schema().label(),
          subject.label(),
          subject.caseReference(),
          subject.contact(),
          subject.marking().ownerAgency(),
          subject.marking().banner(),
          subject.createdBy(),
          subject.createdAt());
    }
  }

  record SubjectDetail(SubjectResponse subject, List<SubjectStatement> statements) {}

  record SubmissionResponse(
      SubjectResponse subject,
      String canonicalId,
      List<ExplainedMatch> matches,
      List<AlertResponse> alerts) {}

  record AlertResponse(
      String id,
      String kind,
      String ownRecordId,
      String ownReference,
      String otherAgency,
      String otherCaseReference,
      String otherContact,
      boolean dutyContactOnly,
      Instant raisedAt,
      String acknowledgedBy,
      Instant acknowledgedAt,
      String text) {

    static AlertResponse of(StoredAlert alert) {
      return new AlertResponse(
          alert.id(),
          alert.kind(),
          alert.ownRecordId(),
          alert.ownReference(),
          alert.otherAgency(),
          alert.otherCaseReference(),
          alert.otherContact(),
          alert.dutyContactOnly(),
          alert.raisedAt(),
          alert.acknowledgedBy(),
          alert.acknowledgedAt(),
          alert.text());
    }
  }

  record OperationResponse(
      String id,
      String caseReference,
      String contact,
      Instant start,
      Instant end,
      double latitude,
      double longitude,
      double radiusMetres,
      String ownerAgency,
      String marking) {

    static OperationResponse of(StoredOperation operation) {
      return new OperationResponse(
          operation.id(),
          operation.caseReference(),
          operation.contact(),
          operation.start(),
          operation.end(),
          operation.latitude(),
          operation.longitude(),
          operation.radiusMetres(),
          operation.marking().ownerAgency(),
          operation.marking().banner());
    }
  }

  record PlanResponse(OperationResponse operation, List<AlertResponse> alerts) {}

  @PostMapping("/subjects")
  @Operation(summary = "Enter a case subject; it is resolved and deconflicted at once")
  ResponseEntity<SubmissionResponse> submit(
      @RequestBody SubjectRequest request,
      @CallerContext(purposeFrom = PurposeFrom.HEADER) AccessContext context) {
    var submission = subjects.submit(context, request.toDraft(context.caller().agency()));
    return ResponseEntity.created(
            URI.create("/api/v1/resolution/subjects/" + submission.subject().id()))
        .body(
            new SubmissionResponse(
                SubjectResponse.of(submission.subject()),
                submission.canonicalId(),
                submission.matches(),
                submission.alerts().stream().map(AlertResponse::of).toList()));
  }

  @GetMapping("/subjects")
  @Operation(summary = "The subjects you may read, newest first; filter by schema and text")
  Page<SubjectResponse> subjects(
      @RequestParam(required = false) String schema,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      AccessContext context) {
    Schema kept = schema == null || schema.isBlank() ? null : Schema.parse("schema", schema);
    return subjects.page(context, kept, q, PageQuery.of(page, size)).map(SubjectResponse::of);
  }

  @GetMapping("/subjects/{id}/judgements")
  @Operation(summary = "The judgements on a subject whose other side you may read, newest first")
  List<SubjectJudgement> judgements(@PathVariable String id, AccessContext context) {
    return subjects.judgements(context, id);
  }

  @GetMapping("/subjects/{id}")
  @Operation(summary = "One subject and its statements with provenance")
  SubjectDetail subject(@PathVariable String id, AccessContext context) {
    return new SubjectDetail(
        SubjectResponse.of(subjects.get(context, id)), subjects.statements(context, id));
  }

  @GetMapping("/subjects/{id}/matches")
  @Operation(summary = "A subject's scored pairs, explained, with the counterparts you may read")
  List<ExplainedMatch> matches(@PathVariable String id, AccessContext context) {
    return subjects.matches(context, id);
  }

  @GetMapping("/review")
  @Operation(summary = "Pairs awaiting a judgement whose two subjects you may read")
  List<ExplainedMatch> review(AccessContext context) {
    return subjects.reviewQueue(context);
  }

  @GetMapping("/review/suggestions")
  @Operation(
      summary =
          "Other agencies' judgements on the pairs of your queue, with their origin; they change"
              + " nothing in your agency's view")
  List<JudgementSuggestion> suggestions(AccessContext context) {
    return subjects.reviewSuggestions(context);
  }

  @GetMapping("/review/shares")
  @Operation(
      summary = "Judgements your agency proposed to share or was proposed, on pairs you may read")
  List<JudgementShare> shares(AccessContext context) {
    return shares.mine(context);
  }

  @PostMapping("/review/shares")
  @Operation(summary = "Propose your agency's judgement on a pair to another agency")
  ResponseEntity<JudgementShare> propose(@RequestBody ShareRequest request, AccessContext context) {
    return ResponseEntity.status(201)
        .body(shares.propose(context, request.left(), request.right(), request.toAgency()));
  }

  @PostMapping("/review/shares/{id}/accept")
  @Operation(summary = "Accept a judgement proposed to your agency: it becomes your agency's own")
  JudgementShare accept(@PathVariable String id, AccessContext context) {
    return shares.accept(context, id);
  }

  @PostMapping("/review/shares/{id}/decline")
  @Operation(summary = "Decline a judgement proposed to your agency")
  JudgementShare decline(@PathVariable String id, AccessContext context) {
    return shares.decline(context, id);
  }

  @PostMapping("/review/judgements")
  @Operation(summary = "Judge a pair: SAME, NOT_SAME or UNSURE, with a note")
  ExplainedMatch judge(@RequestBody JudgementRequest request, AccessContext context) {
    return subjects.judge(
        context, request.left(), request.right(), request.parsed(), request.note());
  }

  @PostMapping("/operations")
  @Operation(summary = "Plan an operation; overlaps with another agency's alert both at once")
  ResponseEntity<PlanResponse> plan(
      @RequestBody OperationRequest request,
      @CallerContext(purposeFrom = PurposeFrom.HEADER) AccessContext context) {
    var plan = operations.plan(context, request.toDraft(context.caller().agency()));
    return ResponseEntity.created(
            URI.create("/api/v1/resolution/operations/" + plan.operation().id()))
        .body(
            new PlanResponse(
                OperationResponse.of(plan.operation()),
                plan.alerts().stream().map(AlertResponse::of).toList()));
  }

  @GetMapping("/operations")
  @Operation(summary = "The planned operations you may read, soonest first")
  Page<OperationResponse> operations(
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      AccessContext context) {
    return operations.page(context, PageQuery.of(page, size)).map(OperationResponse::of);
  }

  @GetMapping("/operations/{id}")
  @Operation(summary = "One planned operation")
  OperationResponse operation(@PathVariable String id, AccessContext context) {
    return OperationResponse.of(operations.get(context, id));
  }

  @GetMapping("/alerts")
  @Operation(summary = "Your agency's pointer alerts, newest first (open=true: not acknowledged)")
  List<AlertResponse> alerts(
      @RequestParam(defaultValue = "false") boolean open,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return alerts.mine(context, open).stream().map(AlertResponse::of).toList();
  }

  @PostMapping("/alerts/{id}/acknowledge")
  @Operation(summary = "Acknowledge a pointer alert of your agency")
  AlertResponse acknowledge(
      @PathVariable String id,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return AlertResponse.of(alerts.acknowledge(context, id));
  }
}
