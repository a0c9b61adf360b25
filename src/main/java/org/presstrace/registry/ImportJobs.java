package org.presstrace.registry;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AuditTrail;
import org.presstrace.access.Caller;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Purpose;
import org.presstrace.registry.internal.ImportJobStore;
import org.presstrace.registry.internal.ImportJobsProperties;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registry imports run in the background so that the page and the API can show their progress
 * (docs/registry-import.md). Each job runs {@link RegistryImports#importCsv} as the user who
 * uploaded it (on the channel and with the purpose of the upload); its audit entries carry that
 * user and the upload's request id.
 *
 * <p>Jobs live in the database, so that any node on it runs them and shows their progress: the
 * uploaded file is stored with the job, and the job scheduled (a db-scheduler execution), in one
 * transaction before the upload is acknowledged. Any node may pick the job; each node runs at most
 * {@code presstrace.registry.import-jobs.threads} at once, and at most {@code threads + queue} may
 * wait or run on the database at once (more are refused as {@link Busy}). The import and the end of
 * its job commit in one transaction, so an import is stored whole with its job marked finished, or
 * not at all: when the node running it dies, another node takes the job over once the first stops
 * sending heartbeats and imports the file again from its start. A job id is a random UUID, a job is
 * visible only to the user who started it, each user runs one job at a time, and finished jobs are
 * forgotten after {@code keep} (default one hour) or when more than {@code kept} have finished.
 */
@Service
public class ImportJobs {

  private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

  /** Jobs report progress this many rows apart. */
  static final int PROGRESS_EVERY = 1000;

  /** The background task that runs an import job; its data is the job id. */
  public static final TaskDescriptor<String> TASK =
      TaskDescriptor.of("registry-import", String.class);

  /** How soon a job that found this node's workers busy looks again. */
  static final Duration RETRY_WHEN_BUSY = Duration.ofMillis(500);

  /** Where a job stands. */
  public enum State {
    QUEUED,
    RUNNING,
    FINISHED,
    FAILED
  }

  /** What a running job is doing. */
  public enum Phase {
    WAITING,
    CHECKING,
    STORING,
    DONE
  }

  /**
   * One job as it stands now.
   *
   * @param total the file's data rows; 0 until the file has been read
   * @param done rows finished in the current phase
   * @param result what the import did, once {@link State#FINISHED}
   * @param failure why the import could not finish, once {@link State#FAILED} (nothing stored)
   */
  public record Job(
      String id,
      String fileName,
      boolean dryRun,
      State state,
      Phase phase,
      long done,
      long total,
      Instant startedAt,
      Instant finishedAt,
      ImportResult result,
      String failure) {

    public boolean running() {
      return state == State.QUEUED || state == State.RUNNING;
    }

    /** In a few words: queued, running, stored, checked (dry run), refused or failed. */
    public String outcome() {
      return switch (state) {
        case QUEUED -> "queued";
        case RUNNING -> "running";
        case FAILED -> "failed, nothing stored";
        case FINISHED ->
            result.stored()
                ? "stored"
                : result.valid() ? "checked, nothing stored (dry run)" : "refused, nothing stored";
      };
    }
  }

  /** The caller already has a job running; {@link #job()} is that job. */
  public static class AlreadyRunning extends ConflictingState {

    private final transient Job job;

    AlreadyRunning(Job job) {
      super(
          "your import of "
              + job.fileName()
              + " is still running: wait for it to finish before uploading another file");
      this.job = job;
    }

    public Job job() {
      return job;
    }
  }

  /** Every worker is busy and the queue is full; nothing was started or stored. */
  public static class Busy extends RuntimeException {

    Busy() {
      super(
          "the registry is busy with other imports: nothing was stored; upload the file again in a"
              + " few minutes");
    }
  }

  private final RegistryImports imports;
  private final ImportJobStore store;
  private final Directory directory;
  private final Clock clock;
  private final Duration keep;
  private final int kept;
  private final int capacity;
  private final Semaphore workers;
  private final ObjectProvider<Scheduler> scheduler;
  private final String node;
  private final JsonMapper json;
  private final TransactionTemplate inTransaction;
  private final TransactionTemplate inOwnTransaction;

  ImportJobs(
      RegistryImports imports,
      ImportJobStore store,
      Directory directory,
      Clock clock,
      ImportJobsProperties settings,
      ObjectProvider<Scheduler> scheduler,
      SchedulerName node,
      JsonMapper json,
      PlatformTransactionManager transactions) {
    this.imports = imports;
    this.store = store;
    this.directory = directory;
    this.clock = clock;
    this.keep = settings.keep();
    this.kept = settings.kept();
    this.capacity = settings.threads() + settings.queue();
    this.workers = new Semaphore(settings.threads());
    this.scheduler = scheduler;
    this.node = node.getName();
    this.json = json;
    this.inTransaction = new TransactionTemplate(transactions);
    this.inOwnTransaction = new TransactionTemplate(transactions);
    inOwnTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Stores {@code content} as a job of {@code context}'s caller and schedules it; returns the
   * queued job once both are committed, so that any node can run it.
   *
   * @throws AccessDeniedException when the caller may not import
   * @throws InvalidRequest naming {@code file} when the file is empty or not a CSV file
   * @throws AlreadyRunning when the caller's previous job has not finished
   * @throws Busy when {@code threads + queue} jobs are waiting or running already
   */
  public Job start(AccessContext context, String fileName, byte[] content, boolean dryRun) {
    imports.requireImporter(context);
    String notCsv = ImportFile.notCsv(content);
    if (notCsv != null) {
      throw new InvalidRequest("file", notCsv);
    }
    String name = fileName == null || fileName.isBlank() ? "import.csv" : fileName.strip();
    String requestId = MDC.get(AuditTrail.REQUEST_ID);
    String username = context.caller().username();
    String id = UUID.randomUUID().toString();
    Job job =
        inOwnTransaction.execute(
            status -> {
              forgetOld();
              var running = store.unfinishedOf(username);
              if (running.isPresent()) {
                throw new AlreadyRunning(job(running.get()));
              }
              if (store.unfinished() >= capacity) {
                throw new Busy();
              }
              Instant now = clock.instant();
              store.insert(
                  id,
                  username,
                  context.channel().name(),
                  context.purpose() == null ? null : context.purpose().text(),
                  requestId,
                  name,
                  dryRun,
                  content,
                  now);
              scheduler.getObject().schedule(TASK.instance(id).data(id).scheduledTo(now));
              return job(store.find(id).orElseThrow());
            });
    scheduler.getObject().triggerCheckForDueExecutions();
    return job;
  }

  /**
   * The caller's job {@code id}.
   *
   * @throws NotFound when there is no such job, it was forgotten, or another user started it
   */
  public Job find(Caller caller, String id) {
    forgetOld();
    return store
        .find(id)
        .filter(row -> row.username().equals(caller.username()))
        .map(this::job)
        .orElseThrow(() -> new NotFound("import job", id));
  }

  /** The caller's jobs still remembered, newest first. */
  public List<Job> mine(Caller caller) {
    forgetOld();
    return store.ofUser(caller.username()).stream().map(this::job).toList();
  }

  /**
   * Runs job {@code id} on this node when one of its workers is free (else looks again shortly);
   * does nothing for a job that has ended or been forgotten. The scheduler calls it.
   */
  public CompletionHandler<String> run(String id) {
    if (!workers.tryAcquire()) {
      return (complete, operations) ->
          operations.reschedule(complete, clock.instant().plus(RETRY_WHEN_BUSY));
    }
    try {
      runHere(id);
    } finally {
      workers.release();
    }
    scheduler.ifAvailable(Scheduler::triggerCheckForDueExecutions);
    return new CompletionHandler.OnCompleteRemove<>();
  }

  private void runHere(String id) {
    var found = store.find(id);
    if (found.isEmpty() || !store.begin(id, node)) {
      return;
    }
    ImportJobStore.Row row = found.get();
    if (row.attempts() > 0) {
      log.warn("registry import job {} taken over by {} from {}", id, node, row.node());
    }
    if (row.requestId() != null) {
      MDC.put(AuditTrail.REQUEST_ID, row.requestId());
    }
    try {
      var caller = directory.caller(row.username());
      if (caller.isEmpty()) {
        end(id, null, "user " + row.username() + " no longer exists; nothing was stored");
        return;
      }
      var context =
          new AccessContext(
              caller.get(),
              Channel.valueOf(row.channel()),
              row.purpose() == null ? null : new Purpose(row.purpose()));
      byte[] content = store.content(id).orElse(null);
      if (content == null) {
        return;
      }
      ImportProgress progress =
          new ImportProgress() {
            @Override
            public int every() {
              return PROGRESS_EVERY;
            }

            @Override
            public void progress(String phase, long done, long total) {
              inOwnTransaction.executeWithoutResult(
                  status ->
                      store.progress(
                          id,
                          "stored".equals(phase) ? Phase.STORING.name() : Phase.CHECKING.name(),
                          done,
                          total));
            }
          };
      try {
        inTransaction.executeWithoutResult(
            status -> {
              ImportResult result =
                  imports.importCsv(context, row.fileName(), content, row.dryRun(), progress);
              store.end(
                  id,
                  State.FINISHED.name(),
                  json.writeValueAsString(result),
                  null,
                  clock.instant());
            });
      } catch (InvalidRequest | ConflictingState | AccessDeniedException e) {
        end(id, null, e.getMessage() + "; nothing was stored");
      } catch (RuntimeException e) {
        log.error("registry import job {} failed", id, e);
        end(
            id,
            null,
            "the import failed unexpectedly and nothing was stored; quote request id "
                + row.requestId()
                + " to the operators");
      }
    } finally {
      MDC.remove(AuditTrail.REQUEST_ID);
    }
  }

  private void end(String id, ImportResult result, String failure) {
    inOwnTransaction.executeWithoutResult(
        status ->
            store.end(
                id,
                result == null ? State.FAILED.name() : State.FINISHED.name(),
                result == null ? null : json.writeValueAsString(result),
                failure == null ? null : abbreviate(failure),
                clock.instant()));
  }

  private static String abbreviate(String text) {
    return text.length() > 2000 ? text.substring(0, 2000) : text;
  }

  private void forgetOld() {
    inOwnTransaction.executeWithoutResult(
        status -> store.forget(clock.instant().minus(keep), kept));
  }

  private Job job(ImportJobStore.Row row) {
    return new Job(
        row.id(),
        row.fileName(),
        row.dryRun(),
        State.valueOf(row.state()),
        Phase.valueOf(row.phase()),
        row.done(),
        row.total(),
        row.startedAt(),
        row.finishedAt(),
        row.resultJson() == null ? null : json.readValue(row.resultJson(), ImportResult.class),
        row.failure());
  }
}
