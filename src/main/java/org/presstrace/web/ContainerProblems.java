package org.presstrace.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Container;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Requests the servlet container refuses before PressTrace sees them (an encoded slash or NUL in
 * the path, a request line or header too long, a malformed request) are answered as RFC 9457
 * problems with the same security headers as every other answer, instead of the container's own
 * HTML page naming its version.
 */
@Component
class ContainerProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(
        context -> {
          Container parent = context.getParent();
          if (parent instanceof StandardHost host) {
            host.setErrorReportValveClass(ProblemReportValve.class.getName());
          }
        });
  }

  /** The host's error report: a problem document, never a stack trace or a server version. */
  public static class ProblemReportValve extends ErrorReportValve {

    public ProblemReportValve() {
      setShowReport(false);
      setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int code = response.getStatus();
      if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      HttpStatus status = HttpStatus.resolve(code);
      if (status == null) {
        status = code >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
      }
      String body =
          "{\"type\":\"urn:presstrace:problem:"
              + ProblemResponses.slug(status)
              + "\",\"title\":\""
              + status.getReasonPhrase()
              + "\",\"status\":"
              + code
              + ",\"detail\":\""
              + ProblemResponses.sentence(status)
              + "\"}";
      try {
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        SecurityHeaders.apply(response);
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(body);
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // the client has gone or the response is committed: nothing more can be said
      }
    }
  }
}
