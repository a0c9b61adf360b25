package org.presstrace.substances.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.presstrace.substances.ManifestLine;
import org.presstrace.substances.ManifestScreen;
import org.presstrace.substances.Substance;

/**
 * The built-in list's own rules: every Chinese name cites a source, a substance without a CAS
 * number says why, and the sourced Chinese names and China's 2018 and 2024 listings are there.
 */
class ReferenceListTests {

  private static ReferenceList parse(String substance) {
    String json =
        """
        {"version": "t", "sources": {"s": "a source", "no-cas": "none published"},
         "substances": [%s], "classes": []}
        """
            .formatted(substance);
    return ReferenceList.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static Substance builtIn(String id) {
    return ReferenceList.builtIn().substances().stream()
        .filter(s -> s.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aChineseNameWithoutASourceIsRefused() {
    assertThatThrownBy(
            () ->
                parse(
                    """
                    {"id": "x", "name": "x", "cas": "437-38-7", "family": "fentanyl",
                     "chinese": [{"name": "芬太尼"}], "sources": ["s"]}
                    """))
        .hasMessageContaining("Chinese name 芬太尼 needs 'source'");
    assertThatThrownBy(
            () ->
                parse(
                    """
                    {"id": "x", "name": "x", "cas": "437-38-7", "family": "fentanyl",
                     "chinese": [{"name": "芬太尼", "source": "nowhere"}], "sources": ["s"]}
                    """))
        .hasMessageContaining("source 'nowhere' is not defined");
  }

  @Test
  void aSubstanceWithoutACasNumberMustSayWhy() {
    assertThatThrownBy(() -> parse("{\"id\": \"x\", \"name\": \"x\", \"family\": \"fentanyl\"}"))
        .hasMessageContaining("x has no CAS number needs 'casNote'");
    Substance noted =
        parse(
                "{\"id\": \"x\", \"name\": \"x\", \"family\": \"fentanyl\", \"casNote\": \"no-cas\","
                    + " \"sources\": [\"s\"]}")
            .substances()
            .get(0);
    assertThat(noted.cas()).isNull();
    assertThat(noted.sources()).containsExactly("a source", "none published");
  }

  @Test
  void theBuiltInChineseNamesCiteTheirSources() {
    Substance fentanyl = builtIn("fentanyl");
    assertThat(fentanyl.chineseNames()).contains("芬太尼", "N-[1-(2-苯乙基)-4-哌啶基]-N-苯基丙酰胺");
    assertThat(fentanyl.sources()).anyMatch(s -> s.contains("芬太尼类物质"));
    assertThat(builtIn("metonitazene").chineseNames()).containsExactly("美托尼秦");
    assertThat(builtIn("protonitazene").chineseNames()).containsExactly("丙托尼秦");
    assertThat(builtIn("carfentanil").sources()).anyMatch(s -> s.contains("so unverified"));
    assertThat(builtIn("valerylfentanyl").sources())
        .anyMatch(s -> s.contains("No CAS number is published"));
  }

  @Test
  void chinasListingsOf2018And2024AreDated() {
    assertThat(builtIn("npp").controls())
        .anySatisfy(
            c -> {
              assertThat(c.jurisdiction()).isEqualTo("CHN");
              assertThat(c.inForceOn(LocalDate.of(2018, 1, 31))).isFalse();
              assertThat(c.inForceOn(LocalDate.of(2018, 2, 1))).isTrue();
            });
    assertThat(builtIn("protonitazene").controls())
        .anySatisfy(
            c -> {
              assertThat(c.category()).isEqualTo("non-medical NPS");
              assertThat(c.inForceOn(LocalDate.of(2024, 6, 30))).isFalse();
              assertThat(c.inForceOn(LocalDate.of(2024, 7, 1))).isTrue();
            });
  }

  @Test
  void aManifestLineInChineseFindsTheSourcedName() {
    var verdict =
        ManifestScreen.builtIn()
            .screen(new ManifestLine(1, "美托尼秦 5公斤", null, null, null, null, null));
    assertThat(verdict.hits())
        .anySatisfy(h -> assertThat(h.substanceId()).isEqualTo("metonitazene"));
  }
}
