package org.presstrace.access.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Caller;
import org.presstrace.access.CallerContext;
import org.presstrace.access.CallerContext.PurposeFrom;
import org.presstrace.access.Channel;
import org.presstrace.access.Purpose;
import org.presstrace.access.Role;
import org.presstrace.shared.CountryCode;
import org.presstrace.shared.InvalidRequest;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.context.request.ServletWebRequest;

class AccessContextResolverTests {

  private static final Caller ANALYST =
      new Caller(
          "analyst",
          "FED",
          AgencyKind.FEDERAL,
          new CountryCode("USA"),
          Set.of(Role.ANALYST),
          Set.of());

  private final AccessContextResolver resolver = new AccessContextResolver(() -> ANALYST);

  /** Controller-like methods, one per way of stating a purpose. */
  @SuppressWarnings("unused")
  static class Endpoints {
    void plain(AccessContext context) {}

    void once(
        @CallerContext(purposeFrom = PurposeFrom.HEADER_OR_SAME_PARAMETER) AccessContext context) {}

    void header(@CallerContext(purposeFrom = PurposeFrom.HEADER) AccessContext context) {}

    void none(@CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {}

    void other(String context) {}
  }

  @Test
  void supportsOnlyAccessContextParameters() {
    assertThat(resolver.supportsParameter(parameter("plain"))).isTrue();
    assertThat(resolver.supportsParameter(parameter("none"))).isTrue();
    assertThat(resolver.supportsParameter(parameter("other"))).isFalse();
  }

  @Test
  void apiCallerActsThroughTheApiChannel() {
    AccessContext context = resolve("plain", api());

    assertThat(context.caller()).isEqualTo(ANALYST);
    assertThat(context.channel()).isEqualTo(Channel.API);
    assertThat(context.purpose()).isNull();
  }

  @Test
  void headerWinsOverParameter() {
    var request = api();
    request.addHeader(CallerContext.PURPOSE_HEADER, "Case 2024-0001");
    request.addParameter("purpose", "Case 2024-0002");

    assertThat(resolve("plain", request).purposeText()).isEqualTo("Case 2024-0001");
  }

  @Test
  void parameterStatesThePurposeWhenNoHeaderIsSent() {
    var request = api();
    request.addParameter("purpose", "Case 2024-0002");

    assertThat(resolve("plain", request).purposeText()).isEqualTo("Case 2024-0002");
  }

  @Test
  void blankHeaderStillWinsAndMeansNoPurpose() {
    var request = api();
    request.addHeader(CallerContext.PURPOSE_HEADER, "  ");
    request.addParameter("purpose", "Case 2024-0002");

    assertThat(resolve("plain", request).purpose()).isNull();
  }

  @Test
  void purposeIsStrippedAsPurposeStripsIt() {
    var request = api();
    request.addHeader(CallerContext.PURPOSE_HEADER, "  Case 2024-0001 ");

    assertThat(resolve("plain", request).purposeText()).isEqualTo("Case 2024-0001");
  }

  @Test
  void repeatedHeadersAreJoinedByCommas() {
    var request = api();
    request.addHeader(CallerContext.PURPOSE_HEADER, "Case 2024-0001");
    request.addHeader(CallerContext.PURPOSE_HEADER, "Case 2024-0002");

    assertThat(resolve("plain", request).purposeText()).isEqualTo("Case 2024-0001,Case 2024-0002");
  }

  @Test
  void refusesAPurposeTooShort() {
    var request = api();
    request.addHeader(CallerContext.PURPOSE_HEADER, "abc");

    assertThatThrownBy(() -> resolve("plain", request))
        .isInstanceOfSatisfying(
            InvalidRequest.class, e -> assertThat(e.field()).isEqualTo("purpose"))
        .hasMessageContaining("at least " + Purpose.MIN_LENGTH + " characters");
  }

