package org.presstrace.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.NoSuchElementException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A page asked for a record it cannot show, because the record is hidden from the reader, absent,
 * or named by a malformed id, renders the one 404 page: the three look the same, so the answer
 * reveals nothing, and nothing is logged, since the fault is the client's. API controllers have
 * their own problems ({@link ApiProblems}), which come first.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblems {

  @ExceptionHandler({
    NoSuchElementException.class,
    MethodArgumentTypeMismatchException.class,
    NoResourceFoundException.class
  })
  String notFound(HttpServletResponse response, Model model) {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    model.addAttribute("status", HttpServletResponse.SC_NOT_FOUND);
    return "error";
  }
}
