package org.presstrace.exchange.taxii.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.presstrace.access.AccessContext;
import org.presstrace.access.CallerContext;
import org.presstrace.access.Callers;
import org.presstrace.access.Channel;
import org.presstrace.exchange.stix.StixIds;
import org.presstrace.exchange.taxii.CollectionEntry;
import org.presstrace.exchange.taxii.TaxiiCollection;
import org.presstrace.exchange.taxii.TaxiiCollections;
import org.presstrace.exchange.taxii.TaxiiFilter;
import org.presstrace.exchange.taxii.TaxiiIntake;
import org.presstrace.shared.NotFound;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The TAXII 2.1 server: discovery, one API root ({@code presstrace}), its collections, objects with
 * filters and paging, manifests, versions, one object, posting an envelope and the status of a
 * post. Callers sign in as to the rest of the API (HTTP Basic, API token, OIDC bearer) and state a
 * purpose in {@code PressTrace-Purpose}; every read goes through the access policy and is audited.
 */
@RestController
@Tag(name = "TAXII 2.1")
class TaxiiApi {

  static final MediaType TAXII = MediaType.parseMediaType("application/taxii+json;version=2.1");
  static final String ROOT = "presstrace";
  static final int MAX_CONTENT_LENGTH = 1024 * 1024;

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final TaxiiCollections collections;
  private final TaxiiIntake intake;
  private final Callers callers;

  TaxiiApi(TaxiiCollections collections, TaxiiIntake intake, Callers callers) {
    this.collections = collections;
    this.intake = intake;
    this.callers = callers;
  }

  @GetMapping("/taxii2/")
  @Operation(summary = "TAXII discovery: the API roots")
  ResponseEntity<String> discovery(
      @RequestHeader(value = "Accept", required = false) String accept) {
    acceptable(accept, false);
    callers.current();
    String root = base() + "/taxii2/" + ROOT + "/";
    ObjectNode body = NODES.objectNode();
    body.put("title", "PressTrace TAXII server");
    body.put(
        "description", "Pill-press, seizure and trafficking intelligence under handling markings.");
    body.put("default", root);
    body.putArray("api_roots").add(root);
    return ok(body);
  }

  @GetMapping("/taxii2/presstrace/")
  @Operation(summary = "TAXII API root information")
  ResponseEntity<String> apiRoot(@RequestHeader(value = "Accept", required = false) String accept) {
    acceptable(accept, false);
    callers.current();
    ObjectNode body = NODES.objectNode();
    body.put("title", "PressTrace");
    body.put("description", "The records of this PressTrace instance a caller may read.");
    body.putArray("versions").add(TAXII.toString());
    body.put("max_content_length", MAX_CONTENT_LENGTH);
    return ok(body);
  }

  @GetMapping("/taxii2/presstrace/collections/")
  @Operation(summary = "The collections you may see")
  ResponseEntity<String> collections(
      @RequestHeader(value = "Accept", required = false) String accept) {
    acceptable(accept, false);
    var caller = callers.current();
    ObjectNode body = NODES.objectNode();
    ArrayNode list = body.putArray("collections");
    for (TaxiiCollection collection : collections.visible(caller)) {
      list.add(describe(collection, collections.writable(caller, collection)));
    }
    if (list.isEmpty()) {
      body.remove("collections");
    }
    return ok(body);
  }

  @GetMapping("/taxii2/presstrace/collections/{id}/")
  @Operation(summary = "One collection")
  ResponseEntity<String> collection(
      @PathVariable String id, @RequestHeader(value = "Accept", required = false) String accept) {
    acceptable(accept, false);
    var caller = callers.current();
    TaxiiCollection collection = collections.find(caller, id);
    return ok(describe(collection, collections.writable(caller, collection)));
  }

  @GetMapping("/taxii2/presstrace/collections/{id}/objects/")
  @Operation(summary = "Objects of a collection, filtered and paged")
  ResponseEntity<String> objects(
      @PathVariable String id,
      @RequestHeader(value = "Accept", required = false) String accept,
      @RequestHeader(value = CallerContext.PURPOSE_HEADER, required = false) String purpose,
      @RequestParam(name = "added_after", required = false) String addedAfter,
      @RequestParam(name = "limit", required = false) String limit,
      @RequestParam(name = "next", required = false) String next,
      @RequestParam(name = "match[type]", required = false) String type,
      @RequestParam(name = "match[id]", required = false) String objectId,
      @RequestParam(name = "match[version]", required = false) String version,
      @RequestParam(name = "match[spec_version]", required = false) String specVersion) {
    acceptable(accept, true);
    var filter = TaxiiFilter.parse(addedAfter, type, objectId, version, specVersion, limit, next);
    AccessContext context = callers.context(Channel.API, purpose);
    TaxiiCollection collection = collections.find(context.caller(), id);
    return envelope(filter, collections.entries(context, collection));
  }

