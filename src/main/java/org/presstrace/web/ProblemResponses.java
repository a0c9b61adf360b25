package org.presstrace.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.presstrace.shared.TooManyRequests;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes RFC 9457 problem details outside Spring MVC: from security and servlet filters. */
@Component
class ProblemResponses {

  private final JsonMapper json;

  ProblemResponses(JsonMapper json) {
    this.json = json;
  }

  static URI type(String slug) {
    return URI.create("urn:presstrace:problem:" + slug);
  }

  void unauthorized(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    if (e instanceof InternalAuthenticationServiceException) {
      // The credentials could not be checked (the database is unreachable or its disk full):
      // asking the client to sign in again would blame the wrong party.
      response.setHeader("Retry-After", "5");
      write(
          request,
          response,
          HttpStatus.SERVICE_UNAVAILABLE,
          "unavailable",
          "credentials cannot be checked now; try again shortly");
      return;
    }
    response.setHeader("WWW-Authenticate", "Basic realm=\"PressTrace\", Bearer");
    write(
        request,
        response,
        HttpStatus.UNAUTHORIZED,
        "unauthorized",
        "sign in with HTTP Basic or a bearer token");
  }

  /**
   * A password sign-in refused unheard after failed attempts: the same answer whether the name
   * exists or not, with the wait in {@code Retry-After}.
   */
  void tooManySignIns(HttpServletRequest request, HttpServletResponse response, Duration wait)
      throws IOException {
    var limited = new TooManyRequests("too many failed sign-ins; try again later", wait);
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
    write(
        request, response, HttpStatus.TOO_MANY_REQUESTS, "too-many-sign-ins", limited.getMessage());
  }

  void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    write(request, response, HttpStatus.FORBIDDEN, "forbidden", "your roles do not allow this");
  }

  void write(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String slug,
      String detail)
      throws IOException {
    write(request, response, status, slug, detail, request.getRequestURI());
  }

  void write(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String slug,
      String detail,
      String path)
      throws IOException {
    if (TaxiiErrorMessages.on(path)) {
      response.setStatus(status.value());
      response.setContentType(TaxiiErrorMessages.TAXII.toString());
      response
          .getOutputStream()
          .write(
              TaxiiErrorMessages.body(status, detail)
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return;
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type(slug));
    problem.setInstance(instance(path));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }

  /** The path as the problem's instance, or none when it is not a valid URI reference. */
  static URI instance(String path) {
    try {
      return path == null ? null : URI.create(path);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The problem type of an error status that no handler described more closely. */
  static String slug(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> "bad-request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 406 -> "not-acceptable";
      case 409 -> "conflict";
      case 413 -> "body-too-large";
      case 414 -> "uri-too-long";
      case 415 -> "unsupported-media-type";
      case 429 -> "too-many-requests";
      default -> status.is5xxServerError() ? "internal" : "client-error";
    };
  }

  /** A plain sentence for an error status, never an exception's message. */
  static String sentence(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> "the request is malformed";
      case 401 -> "sign in with HTTP Basic or a bearer token";
      case 403 -> "your roles do not allow this";
      case 404 -> "there is nothing here that you may see";
      case 405 -> "this path does not take that method";
      case 406 -> "this path cannot answer in the media type asked for";
      case 413 -> "the request body is too large";
      case 414 -> "the request line is too long";
      case 415 -> "this path does not take a body of that media type";
      case 429 -> "too many requests; try again later";
      default ->
          status.is5xxServerError()
              ? "an unexpected error occurred; quote the request id to the operators"
              : "the request cannot be answered";
    };
  }
}
