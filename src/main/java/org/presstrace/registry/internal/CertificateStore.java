package org.presstrace.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.presstrace.registry.CertificateView;
import org.presstrace.registry.RegistrantCategory;
import org.presstrace.registry.RegistrantStatus;
import org.presstrace.registry.RegistrantView;
import org.presstrace.registry.VerificationCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The registration_certificate table. A certificate's state is read, not stored, where it follows
 * from elsewhere: every certificate of a revoked registrant reads REVOKED, and a current one past
 * its last valid day reads EXPIRED.
 */
@Repository
public class CertificateStore {

  private static final String SELECT =
      """
      SELECT c.*, r.status AS registrant_status FROM registration_certificate c
      JOIN registrant r ON r.id = c.registrant_id
      """;

  private final JdbcClient jdbc;
  private final Clock clock;

  CertificateStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Stores a certificate for the registrant as it stands now. */
  public void insert(
      String id,
      RegistrantView registrant,
      VerificationCode code,
      LocalDate validFrom,
      LocalDate validUntil,
      Instant issuedAt,
      String issuedBy) {
    jdbc.sql(
            """
            INSERT INTO registration_certificate (id, registrant_id, code, registration_number,
                legal_name, trade_name, category, dea_number, status_at_issue, valid_from,
                valid_until, issued_at, issued_by)
            VALUES (:id, :registrant, :code, :number, :legal, :trade, :category, :dea, :status,
                    :from, :until, :at, :by)
            """)
        .param("id", id)
        .param("registrant", registrant.id())
        .param("code", code.value())
        .param("number", registrant.registrationNumber())
        .param("legal", registrant.legalName())
        .param("trade", registrant.tradeName())
        .param("category", registrant.category().name())
        .param("dea", registrant.deaNumber())
        .param("status", registrant.status().name())
        .param("from", validFrom)
        .param("until", validUntil)
        .param("at", OffsetDateTime.ofInstant(issuedAt, ZoneOffset.UTC))
        .param("by", issuedBy)
        .update();
  }

  /** Ends the registrant's certificates that still stand; returns how many. */
  public int endCurrent(String registrantId, String endedAs, String reason, Instant at) {
    return jdbc.sql(
            """
            UPDATE registration_certificate SET ended_as = :as, ended_at = :at, ended_reason = :why
            WHERE registrant_id = :registrant AND ended_as IS NULL
            """)
        .param("as", endedAs)
        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
        .param("why", reason.length() > 1000 ? reason.substring(0, 1000) : reason)
        .param("registrant", registrantId)
        .update();
  }

  public Optional<CertificateView> byId(String id) {
    return jdbc.sql(SELECT + " WHERE c.id = :id").param("id", id).query(this::view).optional();
  }

  public Optional<CertificateView> byCode(VerificationCode code) {
    return jdbc.sql(SELECT + " WHERE c.code = :code")
        .param("code", code.value())
        .query(this::view)
        .optional();
  }

  /** The registrant's certificates, newest first. */
  public List<CertificateView> ofRegistrant(String registrantId) {
    return jdbc.sql(SELECT + " WHERE c.registrant_id = :id ORDER BY c.issued_at DESC, c.id")
        .param("id", registrantId)
        .query(this::view)
        .list();
  }

  private CertificateView view(ResultSet rs, int row) throws SQLException {
    LocalDate until = rs.getObject("valid_until", LocalDate.class);
    String ended = rs.getString("ended_as");
    String state;
    if ("REVOKED".equals(rs.getString("registrant_status"))) {
      state = "REVOKED";
    } else if (ended != null) {
      state = ended;
    } else if (until.isBefore(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))) {
      state = "EXPIRED";
    } else {
      state = "CURRENT";
    }
    OffsetDateTime endedAt = rs.getObject("ended_at", OffsetDateTime.class);
    return new CertificateView(
        rs.getString("id"),
        rs.getString("registrant_id"),
        new VerificationCode(rs.getString("code")),
        rs.getString("registration_number"),
        rs.getString("legal_name"),
        rs.getString("trade_name"),
        RegistrantCategory.valueOf(rs.getString("category")),
        rs.getString("dea_number"),
        RegistrantStatus.valueOf(rs.getString("status_at_issue")),
        rs.getObject("valid_from", LocalDate.class),
        until,
        rs.getObject("issued_at", OffsetDateTime.class).toInstant(),
        state,
        endedAt == null ? null : endedAt.toInstant());
  }
}
