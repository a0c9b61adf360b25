package org.presstrace.substances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Batch screening stored as agency data, read back through the policy, and screened again when a
 * designation changes a list.
 */
@PressTraceIntegrationTest
class ManifestScreeningsIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired Designations designations;

  private World world;
  private String analyst;
  private String colleague;
  private String outsider;
  private String admin;

  @BeforeEach
  void setUp() {
    world = new World(directory);
    String cbp = world.agency("CBP", AgencyKind.FEDERAL, "USA");
    analyst = world.user("analyst", cbp, Role.ANALYST);
    colleague = world.user("colleague", cbp, Role.INVESTIGATOR);
    outsider = world.user("outsider", world.agency("DEA", AgencyKind.FEDERAL, "USA"), Role.ANALYST);
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    admin = world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR);
  }

  private String screenJson(String user, String json) throws Exception {
    String body =
        mvc.perform(
                post("/api/v1/substances/screenings")
                    .with(httpBasic(user, World.PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(body, "$.screening.id");
  }

  @Test
  void anUnknownFieldOrALoneSurrogateInALineIsNamed() throws Exception {
    mvc.perform(
            post("/api/v1/substances/screenings")
                .with(httpBasic(analyst, World.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"lines\":[{\"description\":\"water\",\"isAdmin\":true}]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("lines[0].isAdmin"));
    mvc.perform(
            post("/api/v1/substances/screenings")
                .with(httpBasic(analyst, World.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("[{\"description\":\"water \\uD800\"}]"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("lines[0].description"));
  }

  @Test
  void aBatchReturnsOneVerdictPerLineAndIsStoredForTheAgency() throws Exception {
    String id =
        screenJson(
            analyst,
            """
            {"title": "Vessel %s", "lines": [
              {"description": "Sodium chloride 25kg bags", "hsCode": "2501"},
              {"description": "N-phenethyl-4-piperidon, 50 kg", "hsCode": "2933"},
              {"description": "chemical raw material", "cas": "21409-26-8"},
              {"description": "卡芬太尼 样品"}
            ]}
            """
                .formatted(world.suffix()));

    mvc.perform(
            get("/api/v1/substances/screenings/" + id).with(httpBasic(colleague, World.PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.screening.lines").value(4))
        .andExpect(jsonPath("$.screening.flagged").value(3))
        .andExpect(jsonPath("$.screening.screenedBy").value(analyst))
        .andExpect(jsonPath("$.screening.banner").value("TLP:AMBER"))
        .andExpect(jsonPath("$.lines[0].flagged").value(false))
        .andExpect(jsonPath("$.lines[1].hits[0].substanceId").value("npp"))
        .andExpect(jsonPath("$.lines[2].hits[0].reason", containsString("fails its check digit")))
        .andExpect(jsonPath("$.lines[3].hits[0].reason").value("Chinese name"));
    mvc.perform(get("/api/v1/substances/screenings").with(httpBasic(analyst, World.PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[*].id", hasItem(id)));
    mvc.perform(get("/api/v1/substances/screenings").with(httpBasic(colleague, World.PASSWORD)))
        .andExpect(jsonPath("$.items[*].id", not(hasItem(id))));
    mvc.perform(
            get("/api/v1/substances/screenings?mine=false")
                .with(httpBasic(colleague, World.PASSWORD)))
        .andExpect(jsonPath("$.items[*].id", hasItem(id)));
  }

  @Test
  void anotherAgencySeesNeitherTheScreeningNorItsLines() throws Exception {
    String id = screenJson(analyst, "[{\"description\": \"fentanyl citrate\"}]");

    mvc.perform(
            get("/api/v1/substances/screenings/" + id).with(httpBasic(outsider, World.PASSWORD)))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/api/v1/substances/screenings?mine=false")
                .with(httpBasic(outsider, World.PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[*].id", not(hasItem(id))));
  }

  @Test
  void csvBodiesAndUploadsAreScreenedToo() throws Exception {
    String csv = "description,cas,hs_code\n4-anilinopiperidine,23056-29-3,2933\nwater,,2201\n";
    mvc.perform(
            post("/api/v1/substances/screenings?title=csv")
                .with(httpBasic(analyst, World.PASSWORD))
                .contentType("text/csv")
                .content(csv))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.lines[0].hits[0].reason").value("exact CAS"))
        .andExpect(jsonPath("$.lines[1].flagged").value(false));
    var file =
        new MockMultipartFile(
            "file", "manifest.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    mvc.perform(
            multipart("/api/v1/substances/screenings")
                .file(file)
                .with(httpBasic(analyst, World.PASSWORD)))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.screening.title").value("manifest.csv"));
  }

  @Test
  void badManifestsAreRefusedNamingTheFieldAndStoreNothing() throws Exception {
    bad("[]", MediaType.APPLICATION_JSON_VALUE, "lines");
    bad(
        "{\"lines\": [{\"description\": \" \"}]}",
        MediaType.APPLICATION_JSON_VALUE,
        "lines[0].description");
    bad(
        "[{\"description\": {\"a\": 1}}]",
        MediaType.APPLICATION_JSON_VALUE,
        "lines[0].description");
    bad("\"text\"", MediaType.APPLICATION_JSON_VALUE, "lines");
    bad("product,cas\nfentanyl,437-38-7\n", "text/csv", "file");
    bad("", "text/csv", "file");
    mvc.perform(get("/api/v1/substances/screenings").with(httpBasic(analyst, World.PASSWORD)))
        .andExpect(jsonPath("$.totalItems").value(0));
    mvc.perform(
            post("/api/v1/substances/screenings")
                .with(httpBasic(admin, World.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("[{\"description\": \"fentanyl\"}]"))
        .andExpect(status().isForbidden());
  }

  private void bad(String body, String type, String field) throws Exception {
    mvc.perform(
            post("/api/v1/substances/screenings")
                .with(httpBasic(analyst, World.PASSWORD))
                .contentType(type)
                .content(body))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value(field));
  }

  @Test
  void aManifestScreenedBeforeADesignationRaisesAnAlertAfterIt() throws Exception {
    String name = "Zetonitazene" + world.suffix().toLowerCase(java.util.Locale.ROOT);
    String before =
        screenJson(
            analyst,
            "[{\"description\": \"pharmaceutical intermediate\"}, {\"description\": \""
                + name.toUpperCase(java.util.Locale.ROOT)
                + " HCl 2kg\"}]");
    mvc.perform(
            get("/api/v1/substances/screenings/" + before).with(httpBasic(analyst, World.PASSWORD)))
        .andExpect(jsonPath("$.lines[1].flagged").value(false));

    var applied =
        designations.apply(
            world.as(admin, Channel.API),
            """
            {"jurisdiction": "CHN", "instrument": "Non-medical narcotic and psychotropic substances (supplementary list)",
             "category": "non-medical NPS", "effective": "2026-03-01", "source": "Test %s",
             "substances": [{"name": "%s"}]}
            """
                .formatted(world.suffix(), name),
            null);
    String after = screenJson(analyst, "[{\"description\": \"" + name + "\"}]");

    String alerts = awaitAlerts(before);
    assertThat((Integer) JsonPath.read(alerts, "$.totalItems")).isEqualTo(1);
    assertThat((String) JsonPath.read(alerts, "$.items[0].designationId")).isEqualTo(applied.id());
    assertThat((Integer) JsonPath.read(alerts, "$.items[0].line")).isEqualTo(2);
    assertThat((String) JsonPath.read(alerts, "$.items[0].jurisdiction")).isEqualTo("CHN");
    assertThat((String) JsonPath.read(alerts, "$.items[0].reason")).isEqualTo("exact name");
    mvc.perform(
            get("/api/v1/substances/alerts?screening=" + after)
                .with(httpBasic(analyst, World.PASSWORD)))
        .andExpect(jsonPath("$.totalItems").value(0));
    mvc.perform(
            get("/api/v1/substances/alerts?screening=" + before)
                .with(httpBasic(outsider, World.PASSWORD)))
        .andExpect(jsonPath("$.totalItems").value(0));
    mvc.perform(get("/substances/screenings/" + before).with(user(analyst).roles("ANALYST")))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("Manifest line 2 now matches " + name),
                        containsString("controlled in CHN since 2026-03-01"))));
    mvc.perform(get("/substances/alerts").with(user(analyst).roles("ANALYST")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(name)));
  }

  private String awaitAlerts(String screening) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (true) {
      String body =
          mvc.perform(
                  get("/api/v1/substances/alerts?screening=" + screening)
                      .with(httpBasic(analyst, World.PASSWORD)))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      if ((Integer) JsonPath.read(body, "$.totalItems") > 0 || Instant.now().isAfter(deadline)) {
        return body;
      }
      Thread.sleep(100);
    }
  }

  @Test
  void thePagesScreenAPastedManifestAndShowTheProblemBesideTheField() throws Exception {
    mvc.perform(
            post("/substances/screenings")
                .with(user(analyst).roles("ANALYST"))
                .with(csrf())
                .param("title", "Pasted " + world.suffix())
                .param("manifest", "description,cas\nacetyl fentanyl,\n"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrlPattern("/substances/screenings/*"));
    mvc.perform(get("/substances/screenings").with(user(analyst).roles("ANALYST")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Pasted " + world.suffix())));
    mvc.perform(
            post("/substances/screenings")
                .with(user(analyst).roles("ANALYST"))
                .with(csrf())
                .param("manifest", "cas,quantity\n437-38-7,1 kg\n"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("has no &#39;description&#39; column")));
  }

  @Test
  void theDesignationPageShowsProblemsAndAppliesForAdministratorsOnly() throws Exception {
    String bad =
        "jurisdiction,instrument,category,effective,source,name,cas\n"
            + "CHN,Narcotic drugs,narcotic drug,2020-01-01,Test,Page"
            + world.suffix()
            + ",437-38-8\n";
    mvc.perform(
            post("/substances/designations/preview")
                .with(user(admin).roles("ADMINISTRATOR"))
                .with(csrf())
                .param("content", bad))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("fails its check digit"),
                        containsString("id=\"problems\""),
                        not(containsString("id=\"apply\"")))));
    String good = bad.replace(",437-38-8", ",");
    mvc.perform(
            post("/substances/designations/preview")
                .with(user(admin).roles("ADMINISTRATOR"))
                .with(csrf())
                .param("content", good))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"apply\"")));
    mvc.perform(
            post("/substances/designations/apply")
                .with(user(admin).roles("ADMINISTRATOR"))
                .with(csrf())
                .param("content", good))
        .andExpect(status().is3xxRedirection())
        .andExpect(
            flash().attribute("notice", containsString("Designation applied as list version")));
    mvc.perform(get("/substances/designations").with(user(admin).roles("ADMINISTRATOR")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Narcotic drugs")));
    mvc.perform(get("/substances/designations").with(user(analyst).roles("ANALYST")))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/substances/designations/apply")
                .with(user(analyst).roles("ANALYST"))
                .with(csrf())
                .param("content", good))
        .andExpect(status().isForbidden());
  }
}
