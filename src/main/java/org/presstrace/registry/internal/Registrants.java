package org.presstrace.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.presstrace.registry.RegistrantCategory;
import org.presstrace.registry.RegistrantStatus;
import org.presstrace.registry.RegistrantView;
import org.presstrace.registry.RegistrationChanged;
import org.presstrace.registry.StatusChange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The registrant table and its status history. Registration status is open to every signed-in user
 * (a seller checks its buyer's), so these reads need no policy filter; contact details are never
 * returned.
 */
@Repository
public class Registrants {

  private final JdbcClient jdbc;
  private final Clock clock;

  Registrants(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public Optional<RegistrantView> byId(String id) {
    return jdbc.sql("SELECT * FROM registrant WHERE id = :id")
        .param("id", id)
        .query(this::view)
        .optional();
  }

  /** The registrants with these ids, keyed by id, in one statement; unknown ids are left out. */
  public java.util.Map<String, RegistrantView> byIds(java.util.Collection<String> ids) {
    var wanted = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
    var found = new java.util.HashMap<String, RegistrantView>();
    if (wanted.isEmpty()) {
      return found;
    }
    jdbc.sql("SELECT * FROM registrant WHERE id IN (:ids)")
        .param("ids", wanted)
        .query(this::view)
        .list()
        .forEach(registrant -> found.put(registrant.id(), registrant));
    return found;
  }

  public Optional<RegistrantView> byAgency(String agencyCode) {
    return jdbc.sql("SELECT * FROM registrant WHERE agency_code = :agency")
        .param("agency", agencyCode)
        .query(this::view)
        .optional();
  }

  /** The registrant with this registration number or DEA number. */
  public Optional<RegistrantView> byRegistration(String number) {
    String given = number == null ? "" : number.strip().toUpperCase(java.util.Locale.ROOT);
    return jdbc.sql(
            "SELECT * FROM registrant WHERE registration_number = :n OR dea_number = :n"
                + " ORDER BY registration_number LIMIT 1")
        .param("n", given)
        .query(this::view)
        .optional();
  }

  public List<RegistrantView> list(String query, int limit, long offset) {
    String pattern =
        "%"
            + (query == null ? "" : query.strip().toLowerCase(java.util.Locale.ROOT))
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_")
            + "%";
    return jdbc.sql(
            "SELECT * FROM registrant WHERE LOWER(legal_name) LIKE :q ESCAPE '\\'"
                + " OR LOWER(registration_number) LIKE :q ESCAPE '\\'"
                + " ORDER BY legal_name, id LIMIT :limit OFFSET :offset")
        .param("q", pattern)
        .param("limit", limit)
        .param("offset", offset)
        .query(this::view)
        .list();
  }

  public void insert(
      String id,
      String registrationNumber,
      String agencyCode,
      String legalName,
      String tradeName,
      RegistrantCategory category,
      String deaNumber,
      String address,
      String contact,
      String timeZone) {
    jdbc.sql(
            """
            INSERT INTO registrant (id, registration_number, agency_code, legal_name, trade_name,
                                    category, dea_number, address, contact, status, created_at,
                                    updated_at, time_zone)
            VALUES (:id, :number, :agency, :legal, :trade, :category, :dea, :address, :contact,
                    'PENDING', :at, :at, :zone)
            """)
        .param("id", id)
        .param("number", registrationNumber)
        .param("agency", agencyCode)
        .param("legal", legalName)
        .param("trade", tradeName)
        .param("category", category.name())
        .param("dea", deaNumber)
        .param("address", address)
        .param("contact", contact)
        .param("at", now())
        .param("zone", timeZone)
        .update();
  }

  /** The time zone the registrant files in, when its record names one. */
  public Optional<String> timeZone(String id) {
    return jdbc.sql("SELECT time_zone FROM registrant WHERE id = :id")
        .param("id", id)
        .query((rs, row) -> Optional.ofNullable(rs.getString("time_zone")))
        .optional()
        .flatMap(zone -> zone);
  }

  /** The aggregate, for a status change. */
  public Optional<Registrant> load(String id) {
    return jdbc.sql(
            "SELECT id, legal_name, registration_number, status, expires_on FROM registrant"
                + " WHERE id = :id")
        .param("id", id)
        .query((rs, row) -> aggregate(rs))
        .optional();
  }

  private static Registrant aggregate(ResultSet rs) throws SQLException {
    return new Registrant(
        rs.getString("id"),
        rs.getString("legal_name") + " (" + rs.getString("registration_number") + ")",
        RegistrantStatus.valueOf(rs.getString("status")),
        rs.getObject("expires_on", LocalDate.class));
  }

  /** Writes each change recorded on the registrant: its new status and the history entry. */
  public void save(Registrant registrant) {
    for (RegistrationChanged change : registrant.recordedEvents()) {
      changeStatus(
          registrant.id(), change.status(), change.reason(), change.expiresOn(), change.by());
    }
  }

  private void changeStatus(
      String id, RegistrantStatus status, String reason, LocalDate expiresOn, String by) {
    jdbc.sql(
            "UPDATE registrant SET status = :status, expires_on = :expires, updated_at = :at"
                + " WHERE id = :id")
        .param("status", status.name())
        .param("expires", expiresOn)
        .param("at", now())
        .param("id", id)
        .update();
    jdbc.sql(
            """
            INSERT INTO registrant_status_change (registrant_id, status, reason, expires_on,
                                                  changed_by, changed_at)
            VALUES (:id, :status, :reason, :expires, :by, :at)
            """)
        .param("id", id)
        .param("status", status.name())
        .param("reason", reason)
        .param("expires", expiresOn)
        .param("by", by)
        .param("at", now())
        .update();
  }

  public List<StatusChange> history(String id) {
    return jdbc.sql("SELECT * FROM registrant_status_change WHERE registrant_id = :id ORDER BY id")
        .param("id", id)
        .query(
            (rs, row) ->
                new StatusChange(
                    RegistrantStatus.valueOf(rs.getString("status")),
                    rs.getString("reason"),
                    rs.getObject("expires_on", LocalDate.class),
                    rs.getString("changed_by"),
                    rs.getObject("changed_at", OffsetDateTime.class).toInstant()))
        .list();
  }

  /** Registrations stored ACTIVE whose expiry day lies before {@code today}, as aggregates. */
  public List<Registrant> lapsed(LocalDate today) {
    return jdbc.sql(
            "SELECT id, legal_name, registration_number, status, expires_on FROM registrant"
                + " WHERE status = 'ACTIVE' AND expires_on < :today ORDER BY id")
        .param("today", today)
        .query((rs, row) -> aggregate(rs))
        .list();
  }

  private RegistrantView view(ResultSet rs, int row) throws SQLException {
    var stored = RegistrantStatus.valueOf(rs.getString("status"));
    LocalDate expires = rs.getObject("expires_on", LocalDate.class);
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    var status =
        stored == RegistrantStatus.ACTIVE && expires != null && expires.isBefore(today)
            ? RegistrantStatus.EXPIRED
            : stored;
    return new RegistrantView(
        rs.getString("id"),
        rs.getString("registration_number"),
        rs.getString("agency_code"),
        rs.getString("legal_name"),
        rs.getString("trade_name"),
        RegistrantCategory.valueOf(rs.getString("category")),
        rs.getString("dea_number"),
        rs.getString("address"),
        status,
        expires,
        rs.getString("time_zone"));
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
