package org.presstrace.exchange;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.presstrace.access.AuditTrail;
import org.presstrace.exchange.internal.NoticeStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/**
 * The handlers of {@link Notices#NOTICE} and {@link Notices#ANSWER} messages: a received notice is
 * stored as INCOMING under the marking it was sent with; a received answer is added to the OUTGOING
 * notice it answers, if that notice went to the partner that answers. Both are idempotent.
 */
@Configuration(proxyBeanMethods = false)
class NoticeReceivers {

  @Bean
  PartnerMessageHandler noticeReceiver(NoticeStore store, Clock clock) {
    return new PartnerMessageHandler() {
      @Override
      public String type() {
        return Notices.NOTICE;
      }

      @Override
      public void receive(ReceivedMessage message) {
        JsonNode n = Notices.JSON.readTree(message.body());
        String id = n.get("id").asString();
        int version = n.get("version").asInt();
        var existing = store.find(id);
        if (existing.isPresent()
            && (existing.get().direction() != Notice.Direction.INCOMING
                || !existing.get().partnerId().equals(message.partnerId())
                || existing.get().version() >= version)) {
          return;
        }
        var notice =
            new Notice(
                id,
                version,
                Notice.Direction.INCOMING,
                message.partnerId(),
                message.originCountry(),
                n.get("exporter").asString(),
                n.get("importer").asString(),
                n.get("consignee").asString(),
                n.get("substanceId").asString(),
                n.get("substanceName").asString(),
                n.get("cas").isNull() ? null : n.get("cas").asString(),
                n.get("controlTable").asString(),
                new BigDecimal(n.get("quantity").asString()),
                n.get("unit").asString(),
                n.get("packages").asInt(),
                n.get("invoice").asString(),
                n.get("route").asString(),
                n.get("exitPoint").asString(),
                n.get("entryPoint").asString(),
                LocalDate.parse(n.get("dispatchDate").asString()),
                n.get("transport").asString(),
                LocalDate.parse(n.get("responseDeadline").asString()),
                Notice.Status.AWAITING_ANSWER,
                message.marking(),
                n.get("filedBy").asString(),
                Instant.parse(n.get("filedAt").asString()),
                List.of());
        if (existing.isPresent()) {
          store.amend(notice);
        } else {
          store.insert(notice, clock.instant());
        }
      }
    };
  }

  @Bean
  PartnerMessageHandler noticeAnswerReceiver(NoticeStore store, AuditTrail audit) {
    return new PartnerMessageHandler() {
      @Override
      public String type() {
        return Notices.ANSWER;
      }

      @Override
      public void receive(ReceivedMessage message) {
        JsonNode a = Notices.JSON.readTree(message.body());
        String noticeId = a.get("noticeId").asString();
        var notice = store.find(noticeId);
        var kind = NoticeAnswer.Kind.valueOf(a.get("kind").asString());
        // The partner recorded it on its own copy, whose direction is the opposite of ours: its
        // answers reach our OUTGOING copy, its cancellation our INCOMING one.
        if (notice.isEmpty()
            || !notice.get().partnerId().equals(message.partnerId())
            || (kind.byImporter() && notice.get().direction() != Notice.Direction.OUTGOING)
            || (kind.byExporter() && notice.get().direction() != Notice.Direction.INCOMING)) {
          audit.recordAnonymous(
              "partner:" + message.partnerId(),
              "NOTICE_ANSWER",
              "IGNORED",
              "answer "
                  + message.messageId()
                  + " names notice "
                  + noticeId
                  + ", which that partner may not record on this instance's copy");
          return;
        }
        String answerId = a.get("id").asString();
        if (store.answerExists(answerId)) {
          return;
        }
        store.answer(
            noticeId,
            new NoticeAnswer(
                answerId,
                a.get("noticeVersion").asInt(),
                kind,
                a.get("reason").isNull() ? null : a.get("reason").asString(),
                a.get("answeredBy").asString(),
                Instant.parse(a.get("answeredAt").asString())),
            Notice.Status.after(kind));
      }
    };
  }
}
