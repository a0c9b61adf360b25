package org.presstrace.exchange;

import java.time.Instant;

/**
 * The importing authority's answer to a notice.
 *
 * @param answeredBy who answered, as {@code user (agency, country)}
 * @param reason required for an objection and a request for information
 */
public record NoticeAnswer(
    String id, Kind kind, String reason, String answeredBy, Instant answeredAt) {

  /** What the importing authority says. */
  public enum Kind {
    /** The shipment is legitimate as far as the importing authority knows. */
    CONFIRM,
    /** The importing authority objects to the shipment, with a reason. */
    OBJECT,
    /** The importing authority asks for more information before it answers. */
    ASK_INFORMATION
  }
}
