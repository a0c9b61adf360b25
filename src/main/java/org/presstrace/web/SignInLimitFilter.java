package org.presstrace.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.presstrace.access.SignInLimits;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a password sign-in unheard while its name or its source address is limited after failed
 * attempts ({@link SignInLimits}), before the password is checked or the account looked up, so that
 * the answer costs no password hash and is the same whether the name exists or not. The API answers
 * 429 with {@code Retry-After}; the sign-in form goes back to the sign-in page with a message. The
 * source address is the servlet's remote address: {@code X-Forwarded-For} counts only when {@code
 * server.forward-headers-strategy} tells the server to trust it.
 */
abstract sealed class SignInLimitFilter extends OncePerRequestFilter {

  private final SignInLimits limits;

  private SignInLimitFilter(SignInLimits limits) {
    this.limits = limits;
  }

  /** For HTTP Basic: refuses with a 429 problem. */
  static SignInLimitFilter basic(SignInLimits limits, ProblemResponses problems) {
    return new Basic(limits, problems);
  }

  /** For the sign-in form posted to {@code loginPath}: back to the sign-in page. */
  static SignInLimitFilter form(SignInLimits limits, String loginPath) {
    return new Form(limits, loginPath);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String username = username(request);
    if (username != null) {
      Duration wait = limits.retryAfter(username, request.getRemoteAddr());
      if (wait.compareTo(Duration.ZERO) > 0) {
        refuse(request, response, wait);
        return;
      }
    }
    chain.doFilter(request, response);
  }

  /** The name the chain's authentication would check, as it would read it; null when none. */
  abstract String username(HttpServletRequest request);

  abstract void refuse(HttpServletRequest request, HttpServletResponse response, Duration wait)
      throws IOException;

  private static final class Basic extends SignInLimitFilter {

    private final BasicAuthenticationConverter credentials = new BasicAuthenticationConverter();
    private final ProblemResponses problems;

    Basic(SignInLimits limits, ProblemResponses problems) {
      super(limits);
      this.problems = problems;
    }

    @Override
    String username(HttpServletRequest request) {
      try {
        UsernamePasswordAuthenticationToken attempt = credentials.convert(request);
        return attempt == null ? null : attempt.getName();
      } catch (AuthenticationException malformed) {
        return null;
      }
    }

    @Override
    void refuse(HttpServletRequest request, HttpServletResponse response, Duration wait)
        throws IOException {
      problems.tooManySignIns(request, response, wait);
    }
  }

  private static final class Form extends SignInLimitFilter {

    private final String loginPath;

    Form(SignInLimits limits, String loginPath) {
      super(limits);
      this.loginPath = loginPath;
    }

    /** Trimmed, as the form login trims it, so that " name" is the same name. */
    @Override
    String username(HttpServletRequest request) {
      if (!"POST".equals(request.getMethod())
          || !(request.getContextPath() + loginPath).equals(request.getRequestURI())) {
        return null;
      }
      String username = request.getParameter("username");
      return username == null ? "" : username.trim();
    }

    @Override
    void refuse(HttpServletRequest request, HttpServletResponse response, Duration wait)
        throws IOException {
      response.sendRedirect(request.getContextPath() + loginPath + "?limited");
    }
  }
}
