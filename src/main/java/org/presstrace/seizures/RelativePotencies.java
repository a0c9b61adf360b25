package org.presstrace.seizures;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.presstrace.shared.InvalidRequest;

/**
 * Relative potencies to fentanyl by mass (fentanyl = 1), read from a versioned CSV file with a
 * source per row ({@code seizures/relative-potency.csv}, or the file named by {@code
 * presstrace.seizures.potency-file}). A substance without a sourced figure is unknown: it gets no
 * potency-adjusted dose figure.
 */
public final class RelativePotencies {

  /** The file shipped with PressTrace. */
  public static final String PUBLISHED = "seizures/relative-potency.csv";

  /**
   * One row: {@code relativePotency} is {@code null} when unknown.
   *
   * @param source where the figure comes from, or why it is unknown
   */
  public record Potency(String substanceId, BigDecimal relativePotency, String source) {}

  private final String version;
  private final Map<String, Potency> rows;

  private RelativePotencies(String version, Map<String, Potency> rows) {
    this.version = version;
    this.rows = rows;
  }

  /** The file shipped with PressTrace. */
  public static RelativePotencies published() {
    try (InputStream in = RelativePotencies.class.getClassLoader().getResourceAsStream(PUBLISHED)) {
      if (in == null) {
        throw new IllegalStateException(PUBLISHED + " is missing from the classpath");
      }
      return read(in, PUBLISHED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a potency file: a {@code # version,N} line, a header {@code
   * substance_id,relative_potency,source}, and one row per substance with a positive decimal or
   * {@code unknown}, and a source.
   */
  public static RelativePotencies read(InputStream in, String name) {
    String text;
    try {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String version = null;
    for (String line : text.split("\r?\n")) {
      if (line.startsWith("# version,")) {
        version = line.substring("# version,".length()).strip();
      }
    }
    if (version == null || version.isEmpty()) {
      throw new InvalidRequest(
          "presstrace.seizures.potency-file", name + " has no '# version,N' line");
    }
    var rows = new LinkedHashMap<String, Potency>();
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setCommentMarker('#')
            .setHeader()
            .setSkipHeaderRecord(true)
            .setTrim(true)
            .get();
    try {
      for (CSVRecord record : format.parse(new java.io.StringReader(text))) {
        String id = record.get("substance_id").toLowerCase(Locale.ROOT);
        String where =
            name + " line " + record.getParser().getCurrentLineNumber() + " (" + id + ")";
        String source = record.isSet("source") ? record.get("source") : "";
        if (id.isEmpty() || source.isBlank()) {
          throw new InvalidRequest(
              "presstrace.seizures.potency-file", where + ": every row needs a source");
        }
        String given = record.get("relative_potency");
        BigDecimal potency = null;
        if (!given.equalsIgnoreCase("unknown")) {
          try {
            potency = new BigDecimal(given);
          } catch (NumberFormatException e) {
            potency = null;
          }
          if (potency == null || potency.signum() <= 0) {
            throw new InvalidRequest(
                "presstrace.seizures.potency-file",
                where + ": relative potency '" + given + "' is not a positive number or unknown");
          }
        }
        if (rows.put(id, new Potency(id, potency, source)) != null) {
          throw new InvalidRequest(
              "presstrace.seizures.potency-file", where + ": substance listed twice");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException | IllegalStateException e) {
      if (e instanceof InvalidRequest) {
        throw e;
      }
      throw new InvalidRequest("presstrace.seizures.potency-file", name + ": " + e.getMessage());
    }
    return new RelativePotencies(version, rows);
  }

  public String version() {
    return version;
  }

  public List<Potency> rows() {
    return new ArrayList<>(rows.values());
  }

  /** The row for {@code substanceId}; unknown (potency {@code null}) when the file has none. */
  public Potency of(String substanceId) {
    if (substanceId == null) {
      return new Potency(null, null, "no specific substance identified (class match only)");
    }
    Potency row = rows.get(substanceId.toLowerCase(Locale.ROOT));
    return row != null ? row : new Potency(substanceId, null, "not in the relative-potency list");
  }
}
