package org.presstrace.exchange.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.presstrace.access.AccessContext;
import org.presstrace.exchange.Quarantine;
import org.presstrace.exchange.QuarantinedMessage;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Quarantined partner messages over the API: administrators only. */
@RestController
@RequestMapping("/api/v1/exchange/quarantine")
@Tag(name = "Exchange with partners")
class QuarantineApi {

  private final Quarantine quarantine;

  QuarantineApi(Quarantine quarantine) {
    this.quarantine = quarantine;
  }

  @GetMapping
  @Operation(summary = "Received messages quarantined after their handler failed (administrators)")
  List<QuarantinedMessage> list(AccessContext context) {
    return quarantine.list(context);
  }

  @PostMapping("/{partnerId}/{messageId}/replay")
  @Operation(summary = "Replay a quarantined message after a fix (administrators)")
  Map<String, String> replay(
      @PathVariable String partnerId, @PathVariable String messageId, AccessContext context) {
    return Map.of(
        "messageId", messageId, "outcome", quarantine.replay(context, partnerId, messageId).name());
  }
}
