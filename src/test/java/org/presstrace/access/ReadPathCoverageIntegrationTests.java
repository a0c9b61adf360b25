package org.presstrace.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every read path of the API is either proven to go through the policy (a hidden record never
 * shows, a visible one does, and the read is audited) or listed as carrying no protected content,
 * with the reason. A new GET endpoint that is neither fails this test: later modules cannot forget.
 */
@PressTraceIntegrationTest
class ReadPathCoverageIntegrationTests {

  /** Read paths over protected records, and the request that probes each. */
  static final Map<String, String> GUARDED =
      Map.of(
          "/api/v1/intel-reports", "/api/v1/intel-reports?size=200",
          "/api/v1/intel-reports/{id}", "/api/v1/intel-reports/{id}",
          "/api/v1/intel-reports/{id}/history", "/api/v1/intel-reports/{id}/history",
          "/api/v1/intel-reports/count", "/api/v1/intel-reports/count?q={token}",
          "/api/v1/intel-reports/stats/by-tlp", "/api/v1/intel-reports/stats/by-tlp?q={token}",
          "/api/v1/intel-reports/export", "/api/v1/intel-reports/export?q={token}");

  /** Read paths that carry no protected record content, and why. */
  static final Map<String, String> UNPROTECTED =
      Map.of(
          "/api/v1/agencies", "the agency directory is public to every signed-in user",
          "/api/v1/agencies/{code}/users", "administrators of that agency only (Directory.users)",
          "/api/v1/releases", "release metadata, filtered to the caller's own (Releases.inbox)",
          "/api/v1/releases/{id}",
              "release metadata, filtered to the caller's own (Releases.visible)",
          "/api/v1/audit", "auditors only (AuditTrail.search)",
          "/api/v1/audit/export", "auditors only (AuditTrail.export)",
          "/api/v1/substances", "reference data, not a protected record",
          "/api/v1/substances/{id}", "reference data, not a protected record",
          "/api/v1/substances/controlled", "reference data, not a protected record");

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void everyApiReadPathIsGuardedOrDeclaredUnprotected() {
    var reads = new TreeSet<String>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, method) -> {
              Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
              if (methods.isEmpty() || methods.contains(RequestMethod.GET)) {
                info.getPatternValues().stream()
                    .filter(p -> p.startsWith("/api/"))
                    .forEach(reads::add);
              }
            });
    var unclassified = new TreeSet<>(reads);
    unclassified.removeAll(GUARDED.keySet());
    unclassified.removeAll(UNPROTECTED.keySet());
    assertThat(unclassified)
        .as("API read paths neither guarded nor declared unprotected")
        .isEmpty();
    assertThat(reads).containsAll(GUARDED.keySet());
  }

  @Test
  void everyGuardedPathHidesWhatThePolicyHidesAndAuditsTheRead() throws Exception {
    var world = new World(directory);
    String token = "coverage" + world.suffix().toLowerCase(java.util.Locale.ROOT);
    String mine = world.agency("MINE", AgencyKind.FEDERAL, "USA");
    String theirs = world.agency("THEIRS", AgencyKind.FEDERAL, "USA");
    String reader = world.user("reader", mine, Role.ANALYST);
    String author = world.user("author", theirs, Role.INVESTIGATOR);
    String visible = file(author, token + " visible green", "GREEN");
    String hidden = file(author, token + " hidden amber", "AMBER");

    for (Map.Entry<String, String> path : GUARDED.entrySet()) {
      boolean single = path.getKey().contains("{id}");
      for (String id : single ? new String[] {visible, hidden} : new String[] {null}) {
        String url =
            path.getValue().replace("{token}", token).replace("{id}", id == null ? "" : id);
        String requestId = "cov-" + UUID.randomUUID();
        MvcResult result =
            mvc.perform(
                    get(url)
                        .with(httpBasic(reader, World.PASSWORD))
                        .header("PressTrace-Purpose", "Coverage check")
                        .header("X-Request-Id", requestId))
                .andReturn();
        String body = result.getResponse().getContentAsString();
        assertThat(body).as(url).doesNotContain(token + " hidden").doesNotContain("AMBER");
        if (single) {
          assertThat(result.getResponse().getStatus())
              .as(url)
              .isEqualTo(id.equals(visible) ? 200 : 404);
        } else {
          assertThat(result.getResponse().getStatus()).as(url).isEqualTo(200);
          if (!url.contains("/count") && !url.contains("/stats/")) {
            assertThat(body).as(url).contains(visible).doesNotContain(hidden);
          } else {
            assertThat(body).as(url).contains("1").doesNotContain("2");
          }
        }
        long audited =
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_event WHERE request_id = :id AND purpose = 'Coverage check'")
                .param("id", requestId)
                .query(Long.class)
                .single();
        assertThat(audited).as("audit entries for %s", url).isEqualTo(1);
      }
    }
  }

  @Test
  void unprotectedPathsRefuseCallersWithoutTheRole() throws Exception {
    var world = new World(directory);
    String agency = world.agency("AG", AgencyKind.FEDERAL, "USA");
    String analyst = world.user("analyst", agency, Role.ANALYST);
    mvc.perform(get("/api/v1/audit").with(httpBasic(analyst, World.PASSWORD)))
        .andExpect(result -> assertThat(result.getResponse().getStatus()).isEqualTo(403));
    mvc.perform(get("/api/v1/audit/export").with(httpBasic(analyst, World.PASSWORD)))
        .andExpect(result -> assertThat(result.getResponse().getStatus()).isEqualTo(403));
    mvc.perform(
            get("/api/v1/agencies/" + agency + "/users").with(httpBasic(analyst, World.PASSWORD)))
        .andExpect(result -> assertThat(result.getResponse().getStatus()).isEqualTo(403));
  }

  private String file(String username, String title, String tlp) throws Exception {
    String location =
        mvc.perform(
                post("/api/v1/intel-reports")
                    .with(httpBasic(username, World.PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"title\": \""
                            + title
                            + "\", \"summary\": \"s\", \"marking\": {\"tlp\": \""
                            + tlp
                            + "\"}}"))
            .andReturn()
            .getResponse()
            .getHeader("Location");
    return location.substring(location.lastIndexOf('/') + 1);
  }
}
