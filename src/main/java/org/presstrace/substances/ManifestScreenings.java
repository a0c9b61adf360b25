package org.presstrace.substances;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.presstrace.access.AccessContext;
import org.presstrace.access.Caller;
import org.presstrace.access.Criteria;
import org.presstrace.access.GuardedReads;
import org.presstrace.access.Marking;
import org.presstrace.access.ProtectedKind;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.presstrace.shared.Page;
import org.presstrace.shared.PageQuery;
import org.presstrace.substances.internal.ScreeningStore;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stored manifest screenings. A screened manifest is agency data: it is stored with its lines and
 * verdicts, owned by the screening user's agency and marked TLP:AMBER (it stays in the agency
 * unless released), and every read goes through {@link GuardedReads}. The list version screened
 * against is recorded, so that a later designation screens the manifest again and raises {@link
 * ScreeningAlert}s, which carry the manifest's marking.
 */
@Service
public class ManifestScreenings {

  /** Stored screenings; no purpose needed (the user's own agency's manifests). */
  public static final ProtectedKind KIND =
      new ProtectedKind(
          "manifest-screening",
          "manifest_screening",
          "r.id, r.title, r.lines, r.flagged, r.list_version, r.screened_by, r.screened_at, "
              + ProtectedKind.MARKING_COLUMNS,
          false);

  /** Alerts raised when a designation makes a stored manifest line match. */
  public static final ProtectedKind ALERT_KIND =
      new ProtectedKind(
          "screening-alert",
          "screening_alert",
          "r.id, r.screening_id, r.line_no, r.description, r.substance_id, r.substance_name,"
              + " r.reason, r.score, r.designation_id, r.jurisdiction, r.instrument, r.category,"
              + " r.effective_from, r.raised_at, "
              + ProtectedKind.MARKING_COLUMNS,
          false);

  /** The most lines one screening takes. */
  public static final int MAX_LINES = 10_000;

  private static final int MAX_DESCRIPTION = 1000;

  private final ScreeningStore store;
  private final GuardedReads reads;
  private final Substances substances;
  private final Designations designations;
  private final Clock clock;

  ManifestScreenings(
      ScreeningStore store,
      GuardedReads reads,
      Substances substances,
      Designations designations,
      Clock clock) {
    this.store = store;
    this.reads = reads;
    this.substances = substances;
    this.designations = designations;
    this.clock = clock;
  }

  /**
   * Screens {@code lines} against the reference list as stored now and stores the result, owned by
   * the caller's agency.
   */
  @Transactional
  public ScreeningDetail screen(AccessContext context, String title, List<ManifestLine> lines) {
    Caller caller = context.caller();
    if (!caller.has(Role.INVESTIGATOR)
        && !caller.has(Role.ANALYST)
        && !caller.has(Role.SUPERVISOR)) {
      throw new AccessDeniedException(
          "only investigators, analysts and supervisors store manifest screenings");
    }
    validate(lines);
    String name = title == null || title.isBlank() ? "Manifest" : title.strip();
    if (name.length() > 200) {
      throw new InvalidRequest("title", "title is over 200 characters");
    }
    ManifestScreen screen = substances.manifestScreen();
    var screened = new ArrayList<ScreenedLine>();
    List<ManifestVerdict> verdicts = screen.screenAll(lines);
    for (int i = 0; i < lines.size(); i++) {
      ManifestVerdict verdict = verdicts.get(i);
      screened.add(
          new ScreenedLine(lines.get(i), verdict.flagged(), verdict.score(), verdict.hits()));
    }
    String id = UUID.randomUUID().toString();
    int version = designations.currentListVersion();
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    Marking marking = Marking.of(caller.agency(), Tlp.AMBER);
    int flagged = (int) screened.stream().filter(ScreenedLine::flagged).count();
    var summary =
        new ScreeningSummary(
            id,
            name,
            lines.size(),
            flagged,
            version,
            caller.username(),
            now,
            marking.ownerAgency(),
            marking.banner());
    store.insert(summary, marking);
    for (ScreenedLine line : screened) {
      store.insertLine(id, line);
    }
    return new ScreeningDetail(summary, screened);
  }

  /** Screenings the caller may read, newest first; {@code mine} keeps the caller's own. */
  public Page<ScreeningSummary> page(AccessContext context, boolean mine, PageQuery page) {
    Criteria criteria =
        mine
            ? Criteria.where("r.screened_by = :me", Map.of("me", context.caller().username()))
            : Criteria.all();
    return reads.page(
        context, KIND, criteria.orderBy("r.screened_at DESC"), page, ManifestScreenings::summary);
  }

