package org.presstrace.exchange;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.TreeSet;
import org.presstrace.access.AccessContext;
import org.presstrace.access.CallerContext;
import org.presstrace.exchange.stix.StixMarkings;
import org.presstrace.exchange.taxii.TaxiiCollection;
import org.presstrace.exchange.taxii.TaxiiIntake;
import org.presstrace.shared.InvalidRequest;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The TAXII 2.1 client: polls a partner's collection (its URL, with the credentials the partner
 * issued) page by page, and imports everything it got into {@link TaxiiCollection#PARTNER_INTEL}
 * for the importing user's agency, with the collection's URL as the source. What the partner sends
 * is checked as a post is ({@link TaxiiIntake#store}): any invalid object, or a marking PressTrace
 * cannot enforce, and nothing of the poll is stored.
 */
@Service
public class TaxiiPoll {

  /** The most objects one poll imports; a partner with more is polled again from the last date. */
  public static final int MAX_OBJECTS = 50_000;

  static final int PAGE = 500;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  static final String TAXII = "application/taxii+json;version=2.1";

  private final TaxiiIntake intake;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  TaxiiPoll(TaxiiIntake intake) {
    this.intake = intake;
  }

  /**
   * What a poll did: the import's status resource, and the date the newest object was added on the
   * partner's side (the {@code added_after} of the next poll), or null when nothing came.
   */
  public record Polled(ObjectNode status, int received, Instant lastAdded) {}

  /**
   * Polls {@code collection} (a collection URL ending in {@code /}) sending {@code authorization}
   * (an {@code Authorization} header value, or null) and the importer's purpose, from {@code
   * addedAfter} (or everything when null).
   */
  public Polled poll(
      AccessContext importer, URI collection, String authorization, Instant addedAfter) {
    String base = collection.toString();
    if (!(base.startsWith("https://") || base.startsWith("http://")) || !base.endsWith("/")) {
      throw new InvalidRequest(
          "collection", "'" + base + "' is not an http(s) collection URL ending in /");
    }
    var objects = new ArrayList<JsonNode>();
    Instant last = null;
    String next = null;
    do {
      // every version, not only the last: a version this instance holds is not stored again
      var query = new StringBuilder("?limit=").append(PAGE).append("&match%5Bversion%5D=all");
      if (addedAfter != null) {
        query.append("&added_after=").append(encode(addedAfter.toString()));
      }
      if (next != null) {
        query.append("&next=").append(encode(next));
      }
      Answer answer = ask(importer, base, query.toString(), authorization);
      answer.envelope().path("objects").forEach(objects::add);
      if (objects.size() > MAX_OBJECTS) {
        throw new InvalidRequest(
            "collection",
            base + " has more than " + MAX_OBJECTS + " objects to give; poll from a later date");
      }
      last = answer.lastAdded() != null ? answer.lastAdded() : last;
      next = answer.next();
    } while (next != null);
    if (objects.isEmpty()) {
      return new Polled(null, 0, null);
    }
    objects.addAll(definitionsHeldBefore(importer, base, authorization, objects));
    ObjectNode status = intake.store(importer, TaxiiCollection.PARTNER_INTEL, objects, base);
    return new Polled(status, objects.size(), last);
  }

  /** One page the partner answered, its next token and its {@code X-TAXII-Date-Added-Last}. */
  private record Answer(JsonNode envelope, String next, Instant lastAdded) {}

  /**
   * The statement marking definitions {@code objects} refer to that the poll did not bring: a
   * collection adds a definition with the first object that needed it, so an incremental poll
   * leaves out one its reader was given before. They are asked for by id, whatever their date, so
   * that each object's marking is read from its definition rather than refused.
   */
  private List<JsonNode> definitionsHeldBefore(
      AccessContext importer, String base, String authorization, List<JsonNode> objects) {
    var brought = new HashSet<String>();
    for (JsonNode object : objects) {
      if ("marking-definition".equals(object.path("type").asString(""))) {
        brought.add(object.path("id").asString(""));
      }
    }
    var missing = new TreeSet<String>();
    for (JsonNode object : objects) {
      for (JsonNode ref : object.path("object_marking_refs")) {
        String id = ref.asString("");
        if (id.startsWith("marking-definition--")
            && StixMarkings.tlpOf(id).isEmpty()
            && !brought.contains(id)) {
          missing.add(id);
        }
      }
    }
    var definitions = new ArrayList<JsonNode>();
    if (missing.isEmpty()) {
      return definitions;
    }
    String next = null;
    int pages = 0;
    do {
      var query =
          new StringBuilder("?limit=")
              .append(PAGE)
              .append("&match%5Btype%5D=marking-definition&match%5Bid%5D=")
              .append(encode(String.join(",", missing)));
      if (next != null) {
        query.append("&next=").append(encode(next));
      }
      Answer answer = ask(importer, base, query.toString(), authorization);
      for (JsonNode definition : answer.envelope().path("objects")) {
        if (missing.contains(definition.path("id").asString(""))) {
          definitions.add(definition);
        }
      }
      next = answer.next();
    } while (next != null && ++pages < 10);
    return definitions;
  }

  private Answer ask(AccessContext importer, String base, String query, String authorization) {
    var request =
        HttpRequest.newBuilder(URI.create(base + "objects/" + query))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", TAXII)
            .GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (importer.purposeText() != null) {
      request.header(CallerContext.PURPOSE_HEADER, importer.purposeText());
    }
    HttpResponse<String> response = send(request.build(), base);
    if (response.statusCode() != 200) {
      throw new InvalidRequest(
          "collection", base + " answered " + response.statusCode() + summary(response.body()));
    }
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (!type.replace(" ", "")
        .toLowerCase(java.util.Locale.ROOT)
        .startsWith("application/taxii+json")) {
      throw new InvalidRequest(
          "collection", base + " answered " + type + ", not a TAXII 2.1 envelope");
    }
    JsonNode envelope;
    try {
      envelope = JSON.readTree(response.body());
    } catch (JacksonException e) {
      throw new InvalidRequest("collection", base + " answered a body that is not JSON");
    }
    return new Answer(
        envelope,
        envelope.path("more").asBoolean(false) ? envelope.path("next").asString(null) : null,
        response
            .headers()
            .firstValue("X-TAXII-Date-Added-Last")
            .map(TaxiiPoll::instant)
            .orElse(null));
  }

  private HttpResponse<String> send(HttpRequest request, String base) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new InvalidRequest("collection", base + " could not be reached: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InvalidRequest("collection", "the poll of " + base + " was interrupted");
    }
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String summary(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    try {
      JsonNode error = JSON.readTree(body);
      String said = error.path("description").asString(error.path("detail").asString(""));
      return said.isBlank() ? "" : ": " + said.substring(0, Math.min(200, said.length()));
    } catch (JacksonException e) {
      return "";
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
