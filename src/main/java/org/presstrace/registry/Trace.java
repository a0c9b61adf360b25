package org.presstrace.registry;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.presstrace.access.AccessContext;
import org.presstrace.access.Caller;
import org.presstrace.access.Criteria;
import org.presstrace.access.Derivations;
import org.presstrace.access.GuardedReads;
import org.presstrace.access.LagTolerant;
import org.presstrace.access.Marking;
import org.presstrace.registry.internal.Machines;
import org.presstrace.registry.internal.Registrants;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.Page;
import org.presstrace.shared.PageQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trace: find registered equipment by serial (exact, loosely normalised, or a pattern for a partly
 * obliterated serial) or by make and model, with its chain of custody, last lawful holder, open
 * loss or theft report and installed parts. Every read goes through {@link GuardedReads}: it needs
 * a purpose, shows only what the policy lets the caller read, and is audited.
 */
@Service
public class Trace {

  /** The protected kind of machines, parts and moulds, e.g. a source of a derived record. */
  public static final org.presstrace.access.ProtectedKind MACHINE_KIND = Machines.KIND;

  /** At most this many items per trace; narrow the search to see others. */
  public static final int LIMIT = 25;

  private final GuardedReads reads;
  private final Registrants registrants;
  private final Deadlines deadlines;
  private final Clock clock;

  private final Derivations derivations;