  /** One screening with its lines and hits, if the caller may read it. */
  @Transactional(noRollbackFor = NotFound.class)
  public ScreeningDetail get(AccessContext context, String id) {
    ScreeningSummary summary = reads.one(context, KIND, id, ManifestScreenings::summary);
    var lines = new LinkedHashMap<Integer, ScreenedLine>();
    var hits = new HashMap<Integer, List<ManifestHit>>();
    reads.history(
        context,
        KIND,
        id,
        """
        SELECT l.*, h.substance_id, h.name, h.reason, h.matched, h.score AS hit_score, h.hit_no
        FROM manifest_screening_line l
        LEFT JOIN manifest_screening_hit h ON h.screening_id = l.screening_id AND h.line_no = l.line_no
        WHERE l.screening_id = :id ORDER BY l.line_no, h.hit_no
        """,
        Map.of("id", id),
        (rs, n) -> {
          int no = rs.getInt("line_no");
          lines.computeIfAbsent(no, k -> unsafeLine(rs));
          if (rs.getString("reason") != null) {
            hits.computeIfAbsent(no, k -> new ArrayList<>())
                .add(
                    new ManifestHit(
                        rs.getString("substance_id"),
                        rs.getString("name"),
                        rs.getString("reason"),
                        rs.getString("matched"),
                        rs.getDouble("hit_score")));
          }
          return no;
        });
    var result = new ArrayList<ScreenedLine>();
    lines.forEach(
        (no, line) ->
            result.add(
                new ScreenedLine(
                    line.line(), line.flagged(), line.score(), hits.getOrDefault(no, List.of()))));
    return new ScreeningDetail(summary, result);
  }

  /** Alerts the caller may read, newest first; {@code screeningId} keeps one screening's. */
  public Page<ScreeningAlert> alerts(AccessContext context, String screeningId, PageQuery page) {
    Criteria criteria =
        screeningId == null || screeningId.isBlank()
            ? Criteria.all()
            : Criteria.where("r.screening_id = :s", Map.of("s", screeningId.strip()));
    return reads.page(
        context,
        ALERT_KIND,
        criteria.orderBy("r.raised_at DESC, r.screening_id, r.line_no"),
        page,
        ManifestScreenings::alert);
  }

  private static void validate(List<ManifestLine> lines) {
    if (lines == null || lines.isEmpty()) {
      throw new InvalidRequest("lines", "the manifest has no lines");
    }
    if (lines.size() > MAX_LINES) {
      throw new InvalidRequest(
          "lines", "the manifest has " + lines.size() + " lines, more than " + MAX_LINES);
    }
    for (int i = 0; i < lines.size(); i++) {
      ManifestLine line = lines.get(i);
      if (line == null) {
        throw new InvalidRequest("lines[" + i + "]", "line " + (i + 1) + " is empty");
      }
      boolean noDescription = line.description() == null || line.description().isBlank();
      boolean noCas = line.cas() == null || line.cas().isBlank();
      if (noDescription && noCas) {
        throw new InvalidRequest(
            "lines[" + i + "].description",
            "line " + line.number() + " has neither a description nor a CAS number");
      }
      if (!noDescription && line.description().length() > MAX_DESCRIPTION) {
        throw new InvalidRequest(
            "lines[" + i + "].description",
            "line " + line.number() + "'s description is over " + MAX_DESCRIPTION + " characters");
      }
      for (String[] field :
          new String[][] {
            {"cas", line.cas(), "40"},
            {"hsCode", line.hsCode(), "20"},
            {"quantity", line.quantity(), "100"},
            {"shipper", line.shipper(), "300"},
            {"consignee", line.consignee(), "300"}
          }) {
        if (field[1] != null && field[1].length() > Integer.parseInt(field[2])) {
          throw new InvalidRequest(
              "lines[" + i + "]." + field[0],
              "line " + line.number() + "'s " + field[0] + " is over " + field[2] + " characters");
        }
      }
    }
  }

  private static ScreenedLine unsafeLine(ResultSet rs) {
    try {
      return new ScreenedLine(
          new ManifestLine(
              rs.getInt("line_no"),
              rs.getString("description"),
              rs.getString("cas"),
              rs.getString("hs_code"),
              rs.getString("quantity"),
              rs.getString("shipper"),
              rs.getString("consignee")),
          rs.getBoolean("flagged"),
          rs.getDouble("score"),
          List.of());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ScreeningSummary summary(ResultSet rs, int row) throws SQLException {
    Marking marking = GuardedReads.markingOf(rs);
    return new ScreeningSummary(
        rs.getString("id"),
        rs.getString("title"),
        rs.getInt("lines"),
        rs.getInt("flagged"),
        rs.getInt("list_version"),
        rs.getString("screened_by"),
        rs.getObject("screened_at", OffsetDateTime.class),
        marking.ownerAgency(),
        marking.banner());
  }

  private static ScreeningAlert alert(ResultSet rs, int row) throws SQLException {
    return new ScreeningAlert(
        rs.getString("id"),
        rs.getString("screening_id"),
        rs.getInt("line_no"),
        rs.getString("description"),
        rs.getString("substance_id"),
        rs.getString("substance_name"),
        rs.getString("reason"),
        rs.getDouble("score"),
        rs.getString("designation_id"),
        rs.getString("jurisdiction"),
        rs.getString("instrument"),
        rs.getString("category"),
        rs.getObject("effective_from", java.time.LocalDate.class),
        rs.getObject("raised_at", OffsetDateTime.class),
        GuardedReads.markingOf(rs).banner());
  }
}
