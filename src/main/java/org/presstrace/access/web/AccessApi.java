package org.presstrace.access.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.AgencyView;
import org.presstrace.access.AuditEntry;
import org.presstrace.access.AuditQuery;
import org.presstrace.access.AuditTrail;
import org.presstrace.access.CallerContext;
import org.presstrace.access.CallerContext.PurposeFrom;
import org.presstrace.access.Callers;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.ExportBanner;
import org.presstrace.access.Grant;
import org.presstrace.access.GrantStatus;
import org.presstrace.access.Grants;
import org.presstrace.access.NewUser;
import org.presstrace.access.Release;
import org.presstrace.access.ReleaseStatus;
import org.presstrace.access.Releases;
import org.presstrace.access.Role;
import org.presstrace.access.UserView;
import org.presstrace.shared.Page;
import org.presstrace.shared.PageQuery;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Agencies, users, compartments, releases and the audit trail over the API. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Access")
class AccessApi {

  private final Directory directory;
  private final Releases releases;
  private final AuditTrail audit;
  private final Grants grants;
  private final Callers callers;

  AccessApi(
      Directory directory, Releases releases, Grants grants, AuditTrail audit, Callers callers) {
    this.directory = directory;
    this.releases = releases;
    this.grants = grants;
    this.audit = audit;
    this.callers = callers;
  }

  record AgencyRequest(
      @NotBlank(message = "code is required") String code,
      @NotBlank(message = "name is required") @Size(max = 200) String name,
      @NotNull(message = "kind is required (FEDERAL, STATE, LOCAL, FOREIGN_PARTNER, REGISTRANT)")
          AgencyKind kind,
      @NotBlank(message = "country is required (ISO 3166-1 alpha-3)") String country) {}

  /** Checked by {@link Directory#setDutyContact} after the caller's role, not before. */
  record DutyContactRequest(String dutyContact) {}

  record UserRequest(
      @NotBlank(message = "username is required") String username,
      @NotBlank(message = "displayName is required") @Size(max = 200) String displayName,
      @NotEmpty(message = "roles needs at least one role") List<@NotBlank String> roles,
      @NotBlank(message = "password is required") String password) {}

  record ReleaseRequest(
      @NotBlank(message = "kind is required") String kind,
      @NotBlank(message = "recordId is required") String recordId,
      @NotBlank(message = "targetAgency is required") String targetAgency,
      @NotBlank(message = "justification is required") @Size(max = 1000) String justification) {}

  record Reason(@NotBlank(message = "reason is required") @Size(max = 1000) String reason) {}

  @GetMapping("/agencies")
  @Operation(summary = "All agencies (the directory every user may see)")
  List<AgencyView> agencies() {
    callers.current();
    return directory.agencies();
  }

  @PostMapping("/agencies")
  @Operation(summary = "Create an agency (administrators of the operator agency)")
  ResponseEntity<AgencyView> createAgency(
      @Valid @RequestBody AgencyRequest request,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    var agency =
        directory.createAgency(
            context, request.code(), request.name(), request.kind(), request.country());
    return ResponseEntity.created(URI.create("/api/v1/agencies/" + agency.code())).body(agency);
  }

  @PutMapping("/agencies/{code}/duty-contact")
  @Operation(
      summary =
          "Set the duty contact deconfliction gives other agencies (administrators of the agency"
              + " or of the operator)")
  AgencyView setDutyContact(
      @PathVariable String code,
      @RequestBody DutyContactRequest request,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return directory.setDutyContact(context, code, request.dutyContact());
  }

  @GetMapping("/agencies/{code}/users")
  @Operation(summary = "Users of an agency (its administrators)")
  List<UserView> users(
      @PathVariable String code,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return directory.users(context, code);
  }

  @PostMapping("/agencies/{code}/users")
  @Operation(summary = "Create a user in an agency you administer")
  ResponseEntity<UserView> createUser(
      @PathVariable String code,
      @Valid @RequestBody UserRequest request,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    var roles = EnumSet.noneOf(Role.class);
    request.roles().forEach(role -> roles.add(Role.parse(role)));
    var user =
        directory.createUser(
            context,
            new NewUser(
                request.username(), request.displayName(), code, roles, request.password()));
    return ResponseEntity.created(URI.create("/api/v1/users/" + user.username())).body(user);
  }

  @PostMapping("/users/{username}/unlock")
  @Operation(summary = "End at once the delay on a user's sign-ins after failed attempts")
  void unlock(
      @PathVariable String username,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    directory.unlock(context, username);
  }

  @PostMapping("/users/{username}/disable")
  @Operation(summary = "Stop a user signing in (administrators of the user's agency)")
  void disable(
      @PathVariable String username,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    directory.setEnabled(context, username, false);
  }

  @PostMapping("/users/{username}/enable")
  @Operation(summary = "Let a disabled user sign in again")
  void enable(
      @PathVariable String username,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    directory.setEnabled(context, username, true);
  }

  record CompartmentRequest(
      @NotBlank(message = "code is required") String code,
      @NotBlank(message = "name is required") @Size(max = 200) String name) {}

  record MemberRequest(@NotBlank(message = "username is required") String username) {}

  @PostMapping("/compartments")
  @Operation(
      summary =
          "Create a need-to-know compartment owned by your agency (supervisors, administrators)")
  ResponseEntity<Void> createCompartment(
      @Valid @RequestBody CompartmentRequest request,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    directory.createCompartment(context, request.code(), request.name());
    return ResponseEntity.created(URI.create("/api/v1/compartments/" + request.code())).build();
  }

