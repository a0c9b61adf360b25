package org.presstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Caller;
import org.presstrace.access.Channel;
import org.presstrace.access.Role;
import org.presstrace.registry.internal.ImportJobsProperties;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.CountryCode;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.springframework.security.access.AccessDeniedException;

/**
 * The job registry on its own, around a stand-in import: who sees a job, one job per user, the
 * bounded pool and queue, how long finished jobs are kept, and failures.
 */
class ImportJobsTests {

  static final byte[] CSV = "record,serial,make,occurred_on\n".getBytes(StandardCharsets.UTF_8);

  final MovableClock clock = new MovableClock();
  final StandInImports imports = new StandInImports();
  ImportJobs jobs;

  @AfterEach
  void stop() {
    imports.release.countDown();
    if (jobs != null) {
      jobs.destroy();
    }
  }

  ImportJobs jobs(int threads, int queue, int kept) {
    jobs =
        new ImportJobs(
            imports, clock, new ImportJobsProperties(threads, queue, Duration.ofHours(1), kept));
    return jobs;
  }

  static AccessContext as(String username, Role role) {
    return new AccessContext(
        new Caller(
            username, "AG1", AgencyKind.FEDERAL, new CountryCode("USA"), Set.of(role), Set.of()),
        Channel.PAGE,
        null);
  }

