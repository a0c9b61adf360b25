package org.presstrace.substances;

import java.util.List;
import org.presstrace.shared.InvalidRequest;

/** A designation could not be applied; carries every problem of its preview. */
public class DesignationRejected extends InvalidRequest {

  private final transient DesignationPreview preview;

  public DesignationRejected(DesignationPreview preview) {
    super(first(preview).field(), summary(preview));
    this.preview = preview;
  }

  public DesignationPreview preview() {
    return preview;
  }

  public List<DesignationPreview.Problem> problems() {
    return preview.problems();
  }

  private static DesignationPreview.Problem first(DesignationPreview preview) {
    return preview.problems().get(0);
  }

  private static String summary(DesignationPreview preview) {
    var problem = first(preview);
    String where = problem.row() == 0 ? "" : "row " + problem.row() + ": ";
    int more = preview.problems().size() - 1;
    return "the designation has "
        + preview.problems().size()
        + (preview.problems().size() == 1 ? " problem" : " problems")
        + " and was not applied; "
        + where
        + problem.message()
        + (more > 0 ? " (and " + more + " more)" : "");
  }
}
