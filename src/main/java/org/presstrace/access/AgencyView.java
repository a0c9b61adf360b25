package org.presstrace.access;

import java.time.Instant;

/** An agency as other modules and the API see it. */
public record AgencyView(
    String code, String name, AgencyKind kind, CountryCode country, Instant createdAt) {}
