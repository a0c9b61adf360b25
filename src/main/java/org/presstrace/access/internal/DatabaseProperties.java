package org.presstrace.access.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The database role settings, set through {@code presstrace.db.*}.
 *
 * @param applicationRole the PostgreSQL role the application serves as, granted no more than it
 *     needs after each migration; blank grants nothing
 */
@ConfigurationProperties("presstrace.db")
public record DatabaseProperties(@DefaultValue("") String applicationRole) {}
