package org.presstrace.access.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.AgencyView;
import org.presstrace.shared.CountryCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code agency} table. */
@Repository
public class AgencyStore {

  private final JdbcClient jdbc;

  AgencyStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every agency, by code. */
  public List<AgencyView> all() {
    return jdbc.sql("SELECT * FROM agency ORDER BY code").query(AgencyStore::agency).list();
  }

  public Optional<AgencyView> find(String code) {
    return jdbc.sql("SELECT * FROM agency WHERE code = :code")
        .param("code", code)
        .query(AgencyStore::agency)
        .optional();
  }

  /** The kind of an agency that exists. */
  public AgencyKind kind(String code) {
    return AgencyKind.valueOf(
        jdbc.sql("SELECT kind FROM agency WHERE code = :code")
            .param("code", code)
            .query(String.class)
            .single());
  }

  public void insert(String code, String name, AgencyKind kind, CountryCode country, Instant at) {
    jdbc.sql(
            "INSERT INTO agency (code, name, kind, country, created_at)"
                + " VALUES (:code, :name, :kind, :country, :at)")
        .param("code", code)
        .param("name", name)
        .param("kind", kind.name())
        .param("country", country.alpha3())
        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
        .update();
  }

  public void setDutyContact(String code, String contact) {
    jdbc.sql("UPDATE agency SET duty_contact = :contact WHERE code = :code")
        .param("contact", contact)
        .param("code", code)
        .update();
  }

  /** The custodian of a foreign-partner agency, if one was chosen. */
  public Optional<String> custodian(String code) {
    return jdbc.sql("SELECT custodian_agency FROM agency WHERE code = :code")
        .param("code", code)
        .query((rs, row) -> Optional.ofNullable(rs.getString(1)))
        .optional()
        .flatMap(value -> value);
  }

  public void setCustodian(String code, String custodian) {
    jdbc.sql("UPDATE agency SET custodian_agency = :custodian WHERE code = :code")
        .param("custodian", custodian)
        .param("code", code)
        .update();
  }

  private static AgencyView agency(ResultSet rs, int row) throws SQLException {
    return new AgencyView(
        rs.getString("code"),
        rs.getString("name"),
        AgencyKind.valueOf(rs.getString("kind")),
        new CountryCode(rs.getString("country")),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getString("duty_contact"));
  }
}
