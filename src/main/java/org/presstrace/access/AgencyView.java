package org.presstrace.access;

import java.time.Instant;
import org.presstrace.shared.CountryCode;

/**
 * An agency as other modules and the API see it.
 *
 * @param dutyContact who another agency calls when its work conflicts with a record of this agency
 *     that may not leave it; null until an administrator sets it
 */
public record AgencyView(
    String code,
    String name,
    AgencyKind kind,
    CountryCode country,
    Instant createdAt,
    String dutyContact) {

  /** An agency with no duty contact set. */
  public AgencyView(
      String code, String name, AgencyKind kind, CountryCode country, Instant createdAt) {
    this(code, name, kind, country, createdAt, null);
  }
}
