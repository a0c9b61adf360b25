package org.presstrace.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The API's body limits bind with today's defaults and refuse a limit that admits no body. */
class ApiPropertiesTests {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(ApiProperties.class)
  static class Limits {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(Limits.class);

  @Test
  void unsetLimitsTakeTheDocumentedDefaults() {
    runner.run(
        context ->
            assertThat(context.getBean(ApiProperties.class))
                .isEqualTo(new ApiProperties(1_048_576, 26_214_400)));
  }

  @Test
  void configuredLimitsAreUsed() {
    runner
        .withPropertyValues(
            "presstrace.api.max-body-bytes=2048", "presstrace.api.import-max-body-bytes=4096")
        .run(
            context ->
                assertThat(context.getBean(ApiProperties.class))
                    .isEqualTo(new ApiProperties(2048, 4096)));
  }

  @Test
  void negativeBodyLimitIsRefusedAtStartNamingTheProperty() {
    runner
        .withPropertyValues("presstrace.api.max-body-bytes=-1")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .isInstanceOf(BindValidationException.class)
                  .hasMessageContaining("presstrace.api")
                  .hasMessageContaining("maxBodyBytes")
                  .hasMessageContaining("rejected value [-1]")
                  .hasMessageContaining("Positive");
            });
  }
}
