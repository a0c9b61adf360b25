package org.presstrace.exchange.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.presstrace.access.AccessContext;
import org.presstrace.exchange.Incident;
import org.presstrace.exchange.Incidents;
import org.presstrace.exchange.OutgoingMessage;
import org.presstrace.shared.InvalidRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Incidents over the API: a seizure sent to a partner, and the incidents partners sent here. */
@RestController
@RequestMapping("/api/v1/exchange/incidents")
@Tag(name = "Incidents")
class IncidentsApi {

  private final Incidents incidents;

  IncidentsApi(Incidents incidents) {
    this.incidents = incidents;
  }

  record SendRequest(String partnerId, String seizureId) {}

  @PostMapping
  @Operation(
      summary =
          "Send a seizure to a partner as an incident: queued only if released to the partner's"
              + " agency and its marking lets it reach the partner's country")
  ResponseEntity<OutgoingMessage> send(
      @RequestBody(required = false) SendRequest request, AccessContext context) {
    if (request == null) {
      throw new InvalidRequest("body", "a JSON object with partnerId and seizureId is required");
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(incidents.send(context, request.partnerId(), request.seizureId()));
  }

  @GetMapping
  @Operation(summary = "Incidents received from partners that you may read, newest first")
  List<Incident> list(AccessContext context) {
    return incidents.list(context);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One received incident with its origin and marking")
  Incident get(@PathVariable String id, AccessContext context) {
    return incidents.get(context, id);
  }
}
