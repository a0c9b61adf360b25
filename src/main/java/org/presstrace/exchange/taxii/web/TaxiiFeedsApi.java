package org.presstrace.exchange.taxii.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.presstrace.access.AccessContext;
import org.presstrace.access.CallerContext;
import org.presstrace.access.CallerContext.PurposeFrom;
import org.presstrace.exchange.taxii.TaxiiFeeds;
import org.presstrace.shared.InvalidRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Scheduled TAXII feeds over the API: administrators add, list, turn on or off and remove them. */
@RestController
@RequestMapping("/api/v1/exchange/taxii-feeds")
@Tag(name = "TAXII feeds")
class TaxiiFeedsApi {

  private final TaxiiFeeds feeds;

  TaxiiFeedsApi(TaxiiFeeds feeds) {
    this.feeds = feeds;
  }

  /**
   * A feed to add. {@code authEnv} names the environment variable holding the credential ({@code
   * PRESSTRACE_TAXII_...}); the credential itself is never sent here.
   */
  record FeedRequest(
      String name,
      String collectionUrl,
      String importAs,
      String auth,
      String authEnv,
      String interval) {}

  record EnabledRequest(Boolean enabled) {}

  @GetMapping
  @Operation(summary = "The scheduled TAXII feeds you administer, with their cursor and state")
  List<FeedView> list(@CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return feeds.list(context).stream().map(FeedView::of).toList();
  }

  @PostMapping
  @Operation(summary = "Add a partner collection to poll on a schedule (administrators)")
  ResponseEntity<FeedView> add(
      @RequestBody(required = false) FeedRequest request,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    FeedRequest body =
        request == null ? new FeedRequest(null, null, null, null, null, null) : request;
    var feed =
        feeds.add(
            context,
            new TaxiiFeeds.NewFeed(
                body.name(),
                body.collectionUrl(),
                body.importAs(),
                body.auth(),
                body.authEnv(),
                body.interval()));
    return ResponseEntity.status(HttpStatus.CREATED).body(FeedView.of(feed));
  }

  @GetMapping("/{id}")
  @Operation(summary = "One scheduled TAXII feed")
  FeedView get(
      @PathVariable String id,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return FeedView.of(feeds.get(context, id));
  }

  @PutMapping("/{id}/enabled")
  @Operation(summary = "Turn a feed on (due at once) or off")
  FeedView setEnabled(
      @PathVariable String id,
      @RequestBody(required = false) EnabledRequest request,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    feeds.get(context, id);
    if (request == null || request.enabled() == null) {
      throw new InvalidRequest("enabled", "enabled is required: true or false");
    }
    return FeedView.of(feeds.setEnabled(context, id, request.enabled()));
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Remove a feed; what it imported stays")
  ResponseEntity<Void> remove(
      @PathVariable String id,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    feeds.remove(context, id);
    return ResponseEntity.noContent().build();
  }
}
