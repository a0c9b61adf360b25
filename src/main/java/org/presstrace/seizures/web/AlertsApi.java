package org.presstrace.seizures.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.presstrace.access.AccessContext;
import org.presstrace.access.CallerContext;
import org.presstrace.access.CallerContext.PurposeFrom;
import org.presstrace.seizures.Alert;
import org.presstrace.seizures.Alerts;
import org.presstrace.shared.Page;
import org.presstrace.shared.PageQuery;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The alerts of the caller's agency. */
@RestController
@RequestMapping("/api/v1/alerts")
@Tag(name = "Alerts")
class AlertsApi {

  private final Alerts alerts;

  AlertsApi(Alerts alerts) {
    this.alerts = alerts;
  }

  @GetMapping
  @Operation(summary = "Your agency's alerts, newest first (status OPEN, ACKNOWLEDGED or all)")
  Page<Alert> list(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return alerts.page(context, status, PageQuery.of(page, size));
  }

  @GetMapping("/count")
  @Operation(summary = "How many alerts of a status your agency has")
  Map<String, Long> count(
      @RequestParam(required = false) String status,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return Map.of("count", alerts.count(context, status));
  }

  @GetMapping("/{id}")
  @Operation(summary = "One alert of your agency")
  Alert get(
      @PathVariable String id,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return alerts.get(context, id);
  }

  @PostMapping("/{id}/acknowledgement")
  @Operation(summary = "Acknowledge an open alert of your agency")
  Alert acknowledge(
      @PathVariable String id,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return alerts.acknowledge(context, id);
  }
}
