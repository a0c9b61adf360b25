package org.presstrace.access;

/**
 * A token just made, with its secret: the only time the secret is shown. PressTrace keeps only its
 * SHA-256 hash.
 */
public record IssuedApiToken(ApiToken token, String secret) {}
