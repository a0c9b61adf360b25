package org.presstrace.substances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A manifest pasted as plain lines, one substance a line with or without its quantity, is screened
 * like a CSV with a header; the quantity is kept in the result; bad text stores nothing.
 */
@PressTraceIntegrationTest
class ManifestPlainLinesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;

  private World world;
  private String analyst;

  @BeforeEach
  void setUp() {
    world = new World(directory);
    analyst = world.user("analyst", world.agency("CBP", AgencyKind.FEDERAL, "USA"), Role.ANALYST);
  }

  @Test
  void plainPastedLinesAreScreenedWithTheirQuantities() throws Exception {
    String title = "Plain " + world.suffix();
    String id =
        pasted(
            title,
            "# pasted from the airway bill\n"
                + "4-anilinopiperidine, 25 kg\n"
                + "\n"
                + "N-phenethyl-4-piperidone 200 g\n"
                + "water; 3 drums\n"
                + "NPP, 39742-60-4\n"
                + "fentanyl citrate\n");

    var lines = lines(id);
    assertThat(lines)
        .containsExactly(
            "4-anilinopiperidine|25 kg|true",
            "N-phenethyl-4-piperidone|200 g|true",
            "water|3 drums|false",
            "NPP, 39742-60-4||true",
            "fentanyl citrate||true");
    mvc.perform(get("/substances/screenings/" + id).with(user(analyst)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<th scope=\"col\">Quantity</th>")))
        .andExpect(content().string(containsString("<td>25 kg</td>")))
        .andExpect(content().string(containsString("<td>3 drums</td>")));
  }

  @Test
  void aCsvWithItsHeaderIsReadAsBeforeWithItsQuantityColumn() throws Exception {
    String id =
        pasted(
            "Csv " + world.suffix(),
            "description,cas,hs_code,quantity\n"
                + "4-anilinopiperidine,23056-29-3,2933,\"1,200 kg\"\n"
                + "water,,2201,10 l\n");
    assertThat(lines(id)).containsExactly("4-anilinopiperidine|1,200 kg|true", "water|10 l|false");
  }

  @Test
  void theApiTakesPlainLinesAndAnswersTheQuantity() throws Exception {
    mvc.perform(
            post("/api/v1/substances/screenings?title=plain-" + world.suffix())
                .with(httpBasic(analyst, World.PASSWORD))
                .contentType("text/plain")
                .content("4-anilinopiperidine, 25 kg\nwater\n"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.lines[0].line.quantity").value("25 kg"))
        .andExpect(jsonPath("$.lines[0].flagged").value(true))
        .andExpect(jsonPath("$.lines[1].line.description").value("water"));
    mvc.perform(
            post("/api/v1/substances/screenings?title=csv-" + world.suffix())
                .with(httpBasic(analyst, World.PASSWORD))
                .contentType("text/csv")
                .content("4-anilinopiperidine; 7 kg\n"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.lines[0].line.quantity").value("7 kg"));
  }

  @Test
  void anEmptyPasteALineTooLongAndBinaryAreRefusedInPlainWordsAndStoreNothing() throws Exception {
    String title = "Bad " + world.suffix();
    refusedOnPage(title, "  \n# only a comment\n\n", "Paste at least one line");
    refusedOnPage(title, "fentanyl\n" + "x".repeat(5000) + "\n", "line 2 is longer than 2000");
    refusedOnPage(title, "fentanyl\u0000\u0001\u0002PK\u0003\u0004\n", "not text");
    var binary =
        new MockMultipartFile(
            "file",
            "manifest.bin",
            "application/octet-stream",
            new byte[] {0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0x41});
    mvc.perform(
            multipart("/api/v1/substances/screenings")
                .file(binary)
                .with(httpBasic(analyst, World.PASSWORD)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("file"));
    mvc.perform(
            post("/api/v1/substances/screenings?title=" + title)
                .with(httpBasic(analyst, World.PASSWORD))
                .contentType("text/plain")
                .content(""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("file"));
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM manifest_screening WHERE title = :title")
                .param("title", title)
                .query(Long.class)
                .single())
        .isZero();
  }

  private void refusedOnPage(String title, String manifest, String message) throws Exception {
    mvc.perform(
            post("/substances/screenings")
                .with(user(analyst))
                .with(csrf())
                .param("title", title)
                .param("manifest", manifest))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"manifest-error\"")))
        .andExpect(content().string(containsString(message)))
        .andExpect(content().string(containsString("aria-invalid=\"true\"")));
  }

  /** Pastes {@code manifest} on the page; answers the stored screening's id. */
  private String pasted(String title, String manifest) throws Exception {
    String location =
        mvc.perform(
                post("/substances/screenings")
                    .with(user(analyst))
                    .with(csrf())
                    .param("title", title)
                    .param("manifest", manifest))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    return location.substring(location.lastIndexOf('/') + 1);
  }

  /** Each stored line of a screening as description|quantity|flagged, in order. */
  private java.util.List<String> lines(String id) {
    return jdbc.sql(
            "SELECT description, quantity, flagged FROM manifest_screening_line"
                + " WHERE screening_id = :id ORDER BY line_no")
        .param("id", id)
        .query(
            (rs, row) ->
                rs.getString("description")
                    + "|"
                    + (rs.getString("quantity") == null ? "" : rs.getString("quantity"))
                    + "|"
                    + rs.getBoolean("flagged"))
        .list();
  }
}
