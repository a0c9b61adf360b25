package org.presstrace.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.presstrace.registry.CertificateView;
import org.presstrace.registry.RegistrantCategory;
import org.presstrace.registry.RegistrantStatus;
import org.presstrace.registry.VerificationCode;

class CertificatePdfTests {

  private static final float PAGE_WIDTH = 595.28f;
  private static final float QR_LEFT = PAGE_WIDTH - 56 - 120;

  @Test
  void theVerificationAddressStaysLeftOfTheQrCodeAndReadsWhole() throws IOException {
    String url =
        "https://presstrace.registry-division.competent-authority.example.gov/registry/"
            + "certificates/verify?code=ABCD-EFGH-JKLM-NPQR&lang=en";

    byte[] pdf = new CertificatePdf().render(certificate(), url);

    var glyphs = new ArrayList<TextPosition>();
    String text;
    try (var document = Loader.loadPDF(pdf)) {
      var stripper =
          new PDFTextStripper() {
            @Override
            protected void writeString(String line, List<TextPosition> positions)
                throws IOException {
              glyphs.addAll(positions);
              super.writeString(line, positions);
            }
          };
      text = stripper.getText(document);
    }
    assertThat(text.replaceAll("\\s", "")).contains(url);
    List<TextPosition> addressGlyphs =
        glyphs.stream().filter(glyph -> glyph.getFontSizeInPt() == 9).toList();
    assertThat(addressGlyphs).isNotEmpty();
    assertThat(addressGlyphs)
        .allSatisfy(
            glyph ->
                assertThat(glyph.getXDirAdj() + glyph.getWidthDirAdj())
                    .as("'%s'", glyph.getUnicode())
                    .isLessThanOrEqualTo(QR_LEFT));
  }

  @Test
  void wrappingBreaksAfterTheAddressesOwnSeparatorsAndLosesNothing() throws IOException {
    var font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    String url = "http://localhost:8080/registry/certificates/verify?code=ABCD-EFGH-JKLM-NPQR";

    List<String> lines = CertificatePdf.wrapped(font, 9, url, 150);

    assertThat(String.join("", lines)).isEqualTo(url);
    assertThat(lines).hasSizeGreaterThan(1);
    for (String line : lines) {
      assertThat(font.getStringWidth(line) / 1000 * 9).as(line).isLessThanOrEqualTo(150);
    }
    assertThat(lines.get(0)).endsWith("/");
    assertThat(CertificatePdf.wrapped(font, 9, "http://a.example/v", 400))
        .containsExactly("http://a.example/v");
  }

  private static CertificateView certificate() {
    return new CertificateView(
        "7c9e6679-7425-40de-944b-e07fc1f90ae7",
        "r-1",
        VerificationCode.random(),
        "PT-2026-000042",
        "Gulf Coast Tablet Machinery LLC",
        null,
        RegistrantCategory.values()[0],
        null,
        RegistrantStatus.ACTIVE,
        LocalDate.of(2026, 1, 1),
        LocalDate.of(2028, 12, 31),
        Instant.parse("2026-01-01T12:00:00Z"),
        "CURRENT",
        null);
  }
}
