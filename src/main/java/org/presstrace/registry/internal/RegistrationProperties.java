package org.presstrace.registry.internal;

import java.time.Period;
import org.presstrace.registry.RegistrationTerms;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The registration term and renewal window, set through {@code presstrace.registry.registration.*}.
 *
 * @param term how long an activation or renewal runs, an ISO-8601 period such as {@code P1Y}
 * @param renewalWindowDays how many days before expiry renewal opens
 */
@ConfigurationProperties("presstrace.registry.registration")
public record RegistrationProperties(
    @DefaultValue("P1Y") Period term, @DefaultValue("90") int renewalWindowDays) {

  RegistrationTerms terms() {
    return new RegistrationTerms(term, renewalWindowDays);
  }
}
