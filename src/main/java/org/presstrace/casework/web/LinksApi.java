package org.presstrace.casework.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.presstrace.access.AccessContext;
import org.presstrace.access.CallerContext;
import org.presstrace.access.CallerContext.PurposeFrom;
import org.presstrace.casework.Link;
import org.presstrace.casework.LinkEnd;
import org.presstrace.casework.LinkSchema;
import org.presstrace.casework.Links;
import org.presstrace.casework.web.ResolutionRequests.LinkRequest;
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
 * Links between case subjects and from subjects to registrants, machines and seizures. A link is
 * shown only to a caller who may read it and both of its ends; reads state a purpose in {@code
 * PressTrace-Purpose} (or {@code purpose}).
 */
@RestController
@RequestMapping("/api/v1/resolution/links")
@Tag(name = "Entity resolution and deconfliction")
class LinksApi {

  private final Links links;

  LinksApi(Links links) {
    this.links = links;
  }

  /** One end as its reader sees it: a subject's schema and name, or a record's kind. */
  record EndResponse(String kind, String id, String type, String label) {

    static EndResponse of(LinkEnd end) {
      return new EndResponse(end.kind(), end.id(), end.type(), end.label());
    }
  }

  record LinkResponse(
      String id,
      String schema,
      Map<String, EndResponse> ends,
      BigDecimal amount,
      String currency,
      LocalDate date,
      String purpose,
      String relationship,
      String role,
      String source,
      String agency,
      LocalDate statedOn,
      String marking,
      String createdBy,
      Instant createdAt) {

    static LinkResponse of(Link link) {
      var ends = new LinkedHashMap<String, EndResponse>();
      ends.put(link.subject().role(), EndResponse.of(link.subject()));
      ends.put(link.object().role(), EndResponse.of(link.object()));
      return new LinkResponse(
          link.id(),
          link.schema().label(),
          ends,
          link.amount(),
          link.currency(),
          link.date(),
          link.purpose(),
          link.relationship(),
          link.role(),
          link.source(),
          link.marking().ownerAgency(),
          link.statedOn(),
          link.marking().banner(),
          link.createdBy(),
          link.createdAt());
    }
  }

  @PostMapping
  @Operation(summary = "Record a link between two ends you may read")
  ResponseEntity<LinkResponse> record(
      @RequestBody LinkRequest request,
      @CallerContext(purposeFrom = PurposeFrom.HEADER) AccessContext context) {
    Link link = links.record(context, request.toDraft(context.caller().agency()));
    return ResponseEntity.created(URI.create("/api/v1/resolution/links/" + link.id()))
        .body(LinkResponse.of(link));
  }

  @GetMapping
  @Operation(
      summary =
          "Links you may read with both ends, newest first: of one subject (subject=ID) or all,"
              + " of one schema (schema=Payment ...)")
  Page<LinkResponse> list(
      @RequestParam(required = false) String subject,
      @RequestParam(required = false) String schema,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      AccessContext context) {
    PageQuery query = PageQuery.of(page, size);
    LinkSchema only = schema == null ? null : LinkSchema.parse("schema", schema);
    Page<Link> found =
        subject != null
            ? links.forSubject(context, subject, only, query)
            : links.visible(context, only, query);
    return found.map(LinkResponse::of);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One link, if you may read it and both of its ends")
  LinkResponse link(@PathVariable String id, AccessContext context) {
    return LinkResponse.of(links.get(context, id));
  }
}
