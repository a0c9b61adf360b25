package org.presstrace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import jakarta.servlet.ServletContext;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.DelegatingServletInputStream;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Every way a request to the intelligence API can be wrong ends in an RFC 9457 problem that names
 * what is at fault, and stores nothing.
 */
@PressTraceIntegrationTest
class ApiProblemsIntegrationTests {

  private static final String REPORTS = "/api/v1/intel-reports";
  private static final int ONE_MIB = 1024 * 1024;

  @Autowired MockMvcTester mvc;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;

  /** One investigator for the whole class: hashing a password per test would dominate its time. */
  private static String investigator;

  @BeforeEach
  void setUp() {
    if (investigator != null && directory.caller(investigator).isPresent()) {
      return;
    }
    var world = new World(directory);
    investigator =
        world.user(
            "investigator", world.agency("FED", AgencyKind.FEDERAL, "USA"), Role.INVESTIGATOR);
  }

  @Test
  void acceptsAValidReport() {
    long before = reports();

    MvcTestResult created = post(report("\"Press seen at the port\"", "{\"tlp\":\"AMBER\"}"));

    assertThat(created).hasStatus(HttpStatus.CREATED);
    assertThat(reports()).isEqualTo(before + 1);
  }

  @Test
  void malformedJsonIsAProblem() {
    MvcTestResult result = refused(() -> post("{\"title\": \"unfinished"));

    assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
    assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("not valid JSON");
  }

  @Test
  void missingTitleIsNamed() {
    MvcTestResult result =
        refused(() -> post("{\"summary\":\"s\",\"marking\":{\"tlp\":\"AMBER\"}}"));

    assertFieldProblem(result, "title", "title is required");
  }

  @Test
  void titleOfTheWrongTypeIsNamed() {
    MvcTestResult result = refused(() -> post(report("[\"a\",\"b\"]", "{\"tlp\":\"AMBER\"}")));

    assertFieldProblem(result, "title", "wrong type");
  }

  @Test
  void markingOfTheWrongTypeIsNamed() {
    MvcTestResult result = refused(() -> post(report("\"Title\"", "\"AMBER\"")));

    assertFieldProblem(result, "marking", "wrong type");
  }

  @Test
  void unknownTlpIsNamed() {
    MvcTestResult result = refused(() -> post(report("\"Title\"", "{\"tlp\":\"PURPLE\"}")));

    assertFieldProblem(result, "marking.tlp", "PURPLE");
  }

  @Test
  void invalidRelToCountryIsNamedWithItsIndex() {
    MvcTestResult result =
        refused(
            () ->
                post(
                    report(
                        "\"Title\"",
                        "{\"tlp\":\"AMBER\",\"cuiCategory\":\"LEI\",\"relTo\":[\"USA\",\"XXX\"]}")));

    assertFieldProblem(result, "marking.relTo[1]", "XXX");
  }

  @Test
  void unknownFieldIsNamedAndNothingStored() {
    MvcTestResult result =
        refused(
            () ->
                post(
                    "{\"title\":\"t\",\"summary\":\"s\",\"isAdmin\":true,"
                        + "\"marking\":{\"tlp\":\"AMBER\"}}"));

    assertFieldProblem(result, "isAdmin", "field isAdmin is not part of this request");
  }

  @Test
  void unknownNestedFieldIsNamedWithItsPath() {
    MvcTestResult result =
        refused(() -> post(report("\"t\"", "{\"tlp\":\"AMBER\",\"owner\":\"x\"}")));

    assertFieldProblem(result, "marking.owner", "not part of this request");
  }

  @Test
  void loneSurrogateIsNamedAndNothingStored() {
    MvcTestResult result = refused(() -> post(report("\"A\\uD800B\"", "{\"tlp\":\"AMBER\"}")));

    assertFieldProblem(result, "title", "unpaired surrogate U+D800");
  }

  @Test
  void loneLowSurrogateInAListIsNamedWithItsIndex() {
    MvcTestResult result =
        refused(() -> post(report("\"t\"", "{\"tlp\":\"AMBER\",\"relTo\":[\"GBR\",\"\\uDC00\"]}")));

    assertFieldProblem(result, "marking.relTo[1]", "unpaired surrogate U+DC00");
  }

  @Test
  void pairedSurrogatesAreText() {
    long before = reports();

    MvcTestResult created = post(report("\"Press \\uD83D\\uDC8A seen\"", "{\"tlp\":\"AMBER\"}"));

    assertThat(created).hasStatus(HttpStatus.CREATED);
    assertThat(reports()).isEqualTo(before + 1);
  }

  @Test
  void overlongJsonNumberIsRefusedBeforeItIsConverted() {
    String digits = "9".repeat(65);

    MvcTestResult result = refused(() -> post(report(digits, "{\"tlp\":\"AMBER\"}")));

    // the parser refuses the number before any field is bound, so it cannot name the field
    assertFieldProblem(result, "(body)", "a number longer than 64 characters");
  }

  @Test
  void parameterWithOtherScriptsDigitsIsNamed() {
    for (String page : new String[] {"\u0661", "\uFF11", "1,0", "1_0", "NaN", "0x1"}) {
      MvcTestResult result =
          mvc.get()
              .uri(REPORTS + "?purpose=Case 2024-0001&page={page}", page)
              .with(httpBasic(investigator, World.PASSWORD))
              .exchange();

      assertThat(result.getResponse().getStatus()).as(page).isEqualTo(400);
      assertThat(result)
          .bodyJson()
          .extractingPath("$.errors[*].field")
          .asArray()
          .as(page)
          .containsExactly("page");
    }
  }

