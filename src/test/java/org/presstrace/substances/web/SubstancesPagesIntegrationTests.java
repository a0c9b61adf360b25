package org.presstrace.substances.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.stringContainsInOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Search, detail with an inline structure drawing, and screening on the substance pages. */
@PressTraceIntegrationTest
class SubstancesPagesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Directory directory;

  /** A directory user per role: the pages check the roles the directory holds. */
  private final java.util.Map<String, String> users = new java.util.HashMap<>();

  @BeforeEach
  void users() {
    var world = new World(directory);
    String agency = world.agency("SUB", AgencyKind.FEDERAL, "USA");
    for (Role role : List.of(Role.ANALYST, Role.INVESTIGATOR, Role.SUPERVISOR)) {
      users.put(
          role.name(), world.user(role.name().toLowerCase(java.util.Locale.ROOT), agency, role));
    }
  }

  @Test
  void searchListsMatchesWithHowTheyMatched() throws Exception {
    mvc.perform(
            get("/substances")
                .param("q", "carfentinal")
                .with(user(users.get("ANALYST")).roles("ANALYST")))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("href=\"/substances/carfentanil\""),
                        containsString("fuzzy name, edit distance 2"))));
  }

  @Test
  void detailDrawsTheStructureInlineWithALabelAndShowsHistoryAndClasses() throws Exception {
    mvc.perform(
            get("/substances/carfentanil")
                .with(user(users.get("INVESTIGATOR")).roles("INVESTIGATOR")))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("src=\"data:image/svg+xml;base64,"),
                        containsString("alt=\"Structure drawing of carfentanil\""),
                        containsString("Schedule II"),
                        containsString("2017-03-01"),
                        containsString("us-fentanyl-related"),
                        containsString("卡芬太尼"))));
  }

  @Test
  void screeningAStructureShowsItsClassesOrTheProblemWithIt() throws Exception {
    mvc.perform(
            get("/substances")
                .param("smiles", "CCOc1ccc(Cc2nc3cc([N+](=O)[O-])ccc3n2CCN(CC)CC)cc1")
                .with(user(users.get("ANALYST")).roles("ANALYST")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("cn-nitazene-class")));
    mvc.perform(
            get("/substances")
                .param("smiles", "C1CC(")
                .with(user(users.get("ANALYST")).roles("ANALYST")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("SMILES &#39;C1CC(&#39; cannot be parsed")));
  }

  @Test
  void detailShowsEachControlsCitationOrderAndDeaCode() throws Exception {
    mvc.perform(get("/substances/isotonitazene").with(user(users.get("ANALYST")).roles("ANALYST")))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    stringContainsInOrder(
                        "temporary",
                        "85 FR 51342",
                        "2020-08-20",
                        "2021-12-06",
                        "permanent",
                        "86 FR 60761",
                        "9614",
                        "2021-12-06")));
    mvc.perform(get("/substances/fentanyl").with(user(users.get("ANALYST")).roles("ANALYST")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<td class=\"dea-code\">9801</td>")));
  }

  @Test
  void screeningANamedAnalogueShowsItsListingBeforeTheClass() throws Exception {
    mvc.perform(
            get("/substances")
                .param("smiles", "CC(=O)N(c1ccccc1)C1CCN(CCc2ccccc2)CC1")
                .with(user(users.get("ANALYST")).roles("ANALYST")))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    stringContainsInOrder(
                        "Verdict",
                        "listed: acetylfentanyl: USA CSA Schedule I, 21 CFR 1308.11(b), DEA code"
                            + " 9821",
                        "class: USA us-fentanyl-related (excluded)")));
  }

  @Test
  void anUnknownSubstanceIsNotFound() throws Exception {
    mvc.perform(get("/substances/no-such").with(user(users.get("ANALYST")).roles("ANALYST")))
        .andExpect(status().isNotFound());
  }
}
