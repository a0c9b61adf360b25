package org.presstrace.exchange.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.presstrace.access.Marking;
import org.presstrace.access.Tlp;

/** Column conversions the exchange stores share. */
final class Rows {

  private Rows() {}

  static OffsetDateTime utc(Instant at) {
    return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static Marking marking(ResultSet rs) throws SQLException {
    return new Marking(
        rs.getString("owner_agency"),
        Tlp.valueOf(rs.getString("tlp")),
        rs.getString("cui_category"),
        rs.getBoolean("noforn"),
        Marking.relToFromColumn(rs.getString("rel_to")),
        rs.getString("compartment"));
  }
}
