package org.presstrace.casework;

import java.time.Instant;
import java.util.Objects;
import org.presstrace.shared.InvalidRequest;

/**
 * An operation an agency plans: when (a time window) and where (a point and a radius), with the
 * case reference and the point of contact the other agencies would be given in a pointer alert.
 */
public record PlannedOperation(
    String id,
    String agency,
    String caseReference,
    String contact,
    Instant start,
    Instant end,
    double latitude,
    double longitude,
    double radiusMetres) {

  private static final double EARTH_RADIUS_METRES = 6_371_008.8;

  public PlannedOperation {
    Objects.requireNonNull(id, "id");
    require(agency, "agency");
    require(caseReference, "caseReference");
    require(contact, "contact");
    if (start == null || end == null || !start.isBefore(end)) {
      throw new InvalidRequest("end", "the operation must end after it starts");
    }
    if (!(latitude >= -90 && latitude <= 90)) {
      throw new InvalidRequest("latitude", "latitude must be between -90 and 90, not " + latitude);
    }
    if (!(longitude >= -180 && longitude <= 180)) {
      throw new InvalidRequest(
          "longitude", "longitude must be between -180 and 180, not " + longitude);
    }
    if (!(radiusMetres > 0 && radiusMetres <= 100_000)) {
      throw new InvalidRequest(
          "radiusMetres", "the radius must be above 0 and at most 100 km, not " + radiusMetres);
    }
  }

  /** Whether the two windows share a moment and the two circles share ground. */
  public boolean overlaps(PlannedOperation other) {
    boolean sameTime = start.isBefore(other.end) && other.start.isBefore(end);
    return sameTime && metresTo(other) <= radiusMetres + other.radiusMetres;
  }

  /** Great-circle distance between the two centres (haversine). */
  public double metresTo(PlannedOperation other) {
    double dLat = Math.toRadians(other.latitude - latitude);
    double dLon = Math.toRadians(other.longitude - longitude);
    double a =
        Math.pow(Math.sin(dLat / 2), 2)
            + Math.cos(Math.toRadians(latitude))
                * Math.cos(Math.toRadians(other.latitude))
                * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  private static void require(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new InvalidRequest(field, field + " is required");
    }
  }
}
