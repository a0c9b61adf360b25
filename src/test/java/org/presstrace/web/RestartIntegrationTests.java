package org.presstrace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presstrace.PressTraceApplication;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Caller;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.support.World;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default keeps its data: the real application, started twice on the same H2 file
 * database, still knows on the second start the user created on the first.
 */
class RestartIntegrationTests {

  @TempDir Path dataDir;

  @Test
  void userCreatedBeforeARestartCanStillSignIn() throws Exception {
    String username;
    String agency;
    try (var first = start()) {
      var world = new World(first.getBean(Directory.class));
      agency = world.agency("FED", AgencyKind.FEDERAL, "USA");
      username = world.user("investigator", agency, Role.INVESTIGATOR);
    }

    try (var second = start()) {
      Caller caller = second.getBean(Directory.class).caller(username).orElseThrow();
      assertThat(caller.agency()).isEqualTo(agency);
      assertThat(caller.has(Role.INVESTIGATOR)).isTrue();
      assertThat(agencies(second, username).statusCode()).isEqualTo(200);
    }
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(PressTraceApplication.class)
        .initializers(
            context ->
                context.getBeanFactory().registerSingleton("testComponents", new NoTestBeans()))
        .run(
            "--server.port=0",
            "--spring.datasource.url=jdbc:h2:file:"
                + dataDir.resolve("presstrace")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE",
            "--spring.datasource.username=presstrace",
            "--spring.datasource.password=",
            "--presstrace.data-dir=" + dataDir,
            "--logging.level.root=WARN");
  }

  private static HttpResponse<String> agencies(ConfigurableApplicationContext app, String username)
      throws Exception {
    String port = app.getEnvironment().getProperty("local.server.port");
    String basic =
        Base64.getEncoder()
            .encodeToString((username + ":" + World.PASSWORD).getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/agencies"))
                .header("Authorization", "Basic " + basic)
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Keeps other tests' {@code @TestConfiguration} classes out of the component scan, as Spring
   * Boot's test support does for {@code @SpringBootTest}: this is the application as shipped.
   */
  static final class NoTestBeans extends TypeExcludeFilter {
    @Override
    public boolean match(
        org.springframework.core.type.classreading.MetadataReader reader,
        org.springframework.core.type.classreading.MetadataReaderFactory factory) {
      return reader.getAnnotationMetadata().isAnnotated(TestComponent.class.getName());
    }
  }
}
