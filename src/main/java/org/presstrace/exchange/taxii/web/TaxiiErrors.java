package org.presstrace.exchange.taxii.web;

import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Refusals of the TAXII server in the TAXII 2.1 error message format ({@code title}, {@code
 * description}, {@code http_status}), as {@code application/taxii+json;version=2.1}. Like the rest
 * of the API, an answer never carries an exception's internals.
 */
@RestControllerAdvice(assignableTypes = TaxiiApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class TaxiiErrors {

  @ExceptionHandler(TaxiiError.class)
  ResponseEntity<String> taxii(TaxiiError error) {
    return answer(error.status(), error.title(), error.getMessage());
  }

  @ExceptionHandler(InvalidRequest.class)
  ResponseEntity<String> invalid(InvalidRequest error) {
    return answer(400, "Bad request", error.field() + ": " + error.getMessage());
  }

  @ExceptionHandler(JacksonException.class)
  ResponseEntity<String> unreadable(JacksonException error) {
    return answer(400, "Bad request", "the body is not JSON");
  }

  @ExceptionHandler(NotFound.class)
  ResponseEntity<String> notFound(NotFound error) {
    return answer(404, "Not found", "no such resource, or not one you may read");
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<String> denied(AccessDeniedException error) {
    return answer(403, "Forbidden", error.getMessage());
  }

  static ResponseEntity<String> answer(int status, String title, String description) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("title", title);
    body.put("description", description);
    body.put("http_status", Integer.toString(status));
    return ResponseEntity.status(status).contentType(TaxiiApi.TAXII).body(body.toString());
  }
}
