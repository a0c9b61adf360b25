package org.presstrace.registry.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.presstrace.registry.ReportKind;
import org.presstrace.registry.ReportTiming;
import org.presstrace.registry.TransactionReportAmended;
import org.presstrace.registry.TransactionReportFiled;
import org.presstrace.registry.TransactionReportStatus;
import org.presstrace.registry.TransactionReportWithdrawn;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.InvalidRequest;

/**
 * An import or export transaction report and its lifecycle: filed, amended any number of times,
 * withdrawn (final). Every change is a method that checks its guard, refuses naming the rule
 * broken, and otherwise records one past-tense event. The content of each version (parties, port,
 * items) is judged and stored by the service; the aggregate holds what the guards and the checks of
 * imports and exports need.
 */
public final class TransactionReport {

  private final String id;
  private final String registrantId;
  private final ReportKind direction;
  private TransactionReportStatus status;
  private int version;
  private LocalDate proposedOn;
  private final LocalDate filedOn;
  private ReportTiming timing;
  private final List<Object> recorded = new ArrayList<>();

  /** A report as stored, with no events recorded yet. */
  public TransactionReport(
      String id,
      String registrantId,
      ReportKind direction,
      TransactionReportStatus status,
      int version,
      LocalDate proposedOn,
      LocalDate filedOn,
      ReportTiming timing) {
    this.id = id;
    this.registrantId = registrantId;
    this.direction = direction;
    this.status = status;
    this.version = version;
    this.proposedOn = proposedOn;
    this.filedOn = filedOn;
    this.timing = timing;
  }

  /** The original, filed on {@code filedOn} as version 1. */
  public static TransactionReport filed(
      String id,
      String registrantId,
      ReportKind direction,
      LocalDate proposedOn,
      LocalDate filedOn,
      ReportTiming timing,
      String by) {
    if (direction == null || !direction.inAdvance()) {
      throw new InvalidRequest("direction", "direction is required: IMPORT or EXPORT");
    }
    var report =
        new TransactionReport(
            id,
            registrantId,
            direction,
            TransactionReportStatus.FILED,
            1,
            proposedOn,
            filedOn,
            timing);
    report.recorded.add(
        new TransactionReportFiled(id, registrantId, direction, proposedOn, filedOn, timing, by));
    return report;
  }

  /**
   * Refuses an amendment of a withdrawn report, or one that names another direction ({@code
   * direction} null: as filed). Checked before the amended content is judged, and again by {@link
   * #amend}.
   */
  public void requireAmendable(ReportKind direction) {
    if (status == TransactionReportStatus.WITHDRAWN) {
      throw new ConflictingState(
          "transaction report "
              + id
              + " is WITHDRAWN: a withdrawn report cannot be amended; file a new one");
    }
    if (direction != null && direction != this.direction) {
      throw new InvalidRequest(
          "direction", "transaction report " + id + " is an " + this.direction + " report");
    }
  }

  /** A new version for the movement on {@code proposedOn}, judged {@code timing}. */
  public void amend(
      ReportKind direction, LocalDate proposedOn, ReportTiming timing, String reason, String by) {
    requireAmendable(direction);
    status = TransactionReportStatus.AMENDED;
    version++;
    this.proposedOn = proposedOn;
    this.timing = timing;
    recorded.add(new TransactionReportAmended(id, version, proposedOn, timing, reason, by));
  }

  /**
   * Withdraws the report as a last version; final. Equipment that already moved under it keeps it,
   * so such a report is not withdrawn.
   *
   * @param movedUnder whether a recorded import or export names the report
   * @param timing the timing judged again for the last version's movement day
   */
  public void withdraw(String reason, boolean movedUnder, ReportTiming timing, String by) {
    if (status == TransactionReportStatus.WITHDRAWN) {
      throw new ConflictingState(
          "transaction report " + id + " is WITHDRAWN already: a withdrawal is final");
    }
    if (movedUnder) {
      throw new ConflictingState(
          "transaction report "
              + id
              + " is named by a recorded "
              + direction.name().toLowerCase(Locale.ROOT)
              + ": a report equipment moved under cannot be withdrawn; amend it instead");
    }
    status = TransactionReportStatus.WITHDRAWN;
    version++;
    this.timing = timing;
    recorded.add(new TransactionReportWithdrawn(id, version, reason, by));
  }

  public String id() {
    return id;
  }

  public String registrantId() {
    return registrantId;
  }

  public ReportKind direction() {
    return direction;
  }

  public TransactionReportStatus status() {
    return status;
  }

  /** The current version; 1 for the original. */
  public int version() {
    return version;
  }

  /** The proposed movement day of the current version. */
  public LocalDate proposedOn() {
    return proposedOn;
  }

  public LocalDate filedOn() {
    return filedOn;
  }

  public ReportTiming timing() {
    return timing;
  }

  /** The events recorded since the report was loaded or filed, oldest first. */
  public List<Object> recordedEvents() {
    return List.copyOf(recorded);
  }
}
