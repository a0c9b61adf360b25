package org.presstrace.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.Decimals;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.TooManyRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one mapping from exceptions to RFC 9457 problem details for the whole API. Validation
 * problems carry an {@code errors} list naming each field, its rejected value and the rule.
 */
@RestControllerAdvice(annotations = RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

  /** One field's problem, as listed under {@code errors}. */
  record FieldProblem(String field, String message, Object rejectedValue) {}

  @ExceptionHandler(InvalidRequest.class)
  ResponseEntity<Object> invalid(InvalidRequest e, WebRequest request) {
    var errors =
        e.all().stream()
            .filter(problem -> problem.field() != null)
            .map(problem -> new FieldProblem(problem.field(), problem.getMessage(), null))
            .toList();
    return problem(HttpStatus.BAD_REQUEST, "invalid-input", e.getMessage(), errors, request);
  }

  @ExceptionHandler(TooManyRequests.class)
  ResponseEntity<Object> tooMany(TooManyRequests e, WebRequest request) {
    ResponseEntity<Object> problem =
        problem(
            HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", e.getMessage(), List.of(), request);
    return ResponseEntity.status(problem.getStatusCode())
        .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem.getBody());
  }

  @ExceptionHandler(NoSuchElementException.class)
  ResponseEntity<Object> notFound(NoSuchElementException e, WebRequest request) {
    return problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage(), List.of(), request);
  }

  @ExceptionHandler(ConflictingState.class)
  ResponseEntity<Object> conflict(ConflictingState e, WebRequest request) {
    return problem(HttpStatus.CONFLICT, "conflict", e.getMessage(), List.of(), request);
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<Object> integrity(DataIntegrityViolationException e, WebRequest request) {
    log.info("integrity violation: {}", e.getMostSpecificCause().getMessage());
    return problem(
        HttpStatus.CONFLICT,
        "conflict",
        "the change conflicts with stored data",
        List.of(),
        request);
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<Object> forbidden(AccessDeniedException e, WebRequest request) {
    return problem(HttpStatus.FORBIDDEN, "forbidden", e.getMessage(), List.of(), request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> mismatch(MethodArgumentTypeMismatchException e, WebRequest request) {
    String message = "'" + e.getValue() + "' is not a valid " + e.getName();
    return problem(
        HttpStatus.BAD_REQUEST,
        "invalid-input",
        message,
        List.of(new FieldProblem(e.getName(), message, String.valueOf(e.getValue()))),
        request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e, WebRequest request) throws Exception {
    if (e instanceof org.springframework.web.ErrorResponse) {
      return handleException(e, request);
    }
    if (DatabaseOutage.isOutage(e)) {
      // The request may be repeated once the database is back (a restart, a failover, a full
      // pool): a 503 with a wait tells the client so, where a 500 would blame this request.
      log.warn("database unreachable: {}", DatabaseOutage.describe(e));
      ResponseEntity<Object> answer =
          problem(
              HttpStatus.SERVICE_UNAVAILABLE,
              "unavailable",
              "the database cannot be reached now; try again shortly",
              List.of(),
              request);
      return ResponseEntity.status(answer.getStatusCode())
          .headers(answer.getHeaders())
          .header("Retry-After", "5")
          .body(answer.getBody());
    }
    log.error("unexpected failure", e);
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal",
        "an unexpected error occurred; quote the request id to the operators",
        List.of(),
        request);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    var errors = new ArrayList<FieldProblem>();
    e.getBindingResult()
        .getFieldErrors()
        .forEach(
            error ->
                errors.add(
                    new FieldProblem(
                        error.getField(), error.getDefaultMessage(), error.getRejectedValue())));
    e.getBindingResult()
        .getGlobalErrors()
        .forEach(error -> errors.add(new FieldProblem(null, error.getDefaultMessage(), null)));
    String detail =
        errors.size() == 1
            ? errors.get(0).field() + ": " + errors.get(0).message()
            : errors.size() + " fields are invalid";
    return problem(HttpStatus.BAD_REQUEST, "invalid-input", detail, errors, request);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    var errors = new ArrayList<FieldProblem>();
    e.getParameterValidationResults()
        .forEach(
            result ->
                result
                    .getResolvableErrors()
                    .forEach(
                        error ->
                            errors.add(
                                new FieldProblem(
                                    result.getMethodParameter().getParameterName(),
                                    error.getDefaultMessage(),
                                    result.getArgument()))));
    return problem(
        HttpStatus.BAD_REQUEST,
        "invalid-input",
        errors.size() + " parameters are invalid",
        errors,
        request);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String message = "parameter " + e.getParameterName() + " is required";
    return problem(
        HttpStatus.BAD_REQUEST,
        "invalid-input",
        message,
        List.of(new FieldProblem(e.getParameterName(), message, null)),
        request);
  }

  @Override
  protected ResponseEntity<Object> handleServletRequestBindingException(
      org.springframework.web.bind.ServletRequestBindingException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (e instanceof MissingRequestHeaderException missing) {
      String message = "header " + missing.getHeaderName() + " is required";
      return problem(
          HttpStatus.BAD_REQUEST,
          "invalid-input",
          message,
          List.of(new FieldProblem(missing.getHeaderName(), message, null)),
          request);
    }
    return super.handleServletRequestBindingException(e, headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (BodyLimit.exceeded(e)) {
      return problem(
          HttpStatus.CONTENT_TOO_LARGE,
          "body-too-large",
          BodyLimit.message(request),
          List.of(),
          request);
    }
    Throwable cause = e.getMostSpecificCause();
    StreamConstraintsException tooLong = find(e, StreamConstraintsException.class);
    if (tooLong != null) {
      String field = at(tooLong);
      String message =
          String.valueOf(tooLong.getOriginalMessage()).startsWith("Number")
              ? (field.equals("(body)") ? "the body" : "field " + field)
                  + " holds a number longer than "
                  + Decimals.MAX_LENGTH
                  + " characters"
              : "the body holds a value longer than this API reads";
      return problem(
          HttpStatus.BAD_REQUEST,
          "invalid-input",
          message,
          List.of(new FieldProblem(field, message, null)),
          request);
    }
    if (cause instanceof JacksonException jackson && !(cause instanceof StreamReadException)) {
      String field = path(jackson);
      String message =
          cause instanceof UnrecognizedPropertyException
              ? "field " + field + " is not part of this request"
              : cause instanceof JsonInput.UnpairedSurrogate
                  ? "field " + field + " " + jackson.getOriginalMessage()
                  : "field " + field + " has the wrong type or format";
      return problem(
          HttpStatus.BAD_REQUEST,
          "invalid-input",
          message,
          List.of(new FieldProblem(field, message, null)),
          request);
    }
    String detail =
        cause instanceof StreamReadException read && read.getLocation() != null
            ? "the body is not valid JSON (line "
                + read.getLocation().getLineNr()
                + ", column "
                + read.getLocation().getColumnNr()
                + ")"
            : "the body is missing or not valid JSON";
    return problem(HttpStatus.BAD_REQUEST, "malformed-body", detail, List.of(), request);
  }

  /**
   * Spring's own problems (405, 406, 415 and the like) keep their status and detail and get
   * PressTrace's problem type, so that a client tells them apart by type as it does the others.
   */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ResponseEntity<Object> answer =
        super.handleExceptionInternal(e, body, headers, status, request);
    if (answer != null && onTaxii(request)) {
      return TaxiiErrorMessages.answer(
          answer.getStatusCode(),
          answer.getHeaders(),
          answer.getBody() instanceof ProblemDetail problem && problem.getDetail() != null
              ? problem.getDetail()
              : ProblemResponses.sentence(answer.getStatusCode()));
    }
    if (answer != null && answer.getBody() instanceof ProblemDetail problem) {
      if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
        problem.setType(ProblemResponses.type(ProblemResponses.slug(answer.getStatusCode())));
      }
      return ResponseEntity.status(answer.getStatusCode())
          .headers(answer.getHeaders())
          .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    return answer;
  }

  private static boolean onTaxii(WebRequest request) {
    return request instanceof org.springframework.web.context.request.ServletWebRequest servlet
        && TaxiiErrorMessages.on(servlet.getRequest().getRequestURI());
  }

  private static <T extends Throwable> T find(Throwable failure, Class<T> kind) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (kind.isInstance(t)) {
        return kind.cast(t);
      }
    }
    return null;
  }

  /** Where the parser stood when it gave up: the field's path, or {@code (body)}. */
  private static String at(JacksonException e) {
    if (!e.getPath().isEmpty()) {
      return path(e);
    }
    if (e.processor() instanceof tools.jackson.core.JsonParser parser) {
      String pointer = parser.streamReadContext().pathAsPointer().toString();
      if (!pointer.isEmpty()) {
        return pointer.substring(1).replaceAll("/(\\d+)(?=/|$)", "[$1]").replace('/', '.');
      }
    }
    return "(body)";
  }

  static String path(JacksonException e) {
    var path = new StringBuilder();
    for (JacksonException.Reference reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "(body)" : path.toString();
  }

  private ResponseEntity<Object> problem(
      HttpStatus status,
      String slug,
      String detail,
      List<FieldProblem> errors,
      WebRequest request) {
    if (onTaxii(request)) {
      return TaxiiErrorMessages.answer(status, null, detail);
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(ProblemResponses.type(slug));
    if (request instanceof org.springframework.web.context.request.ServletWebRequest servlet) {
      HttpServletRequest http = servlet.getRequest();
      problem.setInstance(java.net.URI.create(http.getRequestURI()));
    }
    if (!errors.isEmpty()) {
      problem.setProperties(Map.of("errors", errors));
    }
    return ResponseEntity.status(status)
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
