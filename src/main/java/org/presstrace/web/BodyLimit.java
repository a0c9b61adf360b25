package org.presstrace.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps API request bodies ({@code presstrace.api.max-body-bytes}, default 1 MiB; bulk imports,
 * paths ending in {@code /imports}, {@code presstrace.api.import-max-body-bytes}, default 25 MiB):
 * a declared length over the cap gets 413 at once; a chunked body is cut off when it passes the
 * cap.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodyLimit extends OncePerRequestFilter {

  static final String LIMIT_ATTRIBUTE = BodyLimit.class.getName() + ".limit";

  private final long maxBytes;
  private final long importMaxBytes;
  private final ProblemResponses problems;

  BodyLimit(ApiProperties limits, ProblemResponses problems) {
    this.maxBytes = limits.maxBodyBytes();
    this.importMaxBytes = limits.importMaxBodyBytes();
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit = request.getRequestURI().endsWith("/imports") ? importMaxBytes : maxBytes;
    request.setAttribute(LIMIT_ATTRIBUTE, limit);
    if (request.getContentLengthLong() > limit) {
      problems.write(
          request, response, HttpStatus.CONTENT_TOO_LARGE, "body-too-large", message(limit));
      return;
    }
    chain.doFilter(new Capped(request, limit), response);
  }

  static String message(long maxBytes) {
    return "the request body is larger than the limit of " + maxBytes + " bytes";
  }

  static String message(WebRequest request) {
    Object limit = request.getAttribute(LIMIT_ATTRIBUTE, WebRequest.SCOPE_REQUEST);
    return message(limit instanceof Long value ? value : 0L);
  }

  static boolean exceeded(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof TooLarge) {
        return true;
      }
    }
    return false;
  }

  /** Raised while reading a body that passes the cap. */
  static final class TooLarge extends IOException {
    TooLarge(long maxBytes) {
      super(message(maxBytes));
    }
  }

  private static final class Capped extends HttpServletRequestWrapper {
    private final long maxBytes;
    private ServletInputStream stream;

    Capped(HttpServletRequest request, long maxBytes) {
      super(request);
      this.maxBytes = maxBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream inner = super.getInputStream();
        stream =
            new ServletInputStream() {
              private long read;

              @Override
              public int read() throws IOException {
                int b = inner.read();
                if (b >= 0) {
                  count(1);
                }
                return b;
              }

              @Override
              public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = inner.read(buffer, offset, length);
                if (n > 0) {
                  count(n);
                }
                return n;
              }

              private void count(int n) throws TooLarge {
                read += n;
                if (read > maxBytes) {
                  throw new TooLarge(maxBytes);
                }
              }

              @Override
              public boolean isFinished() {
                return inner.isFinished();
              }

              @Override
              public boolean isReady() {
                return inner.isReady();
              }

              @Override
              public void setReadListener(ReadListener listener) {
                inner.setReadListener(listener);
              }
            };
      }
      return stream;
    }
  }
}
