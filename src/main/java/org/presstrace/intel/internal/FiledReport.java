package org.presstrace.intel.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.presstrace.access.Caller;
import org.presstrace.access.Marking;
import org.presstrace.intel.IntelReport;
import org.presstrace.intel.IntelReportDraft;
import org.presstrace.shared.ConflictingState;
import org.springframework.security.access.AccessDeniedException;

/**
 * A filed intelligence report and its revisions. A report has no states beyond its version: each
 * change is a method that checks its guard and records one {@link IntelReportRevised} with the next
 * version.
 */
public final class FiledReport {

  private final IntelReport loaded;
  private String title;
  private String summary;
  private Marking marking;
  private int version;
  private Instant revisedAt;
  private final List<IntelReportRevised> recorded = new ArrayList<>();

  private FiledReport(IntelReport loaded) {
    this.loaded = loaded;
    this.title = loaded.title();
    this.summary = loaded.summary();
    this.marking = loaded.marking();
    this.version = loaded.version();
    this.revisedAt = loaded.updatedAt();
  }

  /** The report as stored, with its edit counter, and no revision recorded yet. */
  public static FiledReport of(IntelReport stored) {
    if (stored.version() == null) {
      throw new IllegalArgumentException("a filed report is loaded with its version");
    }
    return new FiledReport(stored);
  }

  /**
   * {@code editor} changes the text to {@code draft}'s under {@code marking} (the marking the
   * change may take now: a loosened marking waits for approval elsewhere). Only those who may edit
   * the report change it, and only from the version they saw.
   */
  public void revise(
      Caller editor, IntelReportDraft draft, Marking marking, int expectedVersion, Instant at) {
    if (!loaded.editableBy(editor)) {
      throw new AccessDeniedException(
          "only investigators and supervisors of "
              + loaded.marking().ownerAgency()
              + " change this report");
    }
    if (expectedVersion != version) {
      throw new ConflictingState(
          "report " + id() + " is at version " + version + ", not " + expectedVersion);
    }
    revised(draft.title().strip(), draft.summary().strip(), marking, editor.username(), at);
  }

  /** A supervisor approved a marking change: same text, new marking, by the approver. */
  public void remark(Marking marking, String approvedBy, Instant at) {
    revised(title, summary, marking, approvedBy, at);
  }

  private void revised(String title, String summary, Marking marking, String by, Instant at) {
    this.title = title;
    this.summary = summary;
    this.marking = marking;
    this.version++;
    this.revisedAt = at;
    recorded.add(new IntelReportRevised(id(), version, title, summary, marking, by, at));
  }

  public String id() {
    return loaded.id();
  }

  public String title() {
    return title;
  }

  public String summary() {
    return summary;
  }

  public Marking marking() {
    return marking;
  }

  public int version() {
    return version;
  }

  /** The version the report had when loaded; the store writes only over that version. */
  public int loadedVersion() {
    return loaded.version();
  }

  public Instant revisedAt() {
    return revisedAt;
  }

  /** The revisions recorded since this object was loaded, oldest first. */
  public List<IntelReportRevised> recordedEvents() {
    return List.copyOf(recorded);
  }
}
