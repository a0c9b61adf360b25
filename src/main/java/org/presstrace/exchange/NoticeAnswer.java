package org.presstrace.exchange;

import java.time.Instant;

/**
 * One entry of a notice's history after filing: the importing authority's answer, the exporting
 * authority's cancellation, or what became of the shipment, recorded by either side.
 *
 * @param noticeVersion the version of the notice it was recorded on
 * @param answeredBy who recorded it, as {@code user (agency, country)}
 * @param reason required for an objection, a request for information and a cancellation
 */
public record NoticeAnswer(
    String id, int noticeVersion, Kind kind, String reason, String answeredBy, Instant answeredAt) {

  /** What the importing authority says. */
  public enum Kind {
    /** The shipment is legitimate as far as the importing authority knows. */
    CONFIRM,
    /** The importing authority objects to the shipment, with a reason. */
    OBJECT,
    /** The importing authority asks for more information before it answers. */
    ASK_INFORMATION,
    /** The exporting authority withdraws the notice, with a reason. */
    CANCEL,
    /** The shipment was stopped (either side). */
    SHIPMENT_STOPPED,
    /** The shipment was seized (either side). */
    SHIPMENT_SEIZED,
    /** The shipment was received by the consignee (either side). */
    SHIPMENT_RECEIVED;

    /** Only the importing authority answers. */
    public boolean byImporter() {
      return this == CONFIRM || this == OBJECT || this == ASK_INFORMATION;
    }

    /** Only the exporting authority cancels. */
    public boolean byExporter() {
      return this == CANCEL;
    }

    /** Whether a reason must be given. */
    public boolean needsReason() {
      return this == OBJECT || this == ASK_INFORMATION || this == CANCEL;
    }
  }
}
