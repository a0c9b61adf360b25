package org.presstrace.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How the pages put a value into words, in one place: an enum constant as its plain label (from
 * {@code web/labels.properties}, else the enum's own {@code label()}, else its name in lower case),
 * a custody event's type as what happened ("Transferred"), a moment to the minute in the reader's
 * zone with the zone named ("6 Dec 2026 14:05 EST"), and stored prose with its ids replaced by the
 * names the reader may see. The API and the CSV exports keep the codes; only pages use this.
 */
public final class Presentation {

  /** What a page says in place of a name the reader may not read. */
  public static final String OUTSIDE_ACCESS = "a record outside your access";

  static final Pattern UUID =
      Pattern.compile(
          "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");

  /** A moment as {@link Instant#toString()} writes it, with or without seconds and fractions. */
  private static final Pattern ISO_INSTANT =
      Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?Z\\b");

  /** A record named with its kind and id, as red-flag explanations do: "(Company 3f2a…)". */
  private static final Pattern KIND_AND_ID =
      Pattern.compile("\\(([A-Z][a-z]+(?: [a-z]+)*) (" + UUID.pattern() + ")\\)");

  private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\\b");

  private static final Pattern EVENT =
      Pattern.compile("\\b(?:Machine|Serial|Registrant|Registration)[A-Z][A-Za-z]+\\b");

  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm z", Locale.ENGLISH);

  private final Map<String, String> labels;

  /** A code's label when the code comes as text and the enum is not known: "TABLETING_ROTARY". */
  private final Map<String, String> byCode;

  Presentation(Map<String, String> labels) {
    this.labels = Map.copyOf(labels);
    var codes = new java.util.TreeMap<String, String>();
    labels.forEach(
        (key, label) -> {
          int dot = key.indexOf('.');
          if (dot > 0 && !key.startsWith("prose.")) {
            codes.putIfAbsent(key.substring(dot + 1), label);
          }
        });
    this.byCode = Map.copyOf(codes);
  }

  /** The labels of {@code web/labels.properties}. */
  static Presentation load() {
    var properties = new Properties();
    try (var in = Presentation.class.getResourceAsStream("/web/labels.properties")) {
      if (in == null) {
        throw new IllegalStateException("web/labels.properties is missing");
      }
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Presentation(
        properties.stringPropertyNames().stream()
            .collect(Collectors.toMap(key -> key, properties::getProperty)));
  }

  /**
   * Any value as a page shows it in {@code zone}: enums as labels, moments to the minute,
   * collections joined ("none" when empty), anything else as it is.
   */
  public String text(Object value, ZoneId zone) {
    if (value == null) {
      return "";
    }
    if (value instanceof Enum<?> constant) {
      return label(constant);
    }
    if (value instanceof Instant instant) {
      return time(instant, zone);
    }
    if (value instanceof OffsetDateTime moment) {
      return time(moment.toInstant(), zone);
    }
    if (value instanceof ZonedDateTime moment) {
      return time(moment.toInstant(), zone);
    }
    if (value instanceof Collection<?> values) {
      return values.isEmpty()
          ? "none"
          : values.stream().map(each -> text(each, zone)).collect(Collectors.joining(", "));
    }
    return value.toString();
  }

  /** {@code instant} to the minute in {@code zone}, with the zone named. */
  public String time(Instant instant, ZoneId zone) {
    return instant == null ? "" : MINUTE.format(instant.atZone(zone));
  }

  /** An enum constant's plain label. */
  public String label(Enum<?> constant) {
    if (constant == null) {
      return "";
    }
    String type = constant.getDeclaringClass().getSimpleName();
    String own = labels.get(type + "." + constant.name());
    if (own != null) {
      return own;
    }
    String shared = labels.get(constant.name());
    if (shared != null) {
      return shared;
    }
    String declared = declaredLabel(constant);
    return declared != null ? declared : humanised(constant.name());
  }

  /** Whether the labels file names this constant itself ({@code Type.CONSTANT}). */
  boolean labelled(Enum<?> constant) {
    return labels.containsKey(constant.getDeclaringClass().getSimpleName() + "." + constant.name());
  }

  /** A code given as text (a custody event's type, a status stored as text) in plain words. */
  public String label(String code) {
    if (code == null) {
      return "";
    }
    String known = labels.getOrDefault(code, byCode.get(code));
    if (known != null) {
      return known;
    }
    return CODE.matcher(code).matches() ? humanised(code) : code;
  }

  /**
   * Stored prose as a page shows it: each id replaced by its name in {@code names} (or {@link
   * #OUTSIDE_ACCESS} when the reader may not read it), "(Company id)" by "(company)", event types
   * and codes by their labels, and moments by the minute in {@code zone}.
   */
  public String prose(String text, Map<String, String> names, ZoneId zone) {
    if (text == null) {
      return "";
    }
    Map<String, String> known = names == null ? Map.of() : names;
    String shown =
        KIND_AND_ID
            .matcher(text)
            .replaceAll(
                found ->
                    Matcher.quoteReplacement("(" + found.group(1).toLowerCase(Locale.ROOT) + ")"));
    shown =
        ISO_INSTANT
            .matcher(shown)
            .replaceAll(found -> Matcher.quoteReplacement(instant(found.group(), zone)));
    // Event types and codes first, so that the names put in for ids are left as written.
    shown = EVENT.matcher(shown).replaceAll(found -> Matcher.quoteReplacement(inProse(found)));
    shown = CODE.matcher(shown).replaceAll(found -> Matcher.quoteReplacement(inProse(found)));
    return UUID.matcher(shown)
        .replaceAll(
            found ->
                Matcher.quoteReplacement(
                    known.getOrDefault(
                        found.group().toLowerCase(Locale.ROOT),
                        known.getOrDefault(found.group(), OUTSIDE_ACCESS))));
  }

  /** How a sentence says a code or an event type: its {@code prose.} label, else as it is. */
  private String inProse(java.util.regex.MatchResult found) {
    String label = labels.get("prose." + found.group());
    return label == null ? found.group() : label;
  }

  private String instant(String text, ZoneId zone) {
    try {
      return time(Instant.parse(text), zone);
    } catch (DateTimeException e) {
      return text;
    }
  }

  private static String declaredLabel(Enum<?> constant) {
    try {
      Method label = constant.getDeclaringClass().getMethod("label");
      if (label.getReturnType() == String.class
          && Modifier.isPublic(label.getModifiers())
          && !Modifier.isStatic(label.getModifiers())) {
        return (String) label.invoke(constant);
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
    return null;
  }

  /** {@code TABLETING_ROTARY} as "Tableting rotary". */
  static String humanised(String code) {
    String words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
