package org.presstrace.exchange;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.presstrace.access.Marking;
import org.presstrace.shared.CountryCode;

/**
 * A pre-export notification as one side holds it: {@link Direction#OUTGOING} where it was filed,
 * {@link Direction#INCOMING} where it was received; with the answers so far.
 *
 * @param version 1 when filed, one more with each amendment; answers name the version they answer
 * @param partnerId the other side
 * @param controlTable where the substance is listed, e.g. {@code UN 1988 Convention Table I}
 */
public record Notice(
    String id,
    int version,
    Direction direction,
    String partnerId,
    CountryCode partnerCountry,
    String exporter,
    String importer,
    String consignee,
    String substanceId,
    String substanceName,
    String cas,
    String controlTable,
    BigDecimal quantity,
    String unit,
    int packages,
    String invoice,
    String route,
    String exitPoint,
    String entryPoint,
    LocalDate dispatchDate,
    String transport,
    LocalDate responseDeadline,
    Status status,
    Marking marking,
    String filedBy,
    Instant filedAt,
    List<NoticeAnswer> answers) {

  public Notice {
    answers = answers == null ? List.of() : List.copyOf(answers);
  }

  /** Which side of the exchange holds this copy. */
  public enum Direction {
    OUTGOING,
    INCOMING
  }

  /** Where a notice stands: the latest answer decides. */
  public enum Status {
    AWAITING_ANSWER,
    CONFIRMED,
    OBJECTED,
    INFORMATION_REQUESTED,
    /** The deadline passed with no answer; recorded on both sides. */
    NO_ANSWER_BY_DEADLINE,
    CANCELLED,
    SHIPMENT_STOPPED,
    SHIPMENT_SEIZED,
    SHIPMENT_RECEIVED;

    static Status after(NoticeAnswer.Kind kind) {
      return switch (kind) {
        case CONFIRM -> CONFIRMED;
        case OBJECT -> OBJECTED;
        case ASK_INFORMATION -> INFORMATION_REQUESTED;
        case CANCEL -> CANCELLED;
        case SHIPMENT_STOPPED -> SHIPMENT_STOPPED;
        case SHIPMENT_SEIZED -> SHIPMENT_SEIZED;
        case SHIPMENT_RECEIVED -> SHIPMENT_RECEIVED;
      };
    }
  }

  /** Whether the deadline passed with no answer, as of {@code today}. */
  public boolean unansweredPast(LocalDate today) {
    return answers.stream().noneMatch(a -> a.kind().byImporter())
        && today.isAfter(responseDeadline)
        && status != Status.CANCELLED;
  }

  /**
   * Why {@code kind} may not be recorded on this side's copy, or null when it may: answers on the
   * importing side only, a cancellation on the exporting side only, nothing after a cancellation.
   */
  public String refusal(NoticeAnswer.Kind kind) {
    if (status == Status.CANCELLED) {
      return "the notice was cancelled by the exporting authority";
    }
    if (kind.byImporter() && direction != Direction.INCOMING) {
      return "only the importing authority answers a notice";
    }
    if (kind.byExporter() && direction != Direction.OUTGOING) {
      return "only the exporting authority cancels a notice";
    }
    return null;
  }
}
