package org.presstrace.web;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bearer tokens from an OIDC issuer, set through {@code presstrace.security.jwt.*}.
 *
 * @param issuerUri the issuer whose tokens the API accepts; blank accepts none (local accounts
 *     only)
 * @param usernameClaim the token claim that names the PressTrace account
 */
@ConfigurationProperties("presstrace.security.jwt")
@Validated
record JwtProperties(
    @DefaultValue("") String issuerUri,
    @DefaultValue("preferred_username") @NotBlank String usernameClaim) {}
