package org.presstrace.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps API request bodies ({@code presstrace.api.max-body-bytes}, default 1 MiB; the bulk imports
 * of {@link #IMPORTS}, {@code presstrace.api.import-max-body-bytes}, default 25 MiB): a declared
 * length over the cap gets 413 at once; a chunked body is cut off when it passes the cap. A
 * multipart upload to an import may carry its file of up to the import limit plus {@link
 * #MULTIPART_OVERHEAD} bytes of form framing; the file itself is held to the limit by the multipart
 * configuration ({@link WebConfiguration}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodyLimit extends OncePerRequestFilter {

  static final String LIMIT_ATTRIBUTE = BodyLimit.class.getName() + ".limit";

  /** Every API path that takes a bulk import, CSV or JSON, as a body or an uploaded file. */
  static final Set<String> IMPORTS =
      Set.of(
          "/api/v1/registry/imports",
          "/api/v1/resolution/subjects/import/ftm",
          "/api/v1/seizures/import",
          "/api/v1/substances/designations",
          "/api/v1/substances/designations/preview");

  /** The room a multipart upload takes beyond its file: boundaries, part headers, other fields. */
  static final long MULTIPART_OVERHEAD = 64 * 1024;

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
    boolean bulk =
        "POST".equals(request.getMethod())
            && IMPORTS.contains(
                request.getRequestURI().substring(request.getContextPath().length()));
    long limit = bulk ? importMaxBytes : maxBytes;
    request.setAttribute(LIMIT_ATTRIBUTE, limit);
    long cap = bulk && multipart(request) ? limit + MULTIPART_OVERHEAD : limit;
    if (request.getContentLengthLong() > cap) {
      problems.write(
          request, response, HttpStatus.CONTENT_TOO_LARGE, "body-too-large", message(limit));
      return;
    }
    chain.doFilter(new Capped(request, cap, limit), response);
  }

  private static boolean multipart(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
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
    private final long limit;
    private ServletInputStream stream;

    Capped(HttpServletRequest request, long maxBytes, long limit) {
      super(request);
      this.maxBytes = maxBytes;
      this.limit = limit;
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
                  throw new TooLarge(limit);
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
