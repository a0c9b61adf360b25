package org.presstrace.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description's title and security schemes. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ApiProperties.class, JwtProperties.class})
class WebConfiguration {

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