  Trace(
      GuardedReads reads,
      Registrants registrants,
      Deadlines deadlines,
      Clock clock,
      Derivations derivations) {
    this.derivations = derivations;
    this.reads = reads;
    this.registrants = registrants;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  /**
   * What to look for: exactly one of a serial, a pattern, or a make with a model.
   *
   * @param serial a serial, matched exactly or after normalisation
   * @param pattern a pattern with {@code ?} and {@code *}
   */
  public record Query(String serial, String pattern, String make, String model) {

    public Query {
      int given =
          (blank(serial) ? 0 : 1)
              + (blank(pattern) ? 0 : 1)
              + (blank(make) && blank(model) ? 0 : 1);
      if (given != 1) {
        throw new InvalidRequest(
            "serial", "give exactly one of: a serial, a pattern, or a make and model");
      }
      if (blank(serial) && blank(pattern) && (blank(make) || blank(model))) {
        throw new InvalidRequest(blank(make) ? "make" : "model", "give both make and model");
      }
    }

    public static Query serial(String serial) {
      return new Query(serial, null, null, null);
    }

    public static Query pattern(String pattern) {
      return new Query(null, pattern, null, null);
    }

    private static boolean blank(String text) {
      return text == null || text.isBlank();
    }
  }

  /**
   * A pattern trace: {@code LIKE} over the normalised serials, narrowed to the range of serials
   * that begin with the pattern's fixed prefix when it has one, so that the serial index answers it
   * on every database. Normalised serials hold only 0-9 and A-Z, and Z sorts last under any
   * collation, so every serial with the prefix lies between the prefix and the prefix padded with
   * Z.
   */
  static Criteria patternCriteria(SerialPattern pattern) {
    // with LIKE's own escape character, the backslash on PostgreSQL and H2 alike: an ESCAPE clause
    // made PostgreSQL's generic plan call like_escape for every serial it checked
    String like = "r.serial_normalised LIKE :pattern";
    String prefix = pattern.fixedPrefix();
    if (prefix.isEmpty()) {
      return Criteria.search(like, Map.of("pattern", pattern.like()));
    }
    String last = prefix + "Z".repeat(SerialNumber.MAX_LENGTH - prefix.length());
    // The range's serials are checked against the pattern in the serial index alone (its leaves
    // hold the serial and the id), so the table is read for the matches only, not for every serial
    // with the prefix; the range stays on the outer read too, so no plan reads more than before.
    return Criteria.search(
        "r.serial_normalised BETWEEN :first AND :last AND r.id IN (SELECT p.id FROM machine p"
            + " WHERE p.serial_normalised BETWEEN :first AND :last"
            + " AND p.serial_normalised LIKE :pattern)",
        Map.of("first", prefix, "last", last, "pattern", pattern.like()));
  }

  /**
   * The items matching {@code query} that the caller may read, each with its history; may be read
   * from the replica.
   */
  @LagTolerant
  public List<TracedMachine> trace(AccessContext context, Query query) {
    Criteria criteria;
    String how;
    if (query.serial() != null && !query.serial().isBlank()) {
      var serial = new SerialNumber(query.serial());
      criteria =
          Criteria.search("r.serial_normalised = :serial", Map.of("serial", serial.normalised()));
      how = serial.asEntered();
    } else if (query.pattern() != null && !query.pattern().isBlank()) {
      var pattern = new SerialPattern(query.pattern());
      criteria = patternCriteria(pattern);
      how = null;
    } else {
      criteria =
          Criteria.search(
              "r.make_key = :make AND r.model_key = :model",
              Map.of(
                  "make",
                  Machines.makeKey(query.make()),
                  "model",
                  Machines.modelKey(query.model())));
      how = null;
    }
    // The search, the parts and the histories each leave their audit entries as before; they are
    // written together in one insert as the trace returns, and the histories of the machines the
    // search has just shown are not checked again.
    return reads.together(
        context,
        () -> {
          Page<MachineView> found =
              reads.page(
                  context,
                  Machines.KIND,
                  criteria.orderBy("r.serial_normalised"),
                  new PageQuery(0, LIMIT),
                  Machines::view);
          return traced(context, found.items(), query, how);
        });
  }

  /** The equipment held by {@code registrantId} that the caller may read (one page). */
  @Transactional
  public Page<MachineView> heldBy(AccessContext context, String registrantId, PageQuery page) {
    return reads.page(
        context,
        Machines.KIND,
        Criteria.where("r.current_holder = :holder", Map.of("holder", registrantId))
            .orderBy("r.make, r.model, r.serial_normalised"),
        page,
        Machines::view);
  }

  /**
   * The equipment held by {@code registrantId} that the caller may read, narrowed by {@code filter}
   * (one page); the filter is added to the policy's filter, so the total counts only readable
   * items.
   */
  @Transactional
  public Page<MachineView> heldBy(
      AccessContext context, String registrantId, EquipmentFilter filter, PageQuery page) {
    var where = new StringBuilder("r.current_holder = :holder");
    var parameters = new java.util.HashMap<String, Object>();
    parameters.put("holder", registrantId);
    if (filter.kind() != null) {
      where.append(" AND r.kind = :kind");
      parameters.put("kind", filter.kind().name());
    }
    if (filter.state() != null) {
      where.append(" AND r.state = :state");
      parameters.put("state", filter.state().name());
    }
    String serial = filter.normalisedSerial();
    if (serial != null) {
      // normalised serials hold only 0-9 and A-Z, so the text needs no LIKE escaping
      where.append(" AND r.serial_normalised LIKE :serial");
      parameters.put("serial", "%" + serial + "%");
    }
    return reads.page(
        context,
        Machines.KIND,
        new Criteria(where.toString(), parameters, null, !filter.equals(EquipmentFilter.none()))
            .orderBy("r.make, r.model, r.serial_normalised"),
        page,
        Machines::view);
  }

  /** Every readable item (the policy decides which), one page. */
  @Transactional
  public Page<MachineView> page(AccessContext context, PageQuery page) {
    return reads.page(
        context,
        Machines.KIND,
        Criteria.all().orderBy("r.make, r.model, r.serial_normalised"),
        page,
        Machines::view);
  }

  /**
   * Every item the caller may read (the policy decides which, releases included), oldest first,
   * each with its marking and its times of registration and last change: what the caller may share
   * onward, as the TAXII pill-press collection does. One audited read.
   */
  @Transactional
  public List<SharedMachine> everyReadable(AccessContext context) {
    return reads.all(
        context,
        Machines.KIND,
        Criteria.all().orderBy("r.created_at, r.id"),
        (rs, row) ->
            new SharedMachine(
                Machines.view(rs, row),
                GuardedReads.markingOf(rs),
                rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", java.time.OffsetDateTime.class).toInstant()));
  }

  /** What a page says in place of equipment the reader may not read. */
  public static final String EQUIPMENT_OUTSIDE_ACCESS = "equipment outside your access";

  /**
   * How a page names each of {@code ids}: make, model and serial of the items the caller may read
   * (one guarded, audited read under the context's purpose), {@link #EQUIPMENT_OUTSIDE_ACCESS} for
   * the others.
   */
  @Transactional
  public Map<String, String> equipmentNames(
      AccessContext context, java.util.Collection<String> ids) {
    var wanted = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
    var names = new LinkedHashMap<String, String>();
    if (wanted.isEmpty()) {
      return names;
    }
    wanted.forEach(id -> names.put(id, EQUIPMENT_OUTSIDE_ACCESS));
    for (int from = 0; from < wanted.size(); from += PageQuery.MAX_SIZE) {
      var some = wanted.subList(from, Math.min(wanted.size(), from + PageQuery.MAX_SIZE));
      reads
          .page(
              context,
              Machines.KIND,
              Criteria.where("r.id IN (:ids)", Map.of("ids", some)),
              new PageQuery(0, PageQuery.MAX_SIZE),
              Machines::view)
          .items()
          .forEach(
              machine ->
                  names.put(
                      machine.id(),
                      machine.make() + " " + machine.model() + ", serial " + machine.serial()));
    }
    return names;
  }

  /** One item, if the caller may read it. */
  @Transactional(noRollbackFor = org.presstrace.shared.NotFound.class)
  public MachineView machine(AccessContext context, String id) {
    return reads.one(context, Machines.KIND, id, Machines::view);
  }

  /** The chain of custody of one item, if the caller may read the item. */
  @Transactional(noRollbackFor = org.presstrace.shared.NotFound.class)
  public List<CustodyEntry> custody(AccessContext context, String id) {
    Instant now = clock.instant();
    Caller caller = context.caller();
    return reads.history(
        context,
        Machines.KIND,
        id,
        Machines.CUSTODY_SQL,
        Map.of("id", id),
        (rs, row) -> {
          CustodyEntry entry = Machines.entry(rs, deadlines, now);
          Marking own = Machines.eventMarking(rs);
          return own == null || derivations.showsContent(caller, own) ? entry : entry.factOnly();
        });
  }

  /** The chains of custody of the items among {@code ids} the caller may read, in one read. */
  private Map<String, List<CustodyEntry>> custody(AccessContext context, List<String> ids) {
    Instant now = clock.instant();
    Caller caller = context.caller();
    return reads.histories(
        context,
        Machines.KIND,
        ids,
        Machines.CUSTODY_OF_MANY_SQL,
        "machine_id",
        (rs, row) -> {
          CustodyEntry entry = Machines.entry(rs, deadlines, now);
          Marking own = Machines.eventMarking(rs);
          return own == null || derivations.showsContent(caller, own) ? entry : entry.factOnly();
        });
  }

  private List<TracedMachine> traced(
      AccessContext context, List<MachineView> machines, Query query, String exactSerial) {
    if (machines.isEmpty()) {
      return List.of();
    }
    var parts = new LinkedHashMap<String, List<MachineView>>();
    var ids = machines.stream().map(MachineView::id).toList();
    reads
        .page(
            context,
            Machines.KIND,
            Criteria.where("r.installed_in IN (:machines)", Map.of("machines", ids))
                .orderBy("r.kind, r.serial_normalised"),
            new PageQuery(0, PageQuery.MAX_SIZE),
            Machines::view)
        .items()
        .forEach(
            part -> parts.computeIfAbsent(part.installedIn(), k -> new ArrayList<>()).add(part));
    Map<String, List<CustodyEntry>> histories = custody(context, ids);
    var holders = registrants.byIds(machines.stream().map(MachineView::holder).toList());
    var result = new ArrayList<TracedMachine>();
    for (MachineView machine : machines) {
      List<CustodyEntry> custody = histories.get(machine.id());
      if (custody == null) {
        // Read a moment ago under the same filter in the same transaction: only a change of its
        // marking in between hides it now, and then it is left out like any hidden machine.
        continue;
      }
      String match =
          exactSerial != null
              ? (machine.serial().equals(exactSerial) ? "EXACT" : "NORMALISED")
              : query.pattern() != null && !query.pattern().isBlank() ? "PATTERN" : "MAKE_MODEL";
      result.add(
          new TracedMachine(
              machine,
              match,
              custody,
              machine.holder() == null ? null : holders.get(machine.holder()),
              openLossOrTheft(machine, custody),
              parts.getOrDefault(machine.id(), List.of())));
    }
    return result;
  }

  private static List<CustodyEntry> openLossOrTheft(
      MachineView machine, List<CustodyEntry> custody) {
    if (machine.state() != CustodyState.LOST && machine.state() != CustodyState.STOLEN) {
      return List.of();
    }
    for (int i = custody.size() - 1; i >= 0; i--) {
      String type = custody.get(i).type();
      if (type.equals("MachineReportedLost") || type.equals("MachineReportedStolen")) {
        return List.of(custody.get(i));
      }
    }
    return List.of();
  }
}