  @GetMapping("/taxii2/presstrace/collections/{id}/objects/{objectId}/")
  @Operation(summary = "One object of a collection, in an envelope")
  ResponseEntity<String> object(
      @PathVariable String id,
      @PathVariable String objectId,
      @RequestHeader(value = "Accept", required = false) String accept,
      @RequestHeader(value = CallerContext.PURPOSE_HEADER, required = false) String purpose,
      @RequestParam(name = "added_after", required = false) String addedAfter,
      @RequestParam(name = "limit", required = false) String limit,
      @RequestParam(name = "next", required = false) String next,
      @RequestParam(name = "match[version]", required = false) String version,
      @RequestParam(name = "match[spec_version]", required = false) String specVersion) {
    acceptable(accept, true);
    var filter = TaxiiFilter.parse(addedAfter, null, objectId, version, specVersion, limit, next);
    AccessContext context = callers.context(Channel.API, purpose);
    TaxiiCollection collection = collections.find(context.caller(), id);
    var all = collections.entries(context, collection);
    if (all.stream().noneMatch(entry -> entry.id().equals(objectId))) {
      throw new NotFound("object", objectId);
    }
    return envelope(filter, all);
  }

  @GetMapping("/taxii2/presstrace/collections/{id}/objects/{objectId}/versions/")
  @Operation(summary = "The versions of one object")
  ResponseEntity<String> versions(
      @PathVariable String id,
      @PathVariable String objectId,
      @RequestHeader(value = "Accept", required = false) String accept,
      @RequestHeader(value = CallerContext.PURPOSE_HEADER, required = false) String purpose,
      @RequestParam(name = "added_after", required = false) String addedAfter,
      @RequestParam(name = "limit", required = false) String limit,
      @RequestParam(name = "next", required = false) String next,
      @RequestParam(name = "match[spec_version]", required = false) String specVersion) {
    acceptable(accept, false);
    var filter = TaxiiFilter.parse(addedAfter, null, objectId, "all", specVersion, limit, next);
    AccessContext context = callers.context(Channel.API, purpose);
    TaxiiCollection collection = collections.find(context.caller(), id);
    var matching = filter.matching(collections.entries(context, collection));
    if (matching.isEmpty()) {
      throw new NotFound("object", objectId);
    }
    var page = filter.page(matching);
    ObjectNode body = NODES.objectNode();
    body.put("more", page.more());
    if (page.next() != null) {
      body.put("next", page.next());
    }
    ArrayNode versions = body.putArray("versions");
    page.entries().forEach(entry -> versions.add(entry.version()));
    return headed(page.entries()).body(body.toString());
  }

  @GetMapping("/taxii2/presstrace/collections/{id}/manifest/")
  @Operation(summary = "The manifest of a collection, filtered and paged")
  ResponseEntity<String> manifest(
      @PathVariable String id,
      @RequestHeader(value = "Accept", required = false) String accept,
      @RequestHeader(value = CallerContext.PURPOSE_HEADER, required = false) String purpose,
      @RequestParam(name = "added_after", required = false) String addedAfter,
      @RequestParam(name = "limit", required = false) String limit,
      @RequestParam(name = "next", required = false) String next,
      @RequestParam(name = "match[type]", required = false) String type,
      @RequestParam(name = "match[id]", required = false) String objectId,
      @RequestParam(name = "match[version]", required = false) String version,
      @RequestParam(name = "match[spec_version]", required = false) String specVersion) {
    acceptable(accept, false);
    var filter = TaxiiFilter.parse(addedAfter, type, objectId, version, specVersion, limit, next);
    AccessContext context = callers.context(Channel.API, purpose);
    TaxiiCollection collection = collections.find(context.caller(), id);
    var page = filter.page(filter.matching(collections.entries(context, collection)));
    ObjectNode body = NODES.objectNode();
    body.put("more", page.more());
    if (page.next() != null) {
      body.put("next", page.next());
    }
    ArrayNode objects = body.putArray("objects");
    for (CollectionEntry entry : page.entries()) {
      ObjectNode record = objects.addObject();
      record.put("id", entry.id());
      record.put("date_added", StixIds.timestamp(entry.dateAdded()));
      record.put("version", entry.version());
      record.put("media_type", "application/stix+json;version=2.1");
    }
    if (objects.isEmpty()) {
      body.remove("objects");
    }
    return headed(page.entries()).body(body.toString());
  }

