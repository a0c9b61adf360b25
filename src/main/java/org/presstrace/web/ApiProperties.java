package org.presstrace.web;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The API's request body limits, set through {@code presstrace.api.*}.
 *
 * @param maxBodyBytes the largest request body an API call takes
 * @param importMaxBodyBytes the largest body a bulk import ({@code POST .../imports}) takes
 */
@ConfigurationProperties("presstrace.api")
@Validated
record ApiProperties(
    @DefaultValue("1048576") @Positive long maxBodyBytes,
    @DefaultValue("26214400") @Positive long importMaxBodyBytes) {}
