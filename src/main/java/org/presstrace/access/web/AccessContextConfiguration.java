package org.presstrace.access.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import java.util.List;
import org.presstrace.access.AccessContext;
import org.presstrace.access.CallerContext;
import org.presstrace.access.CallerContext.PurposeFrom;
import org.presstrace.access.Callers;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets controller methods take an {@link AccessContext} parameter, and documents in the OpenAPI
 * description the purpose header and parameter such a method reads.
 */
@Configuration(proxyBeanMethods = false)
class AccessContextConfiguration implements WebMvcConfigurer {

  static {
    // the context is built from the request, not bound from a parameter named "context"
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(AccessContext.class);
  }

  private final Callers callers;

  AccessContextConfiguration(Callers callers) {
    this.callers = callers;
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new AccessContextResolver(callers::current));
  }

  @Bean
  OperationCustomizer purposeDocumentation() {
    return AccessContextConfiguration::documentPurpose;
  }

  /** Adds the purpose header, and the purpose parameter where it is read, to {@code operation}. */
  static Operation documentPurpose(Operation operation, HandlerMethod method) {
    for (MethodParameter parameter : method.getMethodParameters()) {
      if (parameter.getParameterType() != AccessContext.class) {
        continue;
      }
      PurposeFrom from = AccessContextResolver.purposeFrom(parameter);
      if (from == PurposeFrom.NONE) {
        continue;
      }
      add(
          operation,
          new HeaderParameter()
              .name(CallerContext.PURPOSE_HEADER)
              .description("why you look: a case number or a sentence"));
      if (from != PurposeFrom.HEADER) {
        add(
            operation,
            new QueryParameter()
                .name(CallerContext.PURPOSE_PARAMETER)
                .description("the purpose, when no " + CallerContext.PURPOSE_HEADER + " is sent"));
      }
    }
    return operation;
  }

  private static void add(Operation operation, Parameter parameter) {
    boolean documented =
        operation.getParameters() != null
            && operation.getParameters().stream()
                .anyMatch(
                    p ->
                        p.getName().equals(parameter.getName())
                            && p.getIn().equals(parameter.getIn()));
    if (!documented) {
      operation.addParametersItem(parameter.required(false).schema(new StringSchema()));
    }
  }
}
