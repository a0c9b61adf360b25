package org.presstrace.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.DelegatingServletInputStream;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Every bulk import takes a body of up to the documented 25 MiB and refuses one byte more with a
 * 413 problem. Bodies are streamed, never held whole in the test.
 */
@PressTraceIntegrationTest
class ImportBodyLimitIntegrationTests {

  private static final long LIMIT = 25L * 1024 * 1024;

  @Autowired MockMvcTester mvc;
  @Autowired Directory directory;

  private static String admin;

  @BeforeEach
  void setUp() {
    if (admin != null && directory.caller(admin).isPresent()) {
      return;
    }
    var world = new World(directory);
    admin =
        world.user("importer", world.agency("PTO", AgencyKind.FEDERAL, "USA"), Role.ADMINISTRATOR);
  }

  @ParameterizedTest
  @CsvSource({
    "/api/v1/registry/imports, text/csv",
    "/api/v1/resolution/subjects/import/ftm, application/x-ndjson",
    "/api/v1/substances/designations, text/csv",
    "/api/v1/substances/designations/preview, application/json",
  })
  void aDeclaredBodyOneByteOverTheLimitIsRefusedAt413(String path, String type) {
    MvcTestResult result = mvc.perform(streamed(path, type, LIMIT + 1, LIMIT + 1));

    assertTooLarge(result);
  }

  @ParameterizedTest
  @CsvSource({
    "/api/v1/registry/imports",
    "/api/v1/resolution/subjects/import/ftm",
    "/api/v1/seizures/import",
    "/api/v1/substances/designations",
    "/api/v1/substances/designations/preview",
  })
  void anUploadOneByteOverTheLimitAndItsFramingIsRefusedAt413(String path) {
    long length = LIMIT + BodyLimit.MULTIPART_OVERHEAD + 1;

    MvcTestResult result =
        mvc.perform(streamed(path, "multipart/form-data; boundary=x", length, length));

    assertTooLarge(result);
  }

  @ParameterizedTest
  @CsvSource({
    "/api/v1/registry/imports",
    "/api/v1/resolution/subjects/import/ftm",
    "/api/v1/seizures/import",
    "/api/v1/substances/designations/preview",
  })
  void anUploadOfTheLimitAndItsFramingIsNotRefusedForItsSize(String path) {
    long length = LIMIT + BodyLimit.MULTIPART_OVERHEAD;

    MvcTestResult result =
        mvc.perform(streamed(path, "multipart/form-data; boundary=x", length, length));

    assertThat(result.getResponse().getStatus()).isNotEqualTo(413);
  }

  @Test
  void aStreamedBodyOneByteOverTheLimitIsCutOffAt413() {
    MvcTestResult result =
        mvc.perform(streamed("/api/v1/substances/designations/preview", "text/csv", -1, LIMIT + 1));

    assertTooLarge(result);
  }

  @Test
  void aStreamedBodyOfExactlyTheLimitIsRead() {
    MvcTestResult result =
        mvc.perform(streamed("/api/v1/substances/designations/preview", "text/csv", -1, LIMIT));

    assertThat(result.getResponse().getStatus()).isNotEqualTo(413);
    assertThat(result.getResponse().getStatus()).isLessThan(500);
  }

  @Test
  void otherBodiesKeepTheirOneMibLimit() {
    long length = 1024 * 1024 + 1;

    MvcTestResult result =
        mvc.perform(streamed("/api/v1/seizures", "application/json", length, length));

    assertThat(result).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
    assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("1048576 bytes");
  }

  private static void assertTooLarge(MvcTestResult result) {
    assertThat(result)
        .hasStatus(HttpStatus.CONTENT_TOO_LARGE)
        .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(result)
        .bodyJson()
        .extractingPath("$.type")
        .asString()
        .isEqualTo("urn:presstrace:problem:body-too-large");
    assertThat(result)
        .bodyJson()
        .extractingPath("$.detail")
        .asString()
        .contains("larger than the limit of " + LIMIT + " bytes");
  }

  /**
   * A POST of {@code bytes} bytes made as they are read; {@code declared} is its Content-Length, or
   * -1 for a chunked body.
   */
  private RequestBuilder streamed(String path, String type, long declared, long bytes) {
    String basic =
        Base64.getEncoder()
            .encodeToString((admin + ":" + World.PASSWORD).getBytes(StandardCharsets.UTF_8));
    return (ServletContext servletContext) -> {
      var request = new Streamed(servletContext, new Bytes(bytes), declared);
      request.setMethod("POST");
      request.setRequestURI(path);
      request.setContentType(type);
      request.addHeader(HttpHeaders.CONTENT_TYPE, type);
      if (declared < 0) {
        request.addHeader(HttpHeaders.TRANSFER_ENCODING, "chunked");
      }
      request.addHeader(HttpHeaders.AUTHORIZATION, "Basic " + basic);
      request.addHeader("PressTrace-Purpose", "Bulk import");
      return request;
    };
  }

  /** {@code remaining} bytes of CSV-looking text, made as they are read. */
  private static final class Bytes extends InputStream {
    private long remaining;

    Bytes(long remaining) {
      this.remaining = remaining;
    }

    @Override
    public int read() {
      if (remaining <= 0) {
        return -1;
      }
      remaining--;
      return remaining % 64 == 0 ? '\n' : 'a';
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (remaining <= 0) {
        return -1;
      }
      int n = (int) Math.min(length, remaining);
      for (int i = 0; i < n; i++) {
        buffer[offset + i] = (byte) read();
      }
      return n;
    }
  }

  private static final class Streamed extends MockHttpServletRequest {
    private final ServletInputStream stream;
    private final long declared;

    Streamed(ServletContext servletContext, InputStream body, long declared) {
      super(servletContext);
      this.stream = new DelegatingServletInputStream(body);
      this.declared = declared;
    }

    @Override
    public int getContentLength() {
      return declared > Integer.MAX_VALUE ? -1 : (int) declared;
    }

    @Override
    public long getContentLengthLong() {
      return declared;
    }

    @Override
    public ServletInputStream getInputStream() {
      return stream;
    }
  }
}
