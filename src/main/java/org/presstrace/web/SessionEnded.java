package org.presstrace.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.SimpleSavedRequest;

/**
 * A form sent after its session ended carries the old session's CSRF token, so it is refused before
 * anyone is known. That is not a question of roles: the user is sent to sign in again, told why,
 * and brought back afterwards to the page the form was on, where the browser puts back what was
 * typed (presstrace.js keeps it until then). Nothing the form asked for is done. Every other
 * refusal is the plain 403 page.
 */
final class SessionEnded implements AccessDeniedHandler {

  private static final String SAVED_REQUEST = "SPRING_SECURITY_SAVED_REQUEST";

  private final AccessDeniedHandler refused = new AccessDeniedHandlerImpl();

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException, ServletException {
    if (!(denied instanceof CsrfException) || signedIn()) {
      refused.handle(request, response, denied);
      return;
    }
    String back = samePageOf(request);
    if (back != null) {
      // Where the sign-in's success handler looks (HttpSessionRequestCache's default attribute).
      request.getSession(true).setAttribute(SAVED_REQUEST, new SimpleSavedRequest(back));
    }
    response.sendRedirect(request.getContextPath() + "/login?expired");
  }

  private static boolean signedIn() {
    Authentication who = SecurityContextHolder.getContext().getAuthentication();
    return who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken);
  }

  /**
   * The page the form was on, from the Referer this server's pages send (same origin only), as a
   * path with its query; null when there is none or it names another site.
   */
  static String samePageOf(HttpServletRequest request) {
    String referer = request.getHeader("Referer");
    if (referer == null || referer.length() > 2_000) {
      return null;
    }
    try {
      URI page = URI.create(referer);
      if (page.getHost() == null
          || !page.getHost().equalsIgnoreCase(request.getServerName())
          || page.getPort() != request.getServerPort()
          || page.getRawPath() == null
          || !page.getRawPath().startsWith(request.getContextPath() + "/")
          || page.getRawPath().startsWith(request.getContextPath() + "/login")
          // "//host/..." or a backslash would leave the site when used as a redirect
          || page.getRawPath().substring(request.getContextPath().length()).startsWith("//")
          || referer.indexOf('\\') >= 0) {
        return null;
      }
      return page.getRawPath().substring(request.getContextPath().length())
          + (page.getRawQuery() == null ? "" : "?" + page.getRawQuery());
    } catch (IllegalArgumentException notAnAddress) {
      return null;
    }
  }
}
