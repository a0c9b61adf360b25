package org.presstrace.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Every error the servlet container sends to {@code /error}: an unknown path, a method or media
 * type a handler does not take, a request refused by the security filters, a failure outside any
 * controller. An API client (a path under {@code /api/}, or a request that accepts JSON and not
 * HTML) gets an RFC 9457 problem; a browser gets the error page. Neither carries the exception's
 * message or a stack trace, and a client error is not logged as a server failure. A request for
 * {@code /error} itself, with no error behind it, is answered as an unknown path.
 */
@Controller
class ErrorAnswers implements ErrorController {

  private static final Logger log = LoggerFactory.getLogger(ErrorAnswers.class);

  private final ProblemResponses problems;

  ErrorAnswers(ProblemResponses problems) {
    this.problems = problems;
  }

  @RequestMapping("/error")
  String error(HttpServletRequest request, HttpServletResponse response, Model model)
      throws IOException {
    HttpStatus status = status(request);
    Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    if (status.is5xxServerError() && failure instanceof Throwable throwable) {
      log.error("failure outside a controller on {}", originalPath(request), throwable);
    }
    if (wantsProblem(request)) {
      problems.write(
          request,
          response,
          status,
          ProblemResponses.slug(status),
          ProblemResponses.sentence(status),
          originalPath(request));
      return null;
    }
    response.setStatus(status.value());
    model.addAttribute("status", status.value());
    return "error";
  }

  private static HttpStatus status(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    if (!(code instanceof Integer value)) {
      return HttpStatus.NOT_FOUND;
    }
    HttpStatus status = HttpStatus.resolve(value);
    return status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
  }

  static String originalPath(HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    return uri instanceof String path ? path : request.getRequestURI();
  }

  /** A path under the API, or a client that takes JSON and not HTML. */
  static boolean wantsProblem(HttpServletRequest request) {
    String path = originalPath(request);
    if (path != null
        && (path.startsWith("/api/")
            || path.startsWith("/v3/api-docs")
            || TaxiiErrorMessages.on(path))) {
      return true;
    }
    String accept = request.getHeader("Accept");
    if (accept == null || accept.isBlank()) {
      return false;
    }
    var types = MediaType.parseMediaTypes(accept);
    boolean json =
        types.stream()
            .anyMatch(
                type ->
                    type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()
                        || type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                            && !type.isWildcardType());
    boolean html =
        types.stream()
            .anyMatch(type -> type.includes(MediaType.TEXT_HTML) && !type.isWildcardType());
    return json && !html;
  }
}
