package org.presstrace.exchange.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import org.presstrace.exchange.PartnerOutbox;
import org.presstrace.exchange.internal.OutboxSender;
import org.presstrace.exchange.internal.Receiving;
import org.presstrace.exchange.internal.Receiving.Receipt;
import org.presstrace.exchange.internal.Receiving.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where partners deliver messages. Authenticated by the request's HTTP message signature alone (no
 * session, no CSRF token, no Basic); a refusal is an RFC 9457 problem whose {@code code} names the
 * rule, and stores nothing.
 */
@RestController
class MessagesEndpoint {

  /** The envelope around a body of {@link PartnerOutbox#MAX_BODY_BYTES}, with room for escapes. */
  static final int MAX_REQUEST_BYTES = 4 * PartnerOutbox.MAX_BODY_BYTES;

  private final Receiving receiving;

  MessagesEndpoint(Receiving receiving) {
    this.receiving = receiving;
  }

  @PostMapping(OutboxSender.PATH)
  ResponseEntity<Object> receive(HttpServletRequest request) throws IOException {
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(MAX_REQUEST_BYTES + 1);
    }
    if (body.length > MAX_REQUEST_BYTES) {
      return problem(413, "too-large", "a message is at most " + MAX_REQUEST_BYTES + " bytes");
    }
    try {
      Receipt receipt =
          receiving.receive(
              new Receiving.Request(
                  request.getMethod(),
                  request.getRequestURI(),
                  request.getQueryString(),
                  request.getHeader("Content-Type"),
                  request.getHeader("Content-Digest"),
                  request.getHeader("Signature-Input"),
                  request.getHeader("Signature"),
                  body));
      return ResponseEntity.ok()
          .contentType(MediaType.APPLICATION_JSON)
          .body(
              Map.of(
                  "status", receipt.status(),
                  "messageId", receipt.messageId(),
                  "sequence", receipt.sequence()));
    } catch (Refusal refusal) {
      return problem(refusal.status(), refusal.code(), refusal.getMessage());
    }
  }

  private static ResponseEntity<Object> problem(int status, String code, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
    problem.setType(URI.create("https://presstrace.org/problems/exchange/" + code));
    problem.setTitle("Message refused");
    problem.setProperty("code", code);
    var response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (status == 401) {
      response.header("WWW-Authenticate", "Signature");
    }
    return response.body(problem);
  }
}