  @Test
  void declaredBodyOverTheLimitIsRefusedAt413() {
    byte[] body = oversizedReport();

    MvcTestResult result =
        refused(
            () ->
                mvc.post()
                    .uri(REPORTS)
                    .with(httpBasic(investigator, World.PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body)
                    .exchange());

    assertThat(result.getRequest().getContentLengthLong()).isEqualTo(body.length);
    assertTooLarge(result);
  }

  @Test
  void streamedBodyOverTheLimitIsCutOffAt413() {
    MvcTestResult result = refused(() -> mvc.perform(chunked(oversizedReport())));

    assertTooLarge(result);
  }

  @Test
  void streamedBodyUnderTheLimitIsAccepted() {
    long before = reports();

    MvcTestResult result =
        mvc.perform(
            chunked(
                report("\"Streamed\"", "{\"tlp\":\"GREEN\"}").getBytes(StandardCharsets.UTF_8)));

    assertThat(result).hasStatus(HttpStatus.CREATED);
    assertThat(reports()).isEqualTo(before + 1);
  }

  @Test
  void pageSizeZeroIsNamed() {
    MvcTestResult result =
        mvc.get()
            .uri(REPORTS + "?size=0&purpose=Case 2024-0001")
            .with(httpBasic(investigator, World.PASSWORD))
            .exchange();

    assertFieldProblem(result, "size", "size 0");
  }

  @Test
  void negativePageIsNamed() {
    MvcTestResult result =
        mvc.get()
            .uri(REPORTS + "?page=-1&purpose=Case 2024-0001")
            .with(httpBasic(investigator, World.PASSWORD))
            .exchange();

    assertFieldProblem(result, "page", "page -1");
  }

  @Test
  void unknownReportIsNotFound() {
    String id = UUID.randomUUID().toString();

    MvcTestResult result =
        mvc.get()
            .uri(REPORTS + "/" + id)
            .header("PressTrace-Purpose", "Case 2024-0001")
            .with(httpBasic(investigator, World.PASSWORD))
            .exchange();

    assertThat(result)
        .hasStatus(HttpStatus.NOT_FOUND)
        .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(result).bodyJson().extractingPath("$.status").asNumber().isEqualTo(404);
    assertThat(result).bodyJson().extractingPath("$.detail").asString().contains(id);
  }

  private static String report(String title, String marking) {
    return "{\"title\":" + title + ",\"summary\":\"Seen at the port\",\"marking\":" + marking + "}";
  }

  /** A valid report whose summary alone passes 1 MiB. */
  private static byte[] oversizedReport() {
    return report("\"Big\"", "{\"tlp\":\"AMBER\"}")
        .replace("Seen at the port", "x".repeat(ONE_MIB + 16))
        .getBytes(StandardCharsets.UTF_8);
  }

  private MvcTestResult post(String json) {
    return mvc.post()
        .uri(REPORTS)
        .with(httpBasic(investigator, World.PASSWORD))
        .contentType(MediaType.APPLICATION_JSON)
        .content(json)
        .exchange();
  }

  /**
   * A POST whose body arrives as a stream of unknown length, as with {@code Transfer-Encoding:
   * chunked}: the request declares no Content-Length.
   */
  private RequestBuilder chunked(byte[] body) {
    String basic =
        Base64.getEncoder()
            .encodeToString((investigator + ":" + World.PASSWORD).getBytes(StandardCharsets.UTF_8));
    return (ServletContext servletContext) -> {
      var request = new Streamed(servletContext, new ByteArrayInputStream(body));
      request.setMethod("POST");
      request.setRequestURI(REPORTS);
      request.setContentType(MediaType.APPLICATION_JSON_VALUE);
      request.addHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE);
      request.addHeader(HttpHeaders.TRANSFER_ENCODING, "chunked");
      request.addHeader(HttpHeaders.AUTHORIZATION, "Basic " + basic);
      return request;
    };
  }

  private static final class Streamed extends MockHttpServletRequest {
    private final DelegatingServletInputStream stream;

    Streamed(ServletContext servletContext, InputStream body) {
      super(servletContext);
      this.stream = new DelegatingServletInputStream(body);
    }

    @Override
    public int getContentLength() {
      return -1;
    }

    @Override
    public long getContentLengthLong() {
      return -1;
    }

    @Override
    public jakarta.servlet.ServletInputStream getInputStream() {
      return stream;
    }
  }

  /** Runs a request that must be refused, and checks that no report was stored. */
  private MvcTestResult refused(Supplier<MvcTestResult> request) {
    long before = reports();
    MvcTestResult result = request.get();
    assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(reports()).as("intel_report rows").isEqualTo(before);
    return result;
  }

  private long reports() {
    return jdbc.sql("SELECT COUNT(*) FROM intel_report").query(Long.class).single();
  }

  private static void assertFieldProblem(MvcTestResult result, String field, String detail) {
    assertThat(result)
        .hasStatus(HttpStatus.BAD_REQUEST)
        .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(result).bodyJson().extractingPath("$.status").asNumber().isEqualTo(400);
    assertThat(result).bodyJson().extractingPath("$.detail").asString().contains(detail);
    assertThat(result)
        .bodyJson()
        .extractingPath("$.errors[*].field")
        .asArray()
        .containsExactly(field);
  }

  private static void assertTooLarge(MvcTestResult result) {
    assertThat(result).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
    assertThat(result).bodyJson().extractingPath("$.status").asNumber().isEqualTo(413);
    assertThat(result)
        .bodyJson()
        .extractingPath("$.detail")
        .asString()
        .contains("larger than the limit of " + ONE_MIB + " bytes");
  }
}