  @PostMapping("/taxii2/presstrace/collections/{id}/objects/")
  @Operation(summary = "Post an envelope of STIX objects; answers the status resource")
  ResponseEntity<String> post(
      @PathVariable String id,
      @RequestHeader(value = "Accept", required = false) String accept,
      @RequestHeader(value = "Content-Type", required = false) String contentType,
      @RequestHeader(value = CallerContext.PURPOSE_HEADER, required = false) String purpose,
      HttpServletRequest request)
      throws IOException {
    acceptable(accept, false);
    AccessContext context = callers.context(Channel.API, purpose);
    TaxiiCollection collection = collections.find(context.caller(), id);
    if (!taxiiContent(contentType)) {
      throw new TaxiiError(
          415,
          "Unsupported media type",
          "post an envelope as "
              + TAXII
              + ", not "
              + (contentType == null ? "nothing" : contentType));
    }
    if (request.getContentLengthLong() > MAX_CONTENT_LENGTH) {
      throw tooLarge();
    }
    byte[] bytes;
    try (InputStream in = request.getInputStream()) {
      bytes = in.readNBytes(MAX_CONTENT_LENGTH + 1);
    }
    if (bytes.length > MAX_CONTENT_LENGTH) {
      throw tooLarge();
    }
    JsonNode envelope = JSON.readTree(bytes);
    ObjectNode status = intake.post(context, collection, envelope);
    return ResponseEntity.accepted().contentType(TAXII).body(status.toString());
  }

  @GetMapping("/taxii2/presstrace/status/{statusId}/")
  @Operation(summary = "The status of an envelope your agency posted")
  ResponseEntity<String> status(
      @PathVariable String statusId,
      @RequestHeader(value = "Accept", required = false) String accept,
      @RequestHeader(value = CallerContext.PURPOSE_HEADER, required = false) String purpose) {
    acceptable(accept, false);
    AccessContext context = callers.context(Channel.API, purpose);
    return ok(intake.status(context, statusId));
  }

  private ResponseEntity<String> envelope(TaxiiFilter filter, List<CollectionEntry> entries) {
    var page = filter.page(filter.matching(entries));
    ObjectNode body = NODES.objectNode();
    body.put("more", page.more());
    if (page.next() != null) {
      body.put("next", page.next());
    }
    ArrayNode objects = body.putArray("objects");
    page.entries().forEach(entry -> objects.add(entry.object()));
    if (objects.isEmpty()) {
      body.remove("objects");
    }
    return headed(page.entries()).body(body.toString());
  }

  private static ResponseEntity.BodyBuilder headed(List<CollectionEntry> entries) {
    var builder = ResponseEntity.ok().contentType(TAXII);
    if (!entries.isEmpty()) {
      builder.header("X-TAXII-Date-Added-First", StixIds.timestamp(entries.get(0).dateAdded()));
      builder.header(
          "X-TAXII-Date-Added-Last",
          StixIds.timestamp(entries.get(entries.size() - 1).dateAdded()));
    }
    return builder;
  }

  private static ObjectNode describe(TaxiiCollection collection, boolean writable) {
    ObjectNode body = NODES.objectNode();
    body.put("id", collection.id());
    body.put("title", collection.title());
    body.put("description", collection.description());
    body.put("alias", collection.alias());
    body.put("can_read", true);
    body.put("can_write", writable);
    body.putArray("media_types").add("application/stix+json;version=2.1");
    return body;
  }

  private static ResponseEntity<String> ok(JsonNode body) {
    return ResponseEntity.ok().contentType(TAXII).body(body.toString());
  }

  private static TaxiiError tooLarge() {
    return new TaxiiError(
        413, "Content too large", "an envelope is at most " + MAX_CONTENT_LENGTH + " bytes");
  }

  private static String base() {
    return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
  }

  /**
   * Refuses with 406 unless {@code Accept} admits the TAXII 2.1 media type (or, for objects, the
   * STIX 2.1 one). A missing header, and wildcards, admit it; another version does not.
   */
  static void acceptable(String accept, boolean stixToo) {
    if (accept == null || accept.isBlank()) {
      return;
    }
    List<MediaType> types;
    try {
      types = MediaType.parseMediaTypes(accept);
    } catch (InvalidMediaTypeException e) {
      throw notAcceptable(accept);
    }
    for (MediaType type : types) {
      if (type.isWildcardType()
          || (type.getType().equals("application") && type.isWildcardSubtype())
          || version21(type, "taxii+json")
          || (stixToo && version21(type, "stix+json"))) {
        return;
      }
    }
    throw notAcceptable(accept);
  }

  private static TaxiiError notAcceptable(String accept) {
    return new TaxiiError(
        406,
        "Not acceptable",
        "this server answers " + TAXII + "; Accept '" + accept + "' does not admit it");
  }

  private static boolean version21(MediaType type, String subtype) {
    String version = type.getParameter("version");
    return type.getType().equals("application")
        && type.getSubtype().equals(subtype)
        && (version == null || version.equals("2.1"));
  }

  static boolean taxiiContent(String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      return version21(MediaType.parseMediaType(contentType), "taxii+json");
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }
}
