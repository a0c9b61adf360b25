package org.presstrace.reliability;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.ArrayList;
import org.presstrace.reliability.DemoSamples.Held;
import org.presstrace.reliability.LoadOptions.Auth;

/**
 * PressTrace's HTTP API under a closed workload: a fixed number of users, each sending its next
 * request as soon as the last one is answered, for a bounded time. Phases run one after another,
 * for each concurrency level in ascending order:
 *
 * <ol>
 *   <li>{@code health}: the anonymous health endpoint, the baseline of what the server answers with
 *       no authentication and no database;
 *   <li>{@code reads}: one cheap authenticated read ({@code GET /api/v1/agencies}), so that its
 *       cost against the baseline is the cost of authentication;
 *   <li>{@code mixed}: the mixed workload, each request drawn at random: trace by serial 25%, list
 *       seizures 20%, search case subjects 20%, screen a substance name 15%, file a seizure report
 *       10%, transfer a machine 10%.
 * </ol>
 *
 * Each request is named {@code phase auth users kind}; {@link LoadTable} turns Gatling's statistics
 * into the table load.sh prints. A warm-up phase of mixed load runs first and is not reported.
 */
public class MixedWorkload extends Simulation {

  static final int WARMUP_USERS = 4;

  private final DemoSamples samples;
  private final Credentials credentials;

  public MixedWorkload() {
    LoadOptions options = LoadOptions.fromSystem();
    credentials = Credentials.of(options);
    samples = DemoSamples.discover(options, credentials);

    var phases = new ArrayList<PopulationBuilder>();
    if (options.warmupSeconds() > 0) {
      phases.add(
          closed(
              mixed("warmup", options.auths().get(0), WARMUP_USERS, options.warmupSeconds()),
              WARMUP_USERS,
              options.warmupSeconds()));
    }
    int seconds = options.seconds();
    for (int users : options.levels()) {
      phases.add(closed(health(users, seconds), users, seconds));
      for (Auth auth : options.auths()) {
        if (options.readUsers().contains(users)) {
          phases.add(closed(reads(auth, users, seconds), users, seconds));
        }
        if (options.users().contains(users)) {
          phases.add(closed(mixed("mixed", auth, users, seconds), users, seconds));
        }
      }
    }
    PopulationBuilder chain = phases.get(phases.size() - 1);
    for (int i = phases.size() - 2; i >= 0; i--) {
      chain = phases.get(i).andThen(chain);
    }

    HttpProtocolBuilder protocol =
        http.baseUrl(options.baseUrl().toString())
            .acceptHeader("application/json")
            .userAgentHeader("presstrace-load")
            .header("PressTrace-Purpose", DemoSamples.PURPOSE)
            .disableWarmUp();
    setUp(chain).protocols(protocol);
  }

  private static PopulationBuilder closed(ScenarioBuilder scenario, int users, int seconds) {
    return scenario.injectClosed(
        constantConcurrentUsers(users).during(Duration.ofSeconds(seconds)));
  }

  /** The name of one kind of request in one phase. */
  static String name(String phase, Auth auth, int users, String kind) {
    return phase + " " + (auth == null ? "-" : auth.label()) + " " + users + " " + kind;
  }

  private ScenarioBuilder health(int users, int seconds) {
    return scenario("health " + users)
        .during(Duration.ofSeconds(seconds))
        .on(
            exec(
                http(name("health", null, users, "health"))
                    .get("/actuator/health")
                    .check(status().is(200))));
  }

  private ScenarioBuilder reads(Auth auth, int users, int seconds) {
    String header = credentials.header(LoadOptions.READER, auth);
    return scenario("reads " + auth.label() + " " + users)
        .during(Duration.ofSeconds(seconds))
        .on(
            exec(
                http(name("reads", auth, users, "agencies"))
                    .get("/api/v1/agencies")
                    .header("Authorization", header)
                    .check(status().is(200))));
  }

  private ScenarioBuilder mixed(String phase, Auth auth, int users, int seconds) {
    String reader = credentials.header(LoadOptions.READER, auth);
    String dealer = credentials.header(DemoSamples.DEALER, auth);
    String manufacturer = credentials.header(DemoSamples.MANUFACTURER, auth);

    ChainBuilder trace =
        exec(
            http(name(phase, auth, users, "trace"))
                .get("/api/v1/registry/trace")
                .queryParam("serial", session -> samples.serial())
                .header("Authorization", reader)
                .check(status().is(200)));
    ChainBuilder list =
        exec(
            http(name(phase, auth, users, "list"))
                .get("/api/v1/seizures")
                .queryParam("size", 20)
                .queryParam("page", session -> samples.listPage())
                .header("Authorization", reader)
                .check(status().is(200)));
    ChainBuilder search =
        exec(
            http(name(phase, auth, users, "search"))
                .get("/api/v1/resolution/subjects")
                .queryParam("q", session -> samples.searchTerm())
                .queryParam("size", 20)
                .header("Authorization", reader)
                .check(status().is(200)));
    ChainBuilder screen =
        exec(
            http(name(phase, auth, users, "screen"))
                .post("/api/v1/substances/screen")
                .header("Authorization", reader)
                .body(StringBody(session -> samples.screenBody()))
                .asJson()
                .check(status().is(200)));
    ChainBuilder seizure =
        exec(
            http(name(phase, auth, users, "seizure"))
                .post("/api/v1/seizures")
                .header("Authorization", reader)
                .body(StringBody(session -> samples.seizureBody()))
                .asJson()
                .check(status().is(201)));
    ChainBuilder transfer =
        exec(session -> session.markAsSucceeded().set("machine", borrowed()))
            .doIf(session -> session.get("machine") instanceof Held)
            .then(
                exec(http(name(phase, auth, users, "transfer"))
                        .post(
                            session ->
                                "/api/v1/registry/machines/"
                                    + session.<Held>get("machine").machineId()
                                    + "/transfers")
                        .header(
                            "Authorization",
                            session ->
                                samples.seller(session.get("machine")).equals(DemoSamples.DEALER)
                                    ? dealer
                                    : manufacturer)
                        .body(StringBody(session -> samples.transferBody(session.get("machine"))))
                        .asJson()
                        .check(status().is(200)))
                    .exec(
                        session -> {
                          samples.giveBack(session.get("machine"), !session.isFailed());
                          return session.markAsSucceeded();
                        }));

    return scenario(phase + " " + auth.label() + " " + users)
        .during(Duration.ofSeconds(seconds))
        .on(
            exec(session -> session.markAsSucceeded())
                .randomSwitch()
                .on(
                    percent(25.0).then(trace),
                    percent(20.0).then(list),
                    percent(20.0).then(search),
                    percent(15.0).then(screen),
                    percent(10.0).then(seizure),
                    percent(10.0).then(transfer)));
  }

  /** A machine for a transfer, or a marker when all are in transfers (the turn is skipped). */
  private Object borrowed() {
    Held machine = samples.borrow();
    return machine == null ? "none" : machine;
  }
}
