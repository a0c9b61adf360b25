package org.presstrace.casework.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.presstrace.access.Marking;
import org.presstrace.access.Tlp;
import org.presstrace.casework.LinkDraft;
import org.presstrace.casework.LinkSchema;
import org.presstrace.casework.OperationDraft;
import org.presstrace.casework.SubjectDraft;
import org.presstrace.resolution.Judgement;
import org.presstrace.resolution.Schema;

/** The bodies the resolution API accepts; the services check every field. */
final class ResolutionRequests {

  private ResolutionRequests() {}

  /** A marking; the owning agency is always the caller's. */
  record MarkingRequest(
      String tlp, String cuiCategory, Boolean noforn, List<String> relTo, String compartment) {

    Marking toMarking(String agency) {
      return new Marking(
          agency,
          Tlp.parse(tlp),
          cuiCategory,
          Boolean.TRUE.equals(noforn),
          Marking.relTo(relTo == null ? List.of() : relTo),
          compartment);
    }
  }

  record SubjectRequest(
      String schema,
      Map<String, List<String>> properties,
      String caseReference,
      String contact,
      String source,
      LocalDate statedOn,
      MarkingRequest marking) {

    SubjectDraft toDraft(String agency) {
      return new SubjectDraft(
          Schema.parse("schema", schema),
          properties,
          caseReference,
          contact,
          source,
          statedOn,
          markingOf(marking, agency));
    }
  }

  record OperationRequest(
      String caseReference,
      String contact,
      Instant start,
      Instant end,
      Double latitude,
      Double longitude,
      Double radiusMetres,
      MarkingRequest marking) {

    OperationDraft toDraft(String agency) {
      return new OperationDraft(
          caseReference,
          contact,
          start,
          end,
          latitude,
          longitude,
          radiusMetres,
          markingOf(marking, agency));
    }
  }

  record ShareRequest(String left, String right, String toAgency) {}

  record JudgementRequest(String left, String right, String judgement, String note) {

    Judgement parsed() {
      if (judgement == null) {
        return null;
      }
      try {
        return Judgement.valueOf(judgement.strip().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException unknown) {
        throw new org.presstrace.shared.InvalidRequest(
            "judgement", "judgement must be SAME, NOT_SAME or UNSURE, not '" + judgement + "'");
      }
    }
  }

  /**
   * A link: its schema, its two ends by FollowTheMoney role ({@code {"payer": "ID", "beneficiary":
   * "ID"}}; a record end as {@code machine:ID}), the details and provenance.
   */
  record LinkRequest(
      String schema,
      Map<String, String> ends,
      BigDecimal amount,
      String currency,
      LocalDate date,
      String purpose,
      String relationship,
      String role,
      String source,
      LocalDate statedOn,
      MarkingRequest marking) {

    LinkDraft toDraft(String agency) {
      LinkSchema parsed = LinkSchema.parse("schema", schema);
      Map<String, String> given = ends == null ? Map.of() : ends;
      for (String role : given.keySet()) {
        if (!parsed.roles().contains(role)) {
          throw new org.presstrace.shared.InvalidRequest(
              "ends." + role,
              "a "
                  + parsed.label()
                  + " has the ends "
                  + String.join(" and ", parsed.roles())
                  + ", not "
                  + role);
        }
      }
      return new LinkDraft(
          parsed,
          given.get(parsed.subjectRole()),
          given.get(parsed.objectRole()),
          amount,
          currency,
          date,
          purpose,
          relationship,
          role,
          source,
          statedOn,
          markingOf(marking, agency));
    }
  }

  private static Marking markingOf(MarkingRequest marking, String agency) {
    if (marking == null) {
      throw new org.presstrace.shared.InvalidRequest("marking", "a marking is required");
    }
    return marking.toMarking(agency);
  }
}
