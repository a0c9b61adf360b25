package org.presstrace.exchange.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.presstrace.access.AccessContext;
import org.presstrace.exchange.Notice;
import org.presstrace.exchange.NoticeDraft;
import org.presstrace.exchange.Notices;
import org.presstrace.exchange.RedFlagHit;
import org.presstrace.shared.InvalidRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Pre-export notices over the API: filed by the exporting side, answered by the importing side. */
@RestController
@RequestMapping("/api/v1/exchange/notices")
@Tag(name = "Pre-export notices")
class NoticesApi {

  private final Notices notices;

  NoticesApi(Notices notices) {
    this.notices = notices;
  }

  record AnswerRequest(String kind, String reason) {}

  @GetMapping
  @Operation(
      summary = "Notices you may read: direction=OUTGOING (filed here) or INCOMING (received)")
  List<Notice> list(
      @RequestParam(required = false, defaultValue = "OUTGOING") String direction,
      AccessContext context) {
    Notice.Direction parsed;
    try {
      parsed = Notice.Direction.valueOf(direction.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequest(
          "direction", "direction '" + direction + "' is not OUTGOING or INCOMING");
    }
    return notices.list(context, parsed);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One notice with its answers")
  Notice get(@PathVariable String id, AccessContext context) {
    return notices.get(context, id);
  }

  @GetMapping(value = "/{id}/incb", produces = "application/json")
  @Operation(
      summary =
          "The notice as a file for INCB (format presstrace-incb-notice/v1, docs/exchange.md)")
  ResponseEntity<String> incb(@PathVariable String id, AccessContext context) {
    String copy = notices.incbCopy(context, id);
    return ResponseEntity.ok()
        .header("Content-Disposition", "attachment; filename=\"pen-notice-" + id + ".json\"")
        .body(copy);
  }

  @PostMapping
  @Operation(
      summary = "File a pre-export notice to the importing partner (investigators, supervisors)")
  ResponseEntity<FiledNotice> file(@RequestBody NoticeDraft draft, AccessContext context) {
    Notice notice = notices.file(context, draft);
    FiledNotice filed =
        context.purpose() == null
            ? new FiledNotice(
                notice,
                null,
                "state a purpose (PressTrace-Purpose) to screen the parties against red flags")
            : new FiledNotice(notice, notices.screenRedFlags(context, notice), null);
    return ResponseEntity.created(URI.create("/api/v1/exchange/notices/" + notice.id()))
        .body(filed);
  }

  /**
   * A filed notice with its parties screened against the red flags the filer may read.
   *
   * @param redFlagHits null when no purpose was stated (then {@code redFlagScreening} says so)
   */
  record FiledNotice(
      @JsonUnwrapped Notice notice, List<RedFlagHit> redFlagHits, String redFlagScreening) {}

  @PostMapping("/{id}/amendments")
  @Operation(
      summary =
          "Amend an outgoing notice: a new version with the shipment's details, answered again")
  Notice amend(@PathVariable String id, @RequestBody NoticeDraft draft, AccessContext context) {
    return notices.amend(context, id, draft);
  }

  @PostMapping("/{id}/answers")
  @Operation(
      summary = "Answer an incoming notice: CONFIRM, OBJECT or ASK_INFORMATION (with a reason)")
  Notice answer(
      @PathVariable String id, @RequestBody AnswerRequest request, AccessContext context) {
    return notices.answer(context, id, request.kind(), request.reason());
  }
}
