package org.presstrace.access.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Supplier;
import org.presstrace.access.AccessContext;
import org.presstrace.access.Caller;
import org.presstrace.access.CallerContext;
import org.presstrace.access.CallerContext.PurposeFrom;
import org.presstrace.access.Channel;
import org.presstrace.access.Purpose;
import org.presstrace.shared.InvalidRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.util.UrlPathHelper;

/**
 * Gives a controller method's {@link AccessContext} parameter its value: the signed-in caller, the
 * channel ({@link Channel#API} under {@code /api/}, {@link Channel#PAGE} elsewhere) and the purpose
 * from where {@link CallerContext} says. A purpose that is too short or too long is refused as
 * {@link Purpose} refuses it; a blank one counts as none.
 */
final class AccessContextResolver implements HandlerMethodArgumentResolver {

  private static final String API = "/api/";

  private final Supplier<Caller> caller;

  /** {@code caller} gives the signed-in caller and fails when there is none. */
  AccessContextResolver(Supplier<Caller> caller) {
    this.caller = caller;
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == AccessContext.class;
  }

  @Override
  public AccessContext resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mavContainer,
      NativeWebRequest webRequest,
      WebDataBinderFactory binderFactory) {
    HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
    PurposeFrom from = purposeFrom(parameter);
    boolean api = isApi(request);
    String purpose = api ? apiPurpose(request, from) : pagePurpose(request, from);
    Caller current = caller.get();
    return new AccessContext(
        current, api ? Channel.API : Channel.PAGE, Purpose.ofNullable(purpose));
  }

  static PurposeFrom purposeFrom(MethodParameter parameter) {
    CallerContext annotation = parameter.getParameterAnnotation(CallerContext.class);
    return annotation == null ? PurposeFrom.HEADER_OR_PARAMETER : annotation.purposeFrom();
  }

  static boolean isApi(HttpServletRequest request) {
    return UrlPathHelper.defaultInstance.getPathWithinApplication(request).startsWith(API);
  }

  private static String apiPurpose(HttpServletRequest request, PurposeFrom from) {
    Enumeration<String> headers = request.getHeaders(CallerContext.PURPOSE_HEADER);
    String header = headers == null ? null : joined(Collections.list(headers));
    String[] values = request.getParameterValues(CallerContext.PURPOSE_PARAMETER);
    String parameter = values == null ? null : joined(List.of(values));
    return switch (from) {
      case NONE -> null;
      case HEADER -> header;
      case HEADER_OR_PARAMETER -> header != null ? header : parameter;
      case HEADER_OR_SAME_PARAMETER -> {
        if (header != null && parameter != null && !header.equals(parameter)) {
          throw new InvalidRequest("purpose", "state the purpose once, as header or parameter");
        }
        yield header != null ? header : parameter;
      }
    };
  }

  private static String pagePurpose(HttpServletRequest request, PurposeFrom from) {
    HttpSession session = request.getSession(false);
    if (from == PurposeFrom.NONE || session == null) {
      return null;
    }
    Object purpose = session.getAttribute(Purpose.SESSION_ATTRIBUTE);
    return purpose == null ? null : purpose.toString();
  }

  /** Repeated values joined by commas, as Spring binds a repeated header or parameter to text. */
  private static String joined(List<String> values) {
    return values.isEmpty() ? null : String.join(",", values);
  }
}
