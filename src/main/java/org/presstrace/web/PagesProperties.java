package org.presstrace.web;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the pages show times, set through {@code presstrace.pages.*}.
 *
 * @param timeZone the IANA zone the pages show times in for a user who has not chosen one (the user
 *     chooses under "Time zone", or an administrator for them)
 */
@ConfigurationProperties("presstrace.pages")
@Validated
record PagesProperties(@DefaultValue("America/New_York") @NotBlank String timeZone) {

  PagesProperties {
    if (!java.time.ZoneId.getAvailableZoneIds().contains(timeZone)) {
      throw new IllegalArgumentException(
          "presstrace.pages.time-zone '" + timeZone + "' is not an IANA zone id");
    }
  }

  java.time.ZoneId zone() {
    return java.time.ZoneId.of(timeZone);
  }
}
