package org.presstrace.web;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers every answer carries, also those written outside Spring Security's filters (the
 * container's own refusals): no sniffing, no framing, no caching, no referrer, nothing loaded.
 */
final class SecurityHeaders {

  private SecurityHeaders() {}

  static void apply(HttpServletResponse response) {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
  }
}