  @PostMapping("/compartments/{code}/members")
  @Operation(
      summary =
          "Ask for a member (of any agency) of a compartment of your agency: a pending grant that"
              + " another supervisor of the agency approves")
  ResponseEntity<Grant> addMember(
      @PathVariable String code,
      @Valid @RequestBody MemberRequest request,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    var grant = directory.addMember(context, code, request.username());
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/grants/" + grant.id()))
        .body(grant);
  }

  record GrantRequest(
      @NotBlank(message = "username is required") String username,
      @NotBlank(message = "role is required (investigator, analyst, supervisor, ...)")
          String role) {}

  @PostMapping("/grants")
  @Operation(
      summary =
          "Ask for a role for a user of an agency you administer: a content role stays pending"
              + " until a supervisor approves it; administrator and auditor take effect at once")
  ResponseEntity<Grant> requestGrant(
      @Valid @RequestBody GrantRequest request,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    var grant = grants.requestRole(context, request.username(), request.role());
    var location = URI.create("/api/v1/grants/" + grant.id());
    return grant.status() == GrantStatus.PENDING
        ? ResponseEntity.accepted().location(location).body(grant)
        : ResponseEntity.created(location).body(grant);
  }

  @GetMapping("/grants")
  @Operation(
      summary =
          "Grants you deal with: those your agency's supervisors decide, those you asked for or"
              + " administer, and your own")
  List<Grant> grants(
      @RequestParam(required = false) GrantStatus status,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return grants.inbox(context, status);
  }

  @GetMapping("/grants/{id}")
  @Operation(summary = "One grant you deal with")
  Grant grant(
      @PathVariable String id,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return grants.visible(context, id);
  }

  @PostMapping("/grants/{id}/approve")
  @Operation(
      summary =
          "Approve a pending grant (a supervisor of the deciding agency, neither the grantee nor"
              + " the requester); it takes effect at once")
  Grant approveGrant(
      @PathVariable String id,
      @Valid @RequestBody Reason reason,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return grants.approve(context, id, reason.reason());
  }

  @PostMapping("/grants/{id}/reject")
  @Operation(summary = "Reject a pending grant; nothing changes for the grantee")
  Grant rejectGrant(
      @PathVariable String id,
      @Valid @RequestBody Reason reason,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return grants.reject(context, id, reason.reason());
  }

  @PostMapping("/releases")
  @Operation(summary = "Ask for a record to be released to another agency")
  ResponseEntity<Release> requestRelease(
      @Valid @RequestBody ReleaseRequest request,
      @CallerContext(purposeFrom = PurposeFrom.HEADER) AccessContext context) {
    var release =
        releases.request(
            context,
            request.kind(),
            request.recordId(),
            request.targetAgency(),
            request.justification());
    return ResponseEntity.created(URI.create("/api/v1/releases/" + release.id())).body(release);
  }

  @GetMapping("/releases")
  @Operation(
      summary =
          "Releases you deal with: your agency's (supervisors), yours, and those to your agency")
  List<Release> inbox(
      @RequestParam(required = false) ReleaseStatus status,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return releases.inbox(context, status);
  }

  @GetMapping("/releases/{id}")
  @Operation(summary = "One release you deal with")
  Release release(
      @PathVariable String id,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return releases.visible(context, id);
  }

  @PostMapping("/releases/{id}/approve")
  @Operation(
      summary = "Approve a pending release (a supervisor of the owning agency, not the requester)")
  Release approve(
      @PathVariable String id,
      @Valid @RequestBody Reason reason,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return releases.approve(context, id, reason.reason());
  }

  @PostMapping("/releases/{id}/reject")
  @Operation(summary = "Reject a pending release")
  Release reject(
      @PathVariable String id,
      @Valid @RequestBody Reason reason,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return releases.reject(context, id, reason.reason());
  }

  @PostMapping("/releases/{id}/revoke")
  @Operation(summary = "Revoke an approved release")
  Release revoke(
      @PathVariable String id,
      @Valid @RequestBody Reason reason,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return releases.revoke(context, id, reason.reason());
  }

  @GetMapping("/audit")
  @Operation(summary = "Search the audit trail (auditors)")
  Page<AuditEntry> audit(
      @RequestParam(required = false) String username,
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String recordId,
      @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      @CallerContext(purposeFrom = PurposeFrom.HEADER) AccessContext context) {
    return audit.search(
        context,
        new AuditQuery(username, agency, action, kind, recordId, from, to),
        PageQuery.of(page, size));
  }

  @GetMapping(value = "/audit/export", produces = "text/csv")
  @Operation(summary = "Export the audit trail as CSV (auditors)")
  void exportAudit(
      @RequestParam(required = false) String username,
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String recordId,
      @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to,
      @CallerContext(purposeFrom = PurposeFrom.HEADER) AccessContext context,
      HttpServletResponse response)
      throws IOException {
    var csv = new AuditCsv(directory.operatorAgency());
    audit.export(
        context.via(Channel.EXPORT),
        new AuditQuery(username, agency, action, kind, recordId, from, to),
        csv::append);
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"audit.csv\"");
    response.setHeader(ExportBanner.HEADER, csv.banner());
    response.getOutputStream().write(csv.text().getBytes(StandardCharsets.UTF_8));
  }
}
