package org.presstrace.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description's title and security schemes, and the limits of uploaded files. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ApiProperties.class, JwtProperties.class, PagesProperties.class})
class WebConfiguration {

  /**
   * Uploaded files, on the API and the pages, are held to the import limit; the whole form may
   * carry {@link BodyLimit#MULTIPART_OVERHEAD} bytes more. Files are spooled to disk beyond 1 MiB.
   */
  @Bean
  MultipartConfigElement multipartConfig(ApiProperties limits) {
    long file = limits.importMaxBodyBytes();
    return new MultipartConfigElement(
        "", file, file + BodyLimit.MULTIPART_OVERHEAD, (int) Math.min(file, 1024 * 1024));
  }

  @Bean
  OpenAPI pressTraceApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("PressTrace API")
                .version("v1")
                .description(
                    "Pill-press registry and counter-fentanyl intelligence sharing. Errors are RFC 9457"
                        + " problem details; lists page with page (from 0) and size (1-200); times are"
                        + " ISO 8601 UTC. Reads of sensitive records need a PressTrace-Purpose header."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                .addSecuritySchemes(
                    "bearer",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")))
        .addSecurityItem(new SecurityRequirement().addList("basic"))
        .addSecurityItem(new SecurityRequirement().addList("bearer"));
  }
}
