package org.presstrace.exchange.taxii;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AuditTrail;
import org.presstrace.access.Caller;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Purpose;
import org.presstrace.access.Role;
import org.presstrace.access.UserView;
import org.presstrace.exchange.TaxiiPoll;
import org.presstrace.exchange.taxii.TaxiiFeed.FeedAuth;
import org.presstrace.exchange.taxii.TaxiiFeed.FeedOutcome;
import org.presstrace.exchange.taxii.internal.Feeds;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scheduled TAXII feeds: administrators add partner collections to poll, each imported as one
 * PressTrace user (so into that user's agency, with the collection URL as the source), and {@link
 * #sweep()} polls every due feed with {@link TaxiiPoll}. The cursor ({@code added_after}) moves
 * only when an import succeeded: a refused or unreachable poll stores nothing, keeps the cursor,
 * and backs the feed off (its interval doubled per consecutive failure, at most a day). The
 * credential is the name of an environment variable, never a stored secret.
 */
@Service
public class TaxiiFeeds {

  /** The shortest and the longest poll interval. */
  public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

  public static final Duration MAX_INTERVAL = Duration.ofDays(1);

  /** The longest a failing feed waits between polls. */
  public static final Duration MAX_BACK_OFF = Duration.ofDays(1);

  /**
   * Credentials come only from variables with this prefix, so a feed cannot send any other secret
   * of the server's environment (a database password) to a URL of an administrator's choosing.
   */
  public static final String ENV_PREFIX = "PRESSTRACE_TAXII_";

  private static final Pattern ENV_NAME = Pattern.compile("PRESSTRACE_TAXII_[A-Z0-9_]{1,80}");
  private static final int MAX_NAME = 100;
  private static final Logger log = LoggerFactory.getLogger(TaxiiFeeds.class);

  private final Feeds feeds;
  private final TaxiiPoll poll;
  private final Directory directory;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final ReentrantLock sweeping = new ReentrantLock();
  private volatile UnaryOperator<String> environment = System::getenv;

  TaxiiFeeds(
      Feeds feeds,
      TaxiiPoll poll,
      Directory directory,
      AuditTrail audit,
      TransactionTemplate transactions,
      Clock clock) {
    this.feeds = feeds;
    this.poll = poll;
    this.directory = directory;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * A feed to add, as typed: {@code auth} is NONE (the default), HEADER or BEARER; {@code authEnv}
   * names the environment variable for HEADER and BEARER; {@code interval} is an ISO-8601 duration
   * such as {@code PT15M}.
   */
  public record NewFeed(
      String name,
      String collectionUrl,
      String importAs,
      String auth,
      String authEnv,
      String interval) {}

  /** Adds a feed, enabled and due at once; administrators of the importing user's agency only. */
  public TaxiiFeed add(AccessContext context, NewFeed request) {
    requireAdministrator(context);
    String name = request.name() == null ? "" : request.name().strip();
    if (name.isEmpty() || name.length() > MAX_NAME) {
      throw new InvalidRequest("name", "a feed name is 1 to " + MAX_NAME + " characters");
    }
    String url = collectionUrl(request.collectionUrl());
    UserView importer = importer(context, request.importAs());
    FeedAuth auth = auth(request.auth());
    String env = request.authEnv() == null ? null : request.authEnv().strip();
    if (env != null && env.isEmpty()) {
      env = null;
    }
    if (auth == FeedAuth.NONE && env != null) {
      throw new InvalidRequest(
          "authEnv", "authEnv '" + env + "' is given but auth is NONE; choose HEADER or BEARER");
    }
    if (auth != FeedAuth.NONE && (env == null || !ENV_NAME.matcher(env).matches())) {
      // The value is not repeated: what was typed may be the credential itself.
      throw new InvalidRequest(
          "authEnv",
          "authEnv is not the name of an environment variable "
              + ENV_PREFIX
              + "[A-Z0-9_]+ holding the credential (never the credential itself)");
    }
    Duration interval = interval(request.interval());
    Instant now = clock.instant();
    var feed =
        new TaxiiFeed(
            UUID.randomUUID().toString(),
            name,
            url,
            importer.username(),
            importer.agency(),
            auth,
            env,
            interval,
            true,
            context.caller().username(),
            now,
            null,
            now,
            null,
            null,
            null,
            0,
            0);
    return transactions.execute(
        status -> {
          if (feeds.nameTaken(name)) {
            throw new ConflictingState("a feed named '" + name + "' exists already");
          }
          feeds.insert(feed);
          audit.record(
              context,
              "CREATE",
              "taxii-feed",
              feed.id(),
              "WRITTEN",
              name + ": " + url + " imported as " + importer.username() + ", every " + interval);
          return feed;
        });
  }

  /** The feeds an administrator manages: its agency's, or all for the operator's administrators. */
  public List<TaxiiFeed> list(AccessContext context) {
    requireAdministrator(context);
    return feeds.list(operator(context.caller()) ? null : context.caller().agency());
  }

  /** One feed the administrator manages. */
  public TaxiiFeed get(AccessContext context, String id) {
    requireAdministrator(context);
    return managed(context, id);
  }

  /** Turns a feed on (due at once, failures forgotten) or off. */
  public TaxiiFeed setEnabled(AccessContext context, String id, boolean enabled) {
    requireAdministrator(context);
    return transactions.execute(
        status -> {
          TaxiiFeed feed = managed(context, id);
          feeds.setEnabled(id, enabled, enabled ? clock.instant() : feed.nextPollAt());
          audit.record(
              context,
              "UPDATE",
              "taxii-feed",
              id,
              "WRITTEN",
              feed.name() + (enabled ? " enabled" : " disabled"));
          return feeds.find(id).orElseThrow();
        });
  }

  /** Removes a feed; what it imported stays. */
  public void remove(AccessContext context, String id) {
    requireAdministrator(context);
    transactions.executeWithoutResult(
        status -> {
          TaxiiFeed feed = managed(context, id);
          feeds.delete(id);
          audit.record(context, "DELETE", "taxii-feed", id, "WRITTEN", feed.name() + " removed");
        });
  }

  /**
   * Polls every enabled feed that is due now; answers how many were polled, or -1 when a sweep is
   * already running in this JVM (the second one does nothing).
   */
  public int sweep() {
    return sweep(clock.instant());
  }

  int sweep(Instant now) {
    if (!sweeping.tryLock()) {
      return -1;
    }
    try {
      int polled = 0;
      for (String id : feeds.due(now)) {
        if (pollOnce(id, now)) {
          polled++;
        }
      }
      return polled;
    } finally {
      sweeping.unlock();
    }
  }

  /** Polls one feed if it is still due and no other sweep claimed it. */
  boolean pollOnce(String id, Instant now) {
    TaxiiFeed feed = feeds.find(id).orElse(null);
    if (feed == null || !feed.enabled() || feed.nextPollAt().isAfter(now)) {
      return false;
    }
    // A lease long enough for the largest poll, so another instance sharing the database skips it.
    if (!feeds.claim(id, feed.nextPollAt(), now.plus(Duration.ofHours(1)))) {
      return false;
    }
    Result result = poll(feed);
    Instant at = clock.instant();
    int failures = result.outcome().failed() ? feed.consecutiveFailures() + 1 : 0;
    Instant next =
        at.plus(result.outcome().failed() ? backOff(feed.interval(), failures) : feed.interval());
    String detail =
        failures == 0
            ? result.detail()
            : result.detail()
                + " (failure "
                + failures
                + " in a row; backing off, next poll "
                + next
                + ")";
    transactions.executeWithoutResult(
        status -> {
          feeds.recordPoll(
              id,
              at,
              result.outcome(),
              detail,
              result.received(),
              result.addedAfter(),
              failures,
              next);
          audit.record(
              context(feed, importerCaller(feed)),
              "POLL",
              "taxii-feed",
              id,
              result.outcome().failed() ? "REFUSED" : "WRITTEN",
              feed.name() + ": " + result.outcome() + ", " + detail);
        });
    if (result.outcome().failed()) {
      log.warn("TAXII feed {} {}: {}", feed.name(), result.outcome(), detail);
    }
    return true;
  }

  /** The interval doubled per consecutive failure, at most {@link #MAX_BACK_OFF}. */
  static Duration backOff(Duration interval, int failures) {
    Duration wait = interval;
    for (int i = 0; i < failures && wait.compareTo(MAX_BACK_OFF) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : wait;
  }

  private record Result(FeedOutcome outcome, String detail, int received, Instant addedAfter) {}

  private Result poll(TaxiiFeed feed) {
    Caller caller = importerCaller(feed);
    if (caller == null) {
      return new Result(
          FeedOutcome.REFUSED,
          "user " + feed.importAs() + " is disabled or gone; nothing polled",
          0,
          null);
    }
    String authorization;
    if (feed.auth() == FeedAuth.NONE) {
      authorization = null;
    } else {
      String value = environment.apply(feed.authEnv());
      if (value == null || value.isBlank()) {
        return new Result(
            FeedOutcome.REFUSED,
            "environment variable " + feed.authEnv() + " is not set; nothing polled",
            0,
            null);
      }
      authorization = feed.auth() == FeedAuth.BEARER ? "Bearer " + value.strip() : value.strip();
    }
    try {
      TaxiiPoll.Polled polled =
          poll.poll(
              context(feed, caller),
              URI.create(feed.collectionUrl()),
              authorization,
              feed.addedAfter());
      if (polled.status() == null) {
        return new Result(FeedOutcome.NOTHING_NEW, "nothing new", 0, null);
      }
      int refused = polled.status().path("failure_count").asInt();
      if (refused > 0) {
        return new Result(
            FeedOutcome.REFUSED,
            "refused "
                + refused
                + " of "
                + polled.received()
                + " objects, nothing stored: "
                + polled.status().path("failures").path(0).path("message").asString(""),
            0,
            null);
      }
      return new Result(
          FeedOutcome.IMPORTED,
          "imported " + polled.received() + " objects",
          polled.received(),
          polled.lastAdded());
    } catch (InvalidRequest e) {
      String message = e.getMessage();
      boolean unreachable =
          message.contains("could not be reached") || message.contains("was interrupted");
      return new Result(
          unreachable ? FeedOutcome.UNREACHABLE : FeedOutcome.REFUSED, message, 0, null);
    } catch (RuntimeException e) {
      // The message may quote a header value, so the credential: only the type is logged.
      log.warn("TAXII feed {} failed: {}", feed.name(), e.getClass().getName());
      return new Result(
          FeedOutcome.REFUSED, "the import failed: " + e.getClass().getSimpleName(), 0, null);
    }
  }

  private Caller importerCaller(TaxiiFeed feed) {
    return directory
        .user(feed.importAs())
        .filter(UserView::enabled)
        .flatMap(user -> directory.caller(user.username()))
        .orElse(null);
  }

  private AccessContext context(TaxiiFeed feed, Caller caller) {
    Caller acting =
        caller != null
            ? caller
            : new Caller(
                feed.importAs(),
                feed.agency(),
                directory.agency(feed.agency()).orElseThrow().kind(),
                directory.agency(feed.agency()).orElseThrow().country(),
                java.util.Set.of(),
                java.util.Set.of());
    return new AccessContext(
        acting, Channel.API, new Purpose("Scheduled TAXII poll of " + feed.name()));
  }

  private TaxiiFeed managed(AccessContext context, String id) {
    return feeds
        .find(id)
        .filter(f -> operator(context.caller()) || f.agency().equals(context.caller().agency()))
        .orElseThrow(() -> new NotFound("TAXII feed", id));
  }

  private UserView importer(AccessContext context, String username) {
    if (username == null || username.isBlank()) {
      throw new InvalidRequest("importAs", "importAs names the PressTrace user who imports");
    }
    UserView user =
        directory
            .user(username.strip())
            .filter(u -> operator(context.caller()) || u.agency().equals(context.caller().agency()))
            .orElseThrow(
                () ->
                    new InvalidRequest(
                        "importAs",
                        "importAs '" + username + "' is not a user of an agency you administer"));
    if (!user.enabled()) {
      throw new InvalidRequest("importAs", "importAs '" + username + "' is disabled");
    }
    return user;
  }

  private static String collectionUrl(String text) {
    String url = text == null ? "" : text.strip();
    URI uri;
    try {
      uri = new URI(url);
    } catch (Exception e) {
      uri = null;
    }
    String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme();
    if (uri != null && uri.getRawUserInfo() != null) {
      throw new InvalidRequest(
          "collectionUrl",
          "collectionUrl carries credentials; name an environment variable holding them in"
              + " authEnv instead");
    }
    if (uri == null
        || !(scheme.equals("https") || scheme.equals("http"))
        || uri.getHost() == null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null
        || !url.endsWith("/")
        || url.length() > 500) {
      throw new InvalidRequest(
          "collectionUrl",
          "collectionUrl '"
              + url
              + "' is not an http(s) TAXII collection URL ending in /, without query or"
              + " fragment");
    }
    return url;
  }

  private static FeedAuth auth(String text) {
    if (text == null || text.isBlank()) {
      return FeedAuth.NONE;
    }
    try {
      return FeedAuth.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequest("auth", "auth '" + text + "' is not one of NONE, HEADER, BEARER");
    }
  }

  private static Duration interval(String text) {
    Duration interval;
    try {
      interval = Duration.parse(text == null ? "" : text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidRequest(
          "interval", "interval '" + text + "' is not an ISO-8601 duration such as PT15M");
    }
    if (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
      throw new InvalidRequest(
          "interval", "interval " + interval + " is not between PT1M and P1D (PT24H)");
    }
    if (interval.getNano() != 0) {
      throw new InvalidRequest("interval", "interval " + interval + " is not whole seconds");
    }
    return interval;
  }

  private void requireAdministrator(AccessContext context) {
    if (!context.caller().has(Role.ADMINISTRATOR)) {
      throw new AccessDeniedException("TAXII feeds are managed by administrators");
    }
  }

  private boolean operator(Caller caller) {
    return caller.agency().equals(directory.operatorAgency());
  }

  /** Replaces where credentials are read from; the tests' seam, System.getenv otherwise. */
  void environment(UnaryOperator<String> lookup) {
    this.environment = lookup == null ? System::getenv : lookup;
  }
}
