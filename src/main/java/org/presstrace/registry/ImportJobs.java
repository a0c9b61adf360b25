package org.presstrace.registry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AuditTrail;
import org.presstrace.access.Caller;
import org.presstrace.registry.internal.ImportJobsProperties;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Registry imports run in the background so that the page and the API can show their progress
 * (docs/registry-import.md). Each job runs {@link RegistryImports#importCsv} with exactly the
 * {@link AccessContext} its caller had when uploading, on a small bounded pool; its audit entries
 * carry that caller and the upload's request id.
 *
 * <p>Jobs live in memory only: a job id is a random UUID, a job is visible only to the user who
 * started it, each user runs one job at a time, and finished jobs are forgotten after {@code
 * presstrace.registry.import-jobs.keep} (default one hour) or when more than {@code kept} have
 * finished. A restart forgets jobs in flight; the import's own transaction means a job cut off
 * half-way stored nothing.
 */
@Service
public class ImportJobs implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

  /** Jobs report progress this many rows apart. */
  static final int PROGRESS_EVERY = 1000;

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
  private final Clock clock;
  private final Duration keep;
  private final int kept;
  private final ThreadPoolExecutor pool;
  private final Map<String, Entry> jobs = new LinkedHashMap<>();

  ImportJobs(RegistryImports imports, Clock clock, ImportJobsProperties settings) {
    int threads = settings.threads();
    int queue = settings.queue();
    Duration keep = settings.keep();
    int kept = settings.kept();
    this.imports = imports;
    this.clock = clock;
    this.keep = keep;
    this.kept = kept;
    var names = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            1,
            TimeUnit.MINUTES,
            new ArrayBlockingQueue<>(queue),
            task -> {
              var thread = new Thread(task, "registry-import-" + names.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    pool.allowCoreThreadTimeOut(true);
  }

  /**
   * Starts importing {@code content} as {@code context}'s caller and returns the queued job.
   *
   * @throws AccessDeniedException when the caller may not import
   * @throws InvalidRequest naming {@code file} when the file is empty or not a CSV file
   * @throws AlreadyRunning when the caller's previous job has not finished
   * @throws Busy when every worker is busy and the queue is full
   */
  public Job start(AccessContext context, String fileName, byte[] content, boolean dryRun) {
    imports.requireImporter(context);
    String notCsv = ImportFile.notCsv(content);
    if (notCsv != null) {
      throw new InvalidRequest("file", notCsv);
    }
    String name = fileName == null || fileName.isBlank() ? "import.csv" : fileName.strip();
    String requestId = MDC.get(AuditTrail.REQUEST_ID);
    synchronized (jobs) {
      forgetOld();
      String username = context.caller().username();
      for (Entry entry : jobs.values()) {
        if (entry.username.equals(username) && entry.snapshot().running()) {
          throw new AlreadyRunning(entry.snapshot());
        }
      }
      var entry = new Entry(UUID.randomUUID().toString(), username, name, dryRun, clock.instant());
      try {
        pool.execute(() -> run(entry, context, content, requestId));
      } catch (RejectedExecutionException e) {
        throw new Busy();
      }
      jobs.put(entry.id, entry);
      return entry.snapshot();
    }
  }

  /**
   * The caller's job {@code id}.
   *
   * @throws NotFound when there is no such job, it was forgotten, or another user started it
   */
  public Job find(Caller caller, String id) {
    synchronized (jobs) {
      forgetOld();
      Entry entry = jobs.get(id);
      if (entry == null || !entry.username.equals(caller.username())) {
        throw new NotFound("import job", id);
      }
      return entry.snapshot();
    }
  }

  /** The caller's jobs still remembered, newest first. */
  public List<Job> mine(Caller caller) {
    synchronized (jobs) {
      forgetOld();
      return jobs.values().stream()
          .filter(entry -> entry.username.equals(caller.username()))
          .map(Entry::snapshot)
          .sorted(Comparator.comparing(Job::startedAt).reversed())
          .toList();
    }
  }

  private void run(Entry entry, AccessContext context, byte[] content, String requestId) {
    if (requestId != null) {
      MDC.put(AuditTrail.REQUEST_ID, requestId);
    }
    entry.begin();
    try {
      entry.finish(imports.importCsv(context, entry.fileName, content, entry.dryRun, entry), null);
    } catch (InvalidRequest | ConflictingState | AccessDeniedException e) {
      entry.finish(null, e.getMessage() + "; nothing was stored");
    } catch (RuntimeException e) {
      log.error("registry import job {} failed", entry.id, e);
    } finally {
      if (!entry.finished()) {
        entry.finish(
            null,
            "the import failed unexpectedly and nothing was stored; quote request id "
                + requestId
                + " to the operators");
      }
      MDC.remove(AuditTrail.REQUEST_ID);
      synchronized (jobs) {
        forgetOld();
      }
    }
  }

  /** Forgets finished jobs older than {@code keep}, then the oldest beyond {@code kept}. */
  private void forgetOld() {
    Instant cutoff = clock.instant().minus(keep);
    jobs.values()
        .removeIf(entry -> entry.finished() && entry.snapshot().finishedAt().isBefore(cutoff));
    long finished = jobs.values().stream().filter(Entry::finished).count();
    var oldest = jobs.values().iterator();
    while (finished > kept && oldest.hasNext()) {
      if (oldest.next().finished()) {
        oldest.remove();
        finished--;
      }
    }
  }

  @Override
  public void destroy() {
    pool.shutdownNow();
  }

  /** A job's changing state; the import reports its progress to it. */
  private final class Entry implements ImportProgress {

    final String id;
    final String username;
    final String fileName;
    final boolean dryRun;
    final Instant startedAt;
    private State state = State.QUEUED;
    private Phase phase = Phase.WAITING;
    private long done;
    private long total;
    private Instant finishedAt;
    private ImportResult result;
    private String failure;

    Entry(String id, String username, String fileName, boolean dryRun, Instant startedAt) {
      this.id = id;
      this.username = username;
      this.fileName = fileName;
      this.dryRun = dryRun;
      this.startedAt = startedAt;
    }

    synchronized void begin() {
      phase = Phase.CHECKING;
      state = State.RUNNING;
    }

    @Override
    public int every() {
      return PROGRESS_EVERY;
    }

    @Override
    public synchronized void progress(String reported, long done, long total) {
      this.phase = "stored".equals(reported) ? Phase.STORING : Phase.CHECKING;
      this.done = done;
      this.total = total;
    }

    synchronized boolean finished() {
      return finishedAt != null;
    }

    synchronized void finish(ImportResult result, String failure) {
      this.result = result;
      this.failure = failure;
      this.phase = Phase.DONE;
      this.finishedAt = clock.instant();
      this.state = result != null ? State.FINISHED : State.FAILED;
    }

    synchronized Job snapshot() {
      return new Job(
          id, fileName, dryRun, state, phase, done, total, startedAt, finishedAt, result, failure);
    }
  }
}
