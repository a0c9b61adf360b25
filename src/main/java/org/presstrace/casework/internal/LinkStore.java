package org.presstrace.casework.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.presstrace.access.Marking;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The link table, for writes. Links are read through {@code GuardedReads} with {@code Links.KIND}.
 */
@Repository
public class LinkStore {

  /** A checked link, ready to store. */
  public record NewLink(
      String id,
      String schema,
      String subjectId,
      String objectKind,
      String objectId,
      BigDecimal amount,
      String currency,
      LocalDate date,
      String purpose,
      String relationship,
      String role,
      String source,
      LocalDate statedOn,
      Marking marking,
      String createdBy,
      Instant createdAt) {}

  private final JdbcClient jdbc;

  LinkStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(NewLink link) {
    jdbc.sql(
            """
            INSERT INTO resolution_link (id, schema_name, subject_id, object_kind, object_id,
                                         amount, currency, link_date, purpose, relationship,
                                         link_role, source_record, stated_on, owner_agency, tlp,
                                         cui_category, noforn, rel_to, compartment, created_by,
                                         created_at)
            VALUES (:id, :schema, :subject, :objectKind, :object, :amount, :currency, :date,
                    :purpose, :relationship, :role, :source, :statedOn, :owner, :tlp, :cui,
                    :noforn, :relTo, :compartment, :by, :at)
            """)
        .param("id", link.id())
        .param("schema", link.schema())
        .param("subject", link.subjectId())
        .param("objectKind", link.objectKind())
        .param("object", link.objectId())
        .param("amount", link.amount())
        .param("currency", link.currency())
        .param("date", link.date())
        .param("purpose", link.purpose())
        .param("relationship", link.relationship())
        .param("role", link.role())
        .param("source", link.source())
        .param("statedOn", link.statedOn())
        .param("owner", link.marking().ownerAgency())
        .param("tlp", link.marking().tlp().label())
        .param("cui", link.marking().cuiCategory())
        .param("noforn", link.marking().noforn())
        .param("relTo", link.marking().relToColumn())
        .param("compartment", link.marking().compartment())
        .param("by", link.createdBy())
        .param("at", OffsetDateTime.ofInstant(link.createdAt(), ZoneOffset.UTC))
        .update();
  }
}
