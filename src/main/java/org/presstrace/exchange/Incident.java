package org.presstrace.exchange;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.presstrace.access.Marking;
import org.presstrace.shared.CountryCode;

/**
 * An incident a partner sent (a seizure released to this instance's country), as the receiving
 * instance keeps it: its origin (partner, country, sending agency) and the marking it was sent
 * under, whose owner here is the local foreign-partner agency standing for that partner.
 *
 * @param messageId the exchange message it arrived in; one incident per partner and message id
 * @param senderAgency the owning agency on the sending instance
 * @param sourceKind the kind of record it was made from on the sending side ({@code seizure})
 * @param stixId the STIX 2.1 {@code incident} id of the record ({@code incident--<uuid>})
 * @param occurredAt the date and time of the seizure with the offset in force at the place
 */
public record Incident(
    String id,
    String messageId,
    String partnerId,
    CountryCode originCountry,
    String senderAgency,
    String sourceKind,
    String sourceId,
    String reference,
    String stixId,
    String occurredAt,
    String zone,
    String context,
    String portOfEntry,
    String region,
    String place,
    List<Item> items,
    String sentBy,
    Instant sentAt,
    Instant receivedAt,
    Marking marking) {

  /**
   * A seized item as the partner authority needs it.
   *
   * @param netQuantity the net weight as a decimal string, in {@code netUnit}
   */
  public record Item(
      String substance,
      String cas,
      String form,
      String netQuantity,
      String netUnit,
      Long pillCount,
      String imprint,
      String colour,
      BigDecimal purityPct,
      BigDecimal mgPerPill,
      List<Estimate> estimates) {}

  /** A dose estimate figure with the method that produced it. */
  public record Estimate(String method, BigDecimal fentanylMg, long doses) {}
}