  /** Waits, however long the machine takes, until the job has ended. */
  static ImportJobs.Job ended(ImportJobs jobs, AccessContext who, String id) throws Exception {
    for (int i = 0; i < 6000; i++) {
      ImportJobs.Job job = jobs.find(who.caller(), id);
      if (!job.running()) {
        return job;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("job " + id + " did not end within a minute");
  }

  @Test
  void aJobHasARandomIdIsSeenOnlyByItsOwnerAndEndsWithTheImportsResult() throws Exception {
    var jobs = jobs(2, 2, 10);
    AccessContext alice = as("alice", Role.REGISTRANT);
    imports.holding = false;

    ImportJobs.Job started = jobs.start(alice, " stock.csv ", CSV, true);

    assertThat(UUID.fromString(started.id()).version()).isEqualTo(4);
    assertThat(started.fileName()).isEqualTo("stock.csv");
    ImportJobs.Job done = ended(jobs, alice, started.id());
    assertThat(done.state()).isEqualTo(ImportJobs.State.FINISHED);
    assertThat(done.phase()).isEqualTo(ImportJobs.Phase.DONE);
    assertThat(done.result().fileName()).isEqualTo("stock.csv");
    assertThat(done.result().dryRun()).isTrue();
    assertThat(done.outcome()).isEqualTo("checked, nothing stored (dry run)");
    assertThat(imports.contexts).containsExactly(alice);
    assertThat(jobs.mine(alice.caller())).extracting(ImportJobs.Job::id).containsExactly(done.id());

    AccessContext bob = as("bob", Role.REGISTRANT);
    assertThatThrownBy(() -> jobs.find(bob.caller(), started.id())).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> jobs.find(alice.caller(), "not-a-job")).isInstanceOf(NotFound.class);
    assertThat(jobs.mine(bob.caller())).isEmpty();
  }

  @Test
  void oneRunningJobPerUserAndAFullQueueIsRefused() throws Exception {
    var jobs = jobs(1, 1, 10);
    AccessContext alice = as("alice", Role.REGISTRANT);
    AccessContext bob = as("bob", Role.REGISTRANT);
    AccessContext carol = as("carol", Role.ADMINISTRATOR);

    ImportJobs.Job running = jobs.start(alice, "a.csv", CSV, false);
    assertThat(imports.started.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(jobs.find(alice.caller(), running.id()).state()).isEqualTo(ImportJobs.State.RUNNING);

    assertThatThrownBy(() -> jobs.start(alice, "again.csv", CSV, false))
        .isInstanceOfSatisfying(
            ImportJobs.AlreadyRunning.class, e -> assertThat(e.job().id()).isEqualTo(running.id()))
        .hasMessageContaining("a.csv is still running");

    ImportJobs.Job queued = jobs.start(bob, "b.csv", CSV, false);
    assertThat(queued.state()).isEqualTo(ImportJobs.State.QUEUED);
    assertThat(queued.phase()).isEqualTo(ImportJobs.Phase.WAITING);

    assertThatThrownBy(() -> jobs.start(carol, "c.csv", CSV, false))
        .isInstanceOf(ImportJobs.Busy.class)
        .hasMessageContaining("nothing was stored");
    assertThat(jobs.mine(carol.caller())).as("a refused upload leaves no job").isEmpty();

    imports.release.countDown();
    assertThat(ended(jobs, alice, running.id()).state()).isEqualTo(ImportJobs.State.FINISHED);
    assertThat(ended(jobs, bob, queued.id()).state()).isEqualTo(ImportJobs.State.FINISHED);
    assertThat(jobs.start(alice, "again.csv", CSV, false).state())
        .as("once the first ended, the owner may start another")
        .isNotNull();
  }

  @Test
  void finishedJobsAreForgottenAfterTheirTimeOrBeyondTheBound() throws Exception {
    var jobs = jobs(2, 4, 2);
    imports.holding = false;
    AccessContext alice = as("alice", Role.REGISTRANT);
    var ids = new java.util.ArrayList<String>();
    for (String user : List.of("u1", "u2", "u3")) {
      var who = as(user, Role.REGISTRANT);
      ids.add(ended(jobs, who, jobs.start(who, user + ".csv", CSV, false).id()).id());
      clock.move(Duration.ofMinutes(1));
    }
    assertThatThrownBy(() -> jobs.find(as("u1", Role.REGISTRANT).caller(), ids.get(0)))
        .as("only the last two finished jobs are kept")
        .isInstanceOf(NotFound.class);
    assertThat(jobs.find(as("u2", Role.REGISTRANT).caller(), ids.get(1))).isNotNull();

    String last = ended(jobs, alice, jobs.start(alice, "late.csv", CSV, false).id()).id();
    clock.move(Duration.ofMinutes(59));
    assertThat(jobs.find(alice.caller(), last)).isNotNull();
    clock.move(Duration.ofMinutes(2));
    assertThatThrownBy(() -> jobs.find(alice.caller(), last)).isInstanceOf(NotFound.class);
  }

  @Test
  void emptyOrNonCsvFilesAndCallersWhoMayNotImportAreRefusedBeforeAnyJobStarts() {
    var jobs = jobs(1, 1, 10);
    AccessContext alice = as("alice", Role.REGISTRANT);
    record Case(byte[] content, String message) {}
    for (Case bad :
        List.of(
            new Case(new byte[0], "empty"),
            new Case(" \r\n\n".getBytes(StandardCharsets.UTF_8), "empty"),
            new Case(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\n'}, "empty"),
            new Case("%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1), "PDF"),
            new Case(new byte[] {'P', 'K', 3, 4, 20, 0}, "Excel"),
            new Case(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}, "Excel 97"),
            new Case(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10}, "PNG"),
            new Case(new byte[] {'a', ',', 'b', 0, 'c'}, "binary"))) {
      assertThatThrownBy(() -> jobs.start(alice, "x.csv", bad.content(), false))
          .as(bad.message())
          .isInstanceOfSatisfying(
              InvalidRequest.class, e -> assertThat(e.field()).isEqualTo("file"))
          .hasMessageContaining(bad.message());
    }
    imports.refuse = true;
    assertThatThrownBy(() -> jobs.start(as("eve", Role.INVESTIGATOR), "x.csv", CSV, false))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(jobs.mine(alice.caller())).isEmpty();
    assertThat(imports.contexts).isEmpty();
  }

  @Test
  void aFailingImportEndsTheJobAsFailedWithNothingStored() throws Exception {
    var jobs = jobs(1, 1, 10);
    AccessContext alice = as("alice", Role.REGISTRANT);
    imports.holding = false;
    imports.failure = new ConflictingState("machine M-1 changed during the import");
    var conflict = ended(jobs, alice, jobs.start(alice, "a.csv", CSV, false).id());
    assertThat(conflict.state()).isEqualTo(ImportJobs.State.FAILED);
    assertThat(conflict.failure())
        .isEqualTo("machine M-1 changed during the import; nothing was stored");

    imports.failure = new IllegalStateException("disk full");
    var broken = ended(jobs, alice, jobs.start(alice, "b.csv", CSV, false).id());
    assertThat(broken.failure())
        .contains("failed unexpectedly")
        .contains("nothing was stored")
        .doesNotContain("disk full");
    assertThat(broken.outcome()).isEqualTo("failed, nothing stored");
  }

  /** Reports progress like the real import, and can hold until released or fail. */
  static final class StandInImports extends RegistryImports {

    final List<AccessContext> contexts = new java.util.concurrent.CopyOnWriteArrayList<>();
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    volatile boolean holding = true;
    volatile boolean refuse;
    volatile RuntimeException failure;

    StandInImports() {
      super(null, null, null, null, null, null, Clock.systemUTC());
    }

    @Override
    public void requireImporter(AccessContext context) {
      if (refuse) {
        throw new AccessDeniedException("not an importer");
      }
    }

    @Override
    public ImportResult importCsv(
        AccessContext context,
        String fileName,
        byte[] content,
        boolean dryRun,
        ImportProgress progress) {
      contexts.add(context);
      progress.progress("checked", 0, 3);
      started.countDown();
      try {
        if (holding && !release.await(60, TimeUnit.SECONDS)) {
          throw new IllegalStateException("never released");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (failure != null) {
        throw failure;
      }
      progress.progress("stored", 3, 3);
      return new ImportResult(
          dryRun ? null : "id", fileName, 3, 3, 0, dryRun, !dryRun, 0, List.of(), 1);
    }
  }

  /** A clock the test moves forward; a copy in another zone moves with it. */
  static final class MovableClock extends Clock {

    private final java.util.concurrent.atomic.AtomicReference<Instant> now;
    private final ZoneId zone;

    MovableClock() {
      this(
          new java.util.concurrent.atomic.AtomicReference<>(Instant.parse("2026-03-04T10:00:00Z")),
          ZoneOffset.UTC);
    }

    private MovableClock(java.util.concurrent.atomic.AtomicReference<Instant> now, ZoneId zone) {
      this.now = now;
      this.zone = zone;
    }

    void move(Duration by) {
      now.updateAndGet(instant -> instant.plus(by));
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return new MovableClock(now, zone);
    }
  }
}
