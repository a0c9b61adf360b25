package org.presstrace.web;

import java.util.LinkedHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors on the TAXII 2.1 server's paths ({@code /taxii2/...}) are answered as TAXII 2.1 error
 * messages (section 3.6.1: {@code title}, {@code description}, {@code http_status}) with TAXII's
 * media type, not as RFC 9457 problems: a TAXII client reads only that format. This covers what the
 * security chain and Spring answer before the TAXII controller runs (401, 403, 404 outside the API
 * root, 405, 406 ...).
 */
final class TaxiiErrorMessages {

  static final MediaType TAXII = MediaType.parseMediaType("application/taxii+json;version=2.1");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private TaxiiErrorMessages() {}

  /** Whether {@code path} is on the TAXII server. */
  static boolean on(String path) {
    return path != null && (path.equals("/taxii2") || path.startsWith("/taxii2/"));
  }

  static String body(HttpStatusCode status, String description) {
    var error = new LinkedHashMap<String, Object>();
    String title = ProblemResponses.slug(status).replace('-', ' ');
    error.put("title", Character.toUpperCase(title.charAt(0)) + title.substring(1));
    error.put("description", description);
    error.put("http_status", Integer.toString(status.value()));
    return JSON.writeValueAsString(error);
  }

  static ResponseEntity<Object> answer(
      HttpStatusCode status, HttpHeaders headers, String description) {
    var copied = new HttpHeaders();
    if (headers != null) {
      copied.putAll(headers);
    }
    copied.setContentType(TAXII);
    return ResponseEntity.status(status).headers(copied).body(body(status, description));
  }
}
