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
 * @param partnerId the other side
 * @param controlTable where the substance is listed, e.g. {@code UN 1988 Convention Table I}
 */
public record Notice(
    String id,
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
    INFORMATION_REQUESTED;

    static Status after(NoticeAnswer.Kind kind) {
      return switch (kind) {
        case CONFIRM -> CONFIRMED;
        case OBJECT -> OBJECTED;
        case ASK_INFORMATION -> INFORMATION_REQUESTED;
      };
    }
  }

  /** Whether the deadline passed with no answer, as of {@code today}. */
  public boolean unansweredPast(LocalDate today) {
    return answers.isEmpty() && today.isAfter(responseDeadline);
  }
}
