package org.presstrace.exchange.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.presstrace.access.AccessContext;
import org.presstrace.access.Role;
import org.presstrace.exchange.InstanceIdentity;
import org.presstrace.exchange.OutboxState;
import org.presstrace.exchange.Partner;
import org.presstrace.exchange.Partners;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The partner directory over the API: administrators only. */
@RestController
@RequestMapping("/api/v1/exchange")
@Tag(name = "Exchange with partners")
class PartnersApi {

  private final Partners partners;
  private final InstanceIdentity identity;

  PartnersApi(Partners partners, InstanceIdentity identity) {
    this.partners = partners;
    this.identity = identity;
  }

  /** A partner and where its outbox stands. */
  record PartnerResponse(
      String id,
      String country,
      String authority,
      String baseUrl,
      String publicKey,
      String agency,
      SortedSet<String> messageTypes,
      boolean enabled,
      Instant createdAt,
      Instant updatedAt,
      String custodian,
      OutboxState outbox) {

    static PartnerResponse of(Partner p, OutboxState outbox) {
      return new PartnerResponse(
          p.id(),
          p.country().alpha3(),
          p.authority(),
          p.baseUrl(),
          p.publicKey(),
          p.agency(),
          p.messageTypes(),
          p.enabled(),
          p.createdAt(),
          p.updatedAt(),
          p.custodian(),
          outbox);
    }
  }

  /**
   * @param pairing the partner's pairing text (the JSON {@code presstrace exchange identity}
   *     prints), as a string
   */
  record PairRequest(String pairing, String agency, String custodian, List<String> messageTypes) {}

  /**
   * @param custodian a domestic agency to hold custody of what the partner sends; unchanged when
   *     absent
   */
  record UpdateRequest(List<String> messageTypes, Boolean enabled, String custodian) {}

  @GetMapping("/identity")
  @Operation(summary = "This instance's pairing text (administrators)")
  Map<String, String> identity(AccessContext context) {
    if (!context.caller().has(Role.ADMINISTRATOR)) {
      throw new AccessDeniedException("only administrators pair instances");
    }
    var p = identity.pairing();
    return Map.of(
        "id", p.id(),
        "country", p.country().alpha3(),
        "authority", p.authority(),
        "baseUrl", p.baseUrl(),
        "publicKey", p.publicKey());
  }

  @GetMapping("/partners")
  @Operation(summary = "The partner directory with each outbox's state (administrators)")
  List<PartnerResponse> list(AccessContext context) {
    Map<String, OutboxState> outboxes = partners.outboxes(context);
    return partners.list(context).stream()
        .map(p -> PartnerResponse.of(p, outboxes.get(p.id())))
        .toList();
  }

  @GetMapping("/partners/{id}")
  @Operation(summary = "One partner with its outbox's state (administrators)")
  PartnerResponse get(@PathVariable String id, AccessContext context) {
    Partner partner = partners.get(context, id);
    return PartnerResponse.of(partner, partners.outboxes(context).get(id));
  }

  @PostMapping("/partners")
  @Operation(summary = "Pair with a partner from its pairing text (administrators)")
  ResponseEntity<PartnerResponse> pair(@RequestBody PairRequest request, AccessContext context) {
    Partner partner =
        partners.pair(
            context,
            request.pairing(),
            request.agency(),
            request.custodian(),
            request.messageTypes());
    return ResponseEntity.created(URI.create("/api/v1/exchange/partners/" + partner.id()))
        .body(PartnerResponse.of(partner, partners.outboxes(context).get(partner.id())));
  }

  @PutMapping("/partners/{id}")
  @Operation(summary = "Change the agreed message types and whether enabled (administrators)")
  PartnerResponse update(
      @PathVariable String id, @RequestBody UpdateRequest request, AccessContext context) {
    Partner current = partners.get(context, id);
    if (request.custodian() != null) {
      partners.setCustodian(context, id, request.custodian());
    }
    Partner partner =
        partners.update(
            context,
            id,
            request.messageTypes() == null ? current.messageTypes() : request.messageTypes(),
            request.enabled() == null ? current.enabled() : request.enabled());
    return PartnerResponse.of(partner, partners.outboxes(context).get(id));
  }
}
