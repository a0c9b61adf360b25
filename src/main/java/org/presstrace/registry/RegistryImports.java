package org.presstrace.registry;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AuditTrail;
import org.presstrace.access.Role;
import org.presstrace.registry.internal.ImportLog;
import org.presstrace.registry.internal.Machines;
import org.presstrace.registry.internal.Registrants;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk import of inventories and transfers from one CSV file (docs/registry-import.md), all or
 * nothing: every row is checked through the registry's own rules first; if any row is bad nothing
 * is stored and the result lists each problem by row and column; otherwise every row is stored in
 * one transaction. Equipment and custody events are written in JDBC batches, and each custody event
 * is then audited and published exactly as the API does, so the ledger appends it in the same
 * transaction.
 *
 * <p>Who may: a registrant's users for their own registrant; administrators of the operator agency
 * for any registrant, named on each row.
 */
@Service
public class RegistryImports {

  /** At most this many problems are listed; the count covers them all. */
  public static final int PROBLEM_LIMIT = 1000;

  private final Registry registry;
  private final Registrants registrants;
  private final Machines machines;
  private final ImportLog log;
  private final AuditTrail audit;
  private final SerialConflicts conflicts;
  private final Clock clock;

  RegistryImports(
      Registry registry,
      Registrants registrants,
      Machines machines,
      ImportLog log,
      AuditTrail audit,
      SerialConflicts conflicts,
      Clock clock) {
    this.conflicts = conflicts;
    this.registry = registry;
    this.registrants = registrants;
    this.machines = machines;
    this.log = log;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Checks {@code content} and, unless {@code dryRun} or a row is bad, stores it.
   *
   * @throws AccessDeniedException when the caller is neither a registrant user nor an operator
   *     administrator
   */
  @Transactional
  public ImportResult importCsv(
      AccessContext context,
      String fileName,
      byte[] content,
      boolean dryRun,
      ImportProgress progress) {
    long started = System.nanoTime();
    RegistrantView own = importer(context);
    String name = fileName == null || fileName.isBlank() ? "import.csv" : fileName.strip();
    ImportFile file = ImportFile.read(content);
    List<ImportProblem> problems = new ArrayList<>(file.problems());
    ImportCheck check = null;
    if (problems.isEmpty()) {
      ImportCheck.Clash clash =
          (registrant, make, serial, stored, row) ->
              conflicts.refuse(
                  context,
                  registrant,
                  make,
                  serial,
                  stored,
                  (dryRun ? "a dry run of import file " : "import file ") + name + ", row " + row);
      check = check(own, clash, file.rows(), progress);
      problems.addAll(check.problems());
    }
    long rows = file.rows().size();
    long inventory = check == null ? 0 : check.inventoryRows();
    long transfers = check == null ? 0 : check.transferRows();
    String id = null;
    if (problems.isEmpty() && !dryRun) {
      id = UUID.randomUUID().toString();
      store(context, check, progress, rows);
      log.insert(
          new ImportLog.Entry(
              id,
              truncate(name, 255),
              sha256(content),
              rows,
              inventory,
              transfers,
              context.caller().username(),
              context.caller().agency(),
              context.channel().name(),
              clock.instant()));
    }
    String outcome = !problems.isEmpty() ? "REFUSED" : dryRun ? "CHECKED" : "WRITTEN";
    audit.record(
        context,
        "IMPORT",
        "registry-import",
        id,
        outcome,
        name
            + ": "
            + rows
            + " rows ("
            + inventory
            + " inventory, "
            + transfers
            + " transfers), "
            + problems.size()
            + " problems");
    return new ImportResult(
        id,
        name,
        rows,
        inventory,
        transfers,
        dryRun,
        id != null,
        problems.size(),
        List.copyOf(problems.subList(0, Math.min(problems.size(), PROBLEM_LIMIT))),
        (System.nanoTime() - started) / 1_000_000);
  }

  /**
   * Refuses, before any file is read, a caller who may not import at all.
   *
   * @throws AccessDeniedException as {@link #importCsv} would
   */
  public void requireImporter(AccessContext context) {
    importer(context);
  }

  private RegistrantView importer(AccessContext context) {
    if (context.caller().has(Role.REGISTRANT)) {
      return registry
          .registrantOf(context.caller())
          .orElseThrow(
              () ->
                  new AccessDeniedException(
                      "only users of a registered registrant import for its equipment"));
    }
    try {
      registry.requireOperatorAdministrator(context);
    } catch (AccessDeniedException e) {
      throw new AccessDeniedException(
          "only registrant users (for their own registrant) and operator administrators import"
              + " registry files");
    }
    return null;
  }

  private ImportCheck check(
      RegistrantView own,
      ImportCheck.Clash clash,
      List<ImportFile.Row> rows,
      ImportProgress progress) {
    var serials = new LinkedHashSet<String>();
    for (ImportFile.Row row : rows) {
      String serial = row.get(ImportColumn.SERIAL);
      if (serial != null) {
        try {
          serials.add(new SerialNumber(serial).normalised());
        } catch (org.presstrace.shared.InvalidRequest e) {
          // reported when the row is checked
        }
      }
    }
    var check =
        new ImportCheck(
            registry, registrants, clash, own, clock.instant(), machines.bySerials(serials));
    long done = 0;
    progress.progress("checked", 0, rows.size());
    for (ImportFile.Row row : rows) {
      check.check(row);
      if (++done % progress.every() == 0) {
        progress.progress("checked", done, rows.size());
      }
    }
    if (done % progress.every() != 0) {
      progress.progress("checked", done, rows.size());
    }
    return check;
  }

  private void store(AccessContext context, ImportCheck check, ImportProgress progress, long rows) {
    progress.progress("stored", 0, rows);
    Instant now = clock.instant();
    var items = check.items();
    machines.insertAll(
        items.stream()
            .filter(ImportCheck.Item::fromFile)
            .map(
                item ->
                    new Machines.NewRow(
                        item.machine, item.spec, item.manufacturer, item.ownerAgency, item.legacy))
            .toList(),
        now);
    machines.updateAll(
        items.stream()
            .filter(item -> !item.fromFile())
            .map(
                item -> new Machines.Changed(item.machine, item.ownerAgency, item.stored.version()))
            .toList(),
        now);
    String by = context.caller().username();
    var events = new ArrayList<Machines.NewEvent>(check.recorded().size());
    for (ImportCheck.Recorded recorded : check.recorded()) {
      ImportCheck.Item item = recorded.item();
      item.seq++;
      events.add(new Machines.NewEvent(recorded.event(), item.seq, by, recorded.reportedAt()));
    }
    long done = 0;
    for (CustodyStored stored : machines.appendAll(events)) {
      registry.announce(context, stored);
      if (++done % progress.every() == 0) {
        progress.progress("stored", done, rows);
      }
    }
    if (done % progress.every() != 0) {
      progress.progress("stored", done, rows);
    }
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String truncate(String text, int limit) {
    return text.length() <= limit ? text : text.substring(0, limit);
  }
}
