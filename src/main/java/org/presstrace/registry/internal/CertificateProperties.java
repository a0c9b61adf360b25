package org.presstrace.registry.internal;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where certificates send readers, set through {@code presstrace.public-url}.
 *
 * @param publicUrl the base of the verification URL printed on certificates; its default, {@code
 *     http://localhost:<port>}, is in application.properties since it derives from {@code
 *     server.port}
 */
@ConfigurationProperties("presstrace")
@Validated
public record CertificateProperties(@NotNull String publicUrl) {}
