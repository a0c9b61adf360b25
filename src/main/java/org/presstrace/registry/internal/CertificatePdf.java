package org.presstrace.registry.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.presstrace.registry.CertificateView;
import org.springframework.stereotype.Component;

/**
 * Renders a registration certificate as a one-page A4 PDF: the registrant's details as issued, the
 * verification code, the verification URL and a QR code of that URL.
 */
@Component
public class CertificatePdf {

  private static final float MARGIN = 56;
  private static final float QR_SIZE = 120;

  /** The white space kept between the printed address and the QR code. */
  static final float GAP = 16;

  /** The PDF bytes of {@code certificate}, checked at {@code verifyUrl}. */
  public byte[] render(CertificateView certificate, String verifyUrl) {
    try (var document = new PDDocument()) {
      var page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      describe(document, certificate);
      var regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      var bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
      var mono = new PDType1Font(Standard14Fonts.FontName.COURIER_BOLD);
      float top = page.getMediaBox().getHeight() - MARGIN;
      float width = page.getMediaBox().getWidth();
      try (var content = new PDPageContentStream(document, page)) {
        text(content, bold, 11, MARGIN, top, "PRESSTRACE NATIONAL PILL PRESS REGISTRY");
        text(content, bold, 22, MARGIN, top - 34, "Certificate of Registration");
        content.setLineWidth(1.2f);
        content.moveTo(MARGIN, top - 46);
        content.lineTo(width - MARGIN, top - 46);
        content.stroke();
        float y = top - 80;
        for (var line : lines(certificate)) {
          text(content, regular, 10, MARGIN, y, line.getKey());
          text(content, bold, 12, MARGIN + 150, y, line.getValue());
          y -= 24;
        }
        y -= 16;
        text(content, bold, 12, MARGIN, y, "Verification code");
        text(content, mono, 15, MARGIN, y - 22, certificate.code().display());
        text(content, regular, 9, MARGIN, y - 44, "Check this certificate, signed in, at");
        float qrLeft = width - MARGIN - QR_SIZE;
        float urlLine = y - 58;
        // The address wraps before the QR code's column, at its own separators where it can.
        for (String part : wrapped(regular, 9, verifyUrl, qrLeft - GAP - MARGIN)) {
          text(content, regular, 9, MARGIN, urlLine, part);
          urlLine -= 12;
        }
        qr(content, verifyUrl, qrLeft, y - QR_SIZE + 14);
        float note = Math.min(y - QR_SIZE - 30, urlLine - 18);
        for (String sentence :
            List.of(
                "This certificate stands only while the check above says it is valid: it is"
                    + " superseded when the",
                "registration is renewed, and ends when the registration is suspended, revoked"
                    + " or lapses.",
                "The registrant may hold, acquire and, if a dealer or manufacturer, sell"
                    + " pill presses, their",
                "critical parts and moulds while its registration is active.")) {
          text(content, regular, 9, MARGIN, note, sentence);
          note -= 13;
        }
      }
      var out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("could not render certificate " + certificate.id(), e);
    }
  }

  private static List<Map.Entry<String, String>> lines(CertificateView certificate) {
    var lines = new ArrayList<Map.Entry<String, String>>();
    lines.add(Map.entry("Registrant", certificate.legalName()));
    if (certificate.tradeName() != null) {
      lines.add(Map.entry("Trading as", certificate.tradeName()));
    }
    lines.add(Map.entry("Category", certificate.category().name()));
    if (certificate.deaNumber() != null) {
      lines.add(Map.entry("DEA registration", certificate.deaNumber()));
    }
    lines.add(Map.entry("Registration number", certificate.registrationNumber()));
    lines.add(Map.entry("Certificate", certificate.id()));
    lines.add(Map.entry("Valid from", certificate.validFrom().toString()));
    lines.add(Map.entry("Valid until", certificate.validUntil().toString()));
    lines.add(
        Map.entry("Issued on", certificate.issuedAt().atOffset(ZoneOffset.UTC).toLocalDate() + ""));
    lines.add(Map.entry("Status at issue", certificate.statusAtIssue().name()));
    return lines;
  }

  private static void describe(PDDocument document, CertificateView certificate) {
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle("Certificate of Registration " + certificate.registrationNumber());
    info.setSubject(certificate.legalName());
    info.setCreator("PressTrace");
    info.setCreationDate(calendar(certificate.issuedAt()));
  }

  private static Calendar calendar(Instant at) {
    var calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    calendar.setTimeInMillis(at.toEpochMilli());
    return calendar;
  }

  private static void text(
      PDPageContentStream content, PDFont font, float size, float x, float y, String text)
      throws IOException {
    content.beginText();
    content.setFont(font, size);
    content.newLineAtOffset(x, y);
    content.showText(printable(font, text));
    content.endText();
  }

  /**
   * {@code text} in lines no wider than {@code maxWidth} points, broken after a '/', '?', '&amp;'
   * or '=' where one falls in the line, else between characters; the lines joined are the text.
   */
  static List<String> wrapped(PDFont font, float size, String text, float maxWidth)
      throws IOException {
    String printable = printable(font, text);
    var lines = new ArrayList<String>();
    int start = 0;
    while (start < printable.length()) {
      int end = start + 1;
      while (end < printable.length()
          && font.getStringWidth(printable.substring(start, end + 1)) / 1000 * size <= maxWidth) {
        end++;
      }
      if (end < printable.length()) {
        for (int at = end; at > start + 1; at--) {
          if ("/?&=".indexOf(printable.charAt(at - 1)) >= 0) {
            end = at;
            break;
          }
        }
      }
      lines.add(printable.substring(start, end));
      start = end;
    }
    return lines;
  }

  /** The text with each character the standard font cannot encode replaced by '?'. */
  static String printable(PDFont font, String text) {
    var out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              String one = new String(Character.toChars(cp));
              try {
                font.encode(one);
                out.append(one);
              } catch (IllegalArgumentException | IOException e) {
                out.append('?');
              }
            });
    return out.toString();
  }

  /** Draws the QR code of {@code url} as filled squares, lower-left corner at (x, y). */
  private static void qr(PDPageContentStream content, String url, float x, float y)
      throws IOException {
    BitMatrix matrix;
    try {
      matrix =
          new QRCodeWriter()
              .encode(
                  url,
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  Map.of(
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.MARGIN,
                      2));
    } catch (WriterException e) {
      return; // a URL too long for a QR code: the printed URL and code still serve
    }
    float module = QR_SIZE / matrix.getWidth();
    for (int row = 0; row < matrix.getHeight(); row++) {
      for (int col = 0; col < matrix.getWidth(); col++) {
        if (matrix.get(col, row)) {
          content.addRect(x + col * module, y + QR_SIZE - (row + 1) * module, module, module);
        }
      }
    }
    content.fill();
  }
}
