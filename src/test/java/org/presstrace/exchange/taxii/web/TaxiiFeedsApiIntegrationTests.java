package org.presstrace.exchange.taxii.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Administrators manage scheduled TAXII feeds over the API and the page; everyone else is refused,
 * every bad value is refused naming its field, and a credential typed where its variable's name
 * belongs is neither stored nor echoed back.
 */
@PressTraceIntegrationTest
class TaxiiFeedsApiIntegrationTests {

  static final String API = "/api/v1/exchange/taxii-feeds";
  static final String SECRET = "s3cret-Zq8vX1";
  static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;

  World world;
  String agency;
  String admin;
  String analyst;
  String supervisor;
  String otherAdmin;
  String otherUser;

  @BeforeEach
  void world() {
    world = new World(directory);
    agency = world.agency("CBP", AgencyKind.FEDERAL, "USA");
    admin = world.user("admin", agency, Role.ADMINISTRATOR);
    analyst = world.user("analyst", agency, Role.ANALYST);
    supervisor = world.user("supervisor", agency, Role.SUPERVISOR);
    String other = world.agency("TXDPS", AgencyKind.STATE, "USA");
    otherAdmin = world.user("txadmin", other, Role.ADMINISTRATOR);
    otherUser = world.user("txanalyst", other, Role.ANALYST);
  }