  @Test
  void refusesAPurposeTooLong() {
    var request = api();
    request.addParameter("purpose", "x".repeat(Purpose.MAX_LENGTH + 1));

    assertThatThrownBy(() -> resolve("plain", request))
        .isInstanceOfSatisfying(
            InvalidRequest.class, e -> assertThat(e.field()).isEqualTo("purpose"))
        .hasMessage("purpose is longer than " + Purpose.MAX_LENGTH + " characters");
  }

  @Test
  void refusesDifferentHeaderAndParameterWhereThePurposeIsStatedOnce() {
    var request = api();
    request.addHeader(CallerContext.PURPOSE_HEADER, "Case 2024-0001");
    request.addParameter("purpose", "Case 2024-0002");

    assertThatThrownBy(() -> resolve("once", request))
        .isInstanceOfSatisfying(
            InvalidRequest.class, e -> assertThat(e.field()).isEqualTo("purpose"))
        .hasMessage("state the purpose once, as header or parameter");
  }

  @Test
  void acceptsTheSamePurposeAsHeaderAndParameterWhereThePurposeIsStatedOnce() {
    var request = api();
    request.addHeader(CallerContext.PURPOSE_HEADER, "Case 2024-0001");
    request.addParameter("purpose", "Case 2024-0001");

    assertThat(resolve("once", request).purposeText()).isEqualTo("Case 2024-0001");
  }

  @Test
  void headerOnlyEndpointsIgnoreTheParameter() {
    var request = api();
    request.addParameter("purpose", "Case 2024-0002");

    assertThat(resolve("header", request).purpose()).isNull();
  }

  @Test
  void endpointsWithoutPurposeIgnoreEvenAnInvalidOne() {
    var request = api();
    request.addHeader(CallerContext.PURPOSE_HEADER, "x".repeat(Purpose.MAX_LENGTH + 1));
    request.addParameter("purpose", "abc");

    assertThat(resolve("none", request).purpose()).isNull();
  }

  @Test
  void pagesTakeThePurposeStatedForTheSession() {
    var request = new MockHttpServletRequest("GET", "/seizures");
    request.getSession().setAttribute(Purpose.SESSION_ATTRIBUTE, "Case 2024-0003");
    request.addHeader(CallerContext.PURPOSE_HEADER, "Case 2024-0001");

    AccessContext context = resolve("plain", request);

    assertThat(context.channel()).isEqualTo(Channel.PAGE);
    assertThat(context.purposeText()).isEqualTo("Case 2024-0003");
    assertThat(resolve("none", request).purpose()).isNull();
  }

  @Test
  void pagesWithoutASessionPurposeHaveNone() {
    var request = new MockHttpServletRequest("GET", "/seizures");
    request.addParameter("purpose", "Case 2024-0002");

    assertThat(resolve("plain", request).purpose()).isNull();
  }

  @Test
  void onlyPathsUnderApiAreTheApiChannel() {
    assertThat(resolve("plain", new MockHttpServletRequest("GET", "/apiary")).channel())
        .isEqualTo(Channel.PAGE);
  }

  @Test
  void nobodySignedInMeansNoContext() {
    Supplier<Caller> nobody =
        () -> {
          throw new AuthenticationCredentialsNotFoundException("sign in first");
        };
    var anonymous = new AccessContextResolver(nobody);
    var request = api();
    request.addHeader(CallerContext.PURPOSE_HEADER, "Case 2024-0001");

    assertThatThrownBy(
            () ->
                anonymous.resolveArgument(
                    parameter("plain"), null, new ServletWebRequest(request), null))
        .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
  }

  private static MockHttpServletRequest api() {
    return new MockHttpServletRequest("GET", "/api/v1/seizures");
  }

  private AccessContext resolve(String method, MockHttpServletRequest request) {
    return resolver.resolveArgument(parameter(method), null, new ServletWebRequest(request), null);
  }

  private static MethodParameter parameter(String name) {
    for (Method method : Endpoints.class.getDeclaredMethods()) {
      if (method.getName().equals(name)) {
        return new MethodParameter(method, 0);
      }
    }
    throw new IllegalArgumentException(name);
  }
}