  @Test
  void anAdministratorAddsListsTurnsOffAndRemovesAFeed() throws Exception {
    var created = call(admin, post(API), body(feed("one")), 201);
    String id = created.get("id").asString();
    assertThat(created.get("importAs").asString()).isEqualTo(analyst);
    assertThat(created.get("agency").asString()).isEqualTo(agency);
    assertThat(created.get("interval").asString()).isEqualTo("PT15M");
    assertThat(created.get("authEnv").asString()).isEqualTo("PRESSTRACE_TAXII_PARTNER");
    assertThat(created.get("enabled").asBoolean()).isTrue();
    assertThat(created.has("lastOutcome")).isTrue();

    assertThat(ids(call(admin, get(API), null, 200))).contains(id);
    assertThat(ids(call(otherAdmin, get(API), null, 200))).doesNotContain(id);
    call(otherAdmin, put(API + "/" + id + "/enabled"), "{\"enabled\": false}", 404);
    call(otherAdmin, delete(API + "/" + id), null, 404);

    var off = call(admin, put(API + "/" + id + "/enabled"), "{\"enabled\": false}", 200);
    assertThat(off.get("enabled").asBoolean()).isFalse();
    assertThat(field(call(admin, put(API + "/" + id + "/enabled"), "{}", 400)))
        .isEqualTo("enabled");
    call(admin, post(API), body(feed("one")), 409);

    call(admin, delete(API + "/" + id), null, 204);
    call(admin, get(API + "/" + id), null, 404);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_event WHERE record_id = :id AND kind = 'taxii-feed'")
                .param("id", id)
                .query(Long.class)
                .single())
        .isEqualTo(3);
  }

  @Test
  void everyoneButAnAdministratorIsRefused() throws Exception {
    String id = call(admin, post(API), body(feed("guarded")), 201).get("id").asString();
    for (String caller : new String[] {analyst, supervisor}) {
      call(caller, get(API), null, 403);
      call(caller, post(API), body(feed("theirs")), 403);
      call(caller, post(API), "{}", 403);
      call(caller, get(API + "/" + id), null, 403);
      call(caller, put(API + "/" + id + "/enabled"), "{\"enabled\": false}", 403);
      call(caller, delete(API + "/" + id), null, 403);
      assertThat(
              mvc.perform(get("/exchange/taxii-feeds").with(user(caller).roles("ANALYST")))
                  .andReturn()
                  .getResponse()
                  .getStatus())
          .isEqualTo(403);
    }
    assertThat(mvc.perform(get(API)).andReturn().getResponse().getStatus()).isEqualTo(401);
    assertThat(call(admin, get(API + "/" + id), null, 200).get("enabled").asBoolean()).isTrue();
  }

  @Test
  void badValuesAreRefusedNamingTheField() throws Exception {
    Map<String, Map<String, String>> bad = new LinkedHashMap<>();
    bad.put("name", with("name", " "));
    bad.put("collectionUrl", with("collectionUrl", "ftp://partner.example/taxii2/c/"));
    bad.put("collectionUrl ", with("collectionUrl", "https://partner.example/taxii2/c"));
    bad.put("collectionUrl  ", with("collectionUrl", "file:///etc/passwd/"));
    bad.put("collectionUrl   ", with("collectionUrl", "https://partner.example/c/?x=1"));
    bad.put("importAs", with("importAs", "nobody-" + world.suffix()));
    bad.put("importAs ", with("importAs", otherUser));
    bad.put("interval", with("interval", "PT30S"));
    bad.put("interval ", with("interval", "P2D"));
    bad.put("interval  ", with("interval", "soon"));
    bad.put("auth", with("auth", "KERBEROS"));
    bad.put("authEnv", with("authEnv", "SPRING_DATASOURCE_PASSWORD"));
    bad.put("authEnv ", with("authEnv", "presstrace_taxii_lower"));
    var none = with("auth", "NONE");
    bad.put("authEnv  ", none);
    var noEnv = with("authEnv", null);
    bad.put("authEnv   ", noEnv);
    for (var entry : bad.entrySet()) {
      var problem = call(admin, post(API), body(entry.getValue()), 400);
      assertThat(field(problem)).as(entry.getValue().toString()).isEqualTo(entry.getKey().strip());
    }
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM taxii_feed WHERE name LIKE :n")
                .param("n", "%" + world.suffix() + "%")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aCredentialIsNeverStoredNorEchoed() throws Exception {
    String pasted = raw(admin, post(API), body(with("authEnv", "Bearer " + SECRET)), 400);
    assertThat(pasted).contains("authEnv").doesNotContain(SECRET);
    String inUrl =
        raw(
            admin,
            post(API),
            body(with("collectionUrl", "https://partner:" + SECRET + "@partner.example/c/")),
            400);
    assertThat(inUrl).contains("collectionUrl").doesNotContain(SECRET);
    var extra = new LinkedHashMap<String, String>(feed("extra"));
    extra.put("token", SECRET);
    assertThat(raw(admin, post(API), body(extra), 400)).doesNotContain(SECRET);

    String page =
        mvc.perform(
                post("/exchange/taxii-feeds")
                    .with(csrf())
                    .with(user(admin).roles("ADMINISTRATOR"))
                    .param("name", "paged " + world.suffix())
                    .param("collectionUrl", "https://partner.example/taxii2/c/")
                    .param("importAs", analyst)
                    .param("auth", "BEARER")
                    .param("authEnv", SECRET)
                    .param("interval", "PT1H"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("id=\"authEnv-error\"").doesNotContain(SECRET);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM taxii_feed WHERE auth_env LIKE :s OR collection_url LIKE"
                        + " :s")
                .param("s", "%" + SECRET + "%")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void thePageListsFeedsWithTheirStateAndRefusesBadValuesBesideTheField() throws Exception {
    call(admin, post(API), body(feed("listed")), 201);
    String page =
        mvc.perform(get("/exchange/taxii-feeds").with(user(admin).roles("ADMINISTRATOR")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("partner listed " + world.suffix())
        .contains("BEARER from $PRESSTRACE_TAXII_PARTNER")
        .contains("not yet");
    var response =
        mvc.perform(
                post("/exchange/taxii-feeds")
                    .with(csrf())
                    .with(user(admin).roles("ADMINISTRATOR"))
                    .param("name", "paged " + world.suffix())
                    .param("collectionUrl", "https://partner.example/taxii2/c/")
                    .param("importAs", analyst)
                    .param("auth", "NONE")
                    .param("interval", "PT5S"))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentAsString())
        .contains("id=\"interval-error\"")
        .contains("not between PT1M and P1D")
        .contains("value=\"paged " + world.suffix() + "\"");
    var added =
        mvc.perform(
                post("/exchange/taxii-feeds")
                    .with(csrf())
                    .with(user(admin).roles("ADMINISTRATOR"))
                    .param("name", "paged " + world.suffix())
                    .param("collectionUrl", "https://partner.example/taxii2/c/")
                    .param("importAs", analyst)
                    .param("auth", "NONE")
                    .param("interval", "PT5M"))
            .andReturn()
            .getResponse();
    assertThat(added.getStatus()).isEqualTo(302);
  }

  Map<String, String> feed(String name) {
    var feed = new LinkedHashMap<String, String>();
    feed.put("name", "partner " + name + " " + world.suffix());
    feed.put("collectionUrl", "https://partner.example/taxii2/root/collections/intel/");
    feed.put("importAs", analyst);
    feed.put("auth", "BEARER");
    feed.put("authEnv", "PRESSTRACE_TAXII_PARTNER");
    feed.put("interval", "PT15M");
    return feed;
  }

  Map<String, String> with(String key, String value) {
    var feed = new LinkedHashMap<String, String>(feed("bad"));
    feed.put(key, value);
    return feed;
  }

  static String body(Map<String, String> fields) {
    return JSON.writeValueAsString(fields);
  }

  static String field(JsonNode problem) {
    return problem.path("errors").path(0).path("field").asString();
  }

  static java.util.List<String> ids(JsonNode list) {
    var ids = new java.util.ArrayList<String>();
    list.forEach(feed -> ids.add(feed.get("id").asString()));
    return ids;
  }

  JsonNode call(String username, MockHttpServletRequestBuilder request, String body, int status)
      throws Exception {
    String text = raw(username, request, body, status);
    return text.isEmpty() ? null : JSON.readTree(text);
  }

  String raw(String username, MockHttpServletRequestBuilder request, String body, int status)
      throws Exception {
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
    MockHttpServletResponse response =
        mvc.perform(request.with(httpBasic(username, World.PASSWORD))).andReturn().getResponse();
    String text = response.getContentAsString();
    assertThat(response.getStatus()).as(text).isEqualTo(status);
    return text;
  }
}
