package org.presstrace.exchange;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.regex.Pattern;
import org.presstrace.exchange.internal.InstanceKey;
import org.presstrace.shared.CountryCode;
import org.presstrace.shared.InvalidRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one instance gives another, out of band, to be paired: its id, country, competent authority,
 * base URL and Ed25519 public key. Printed by {@code presstrace exchange identity} as one JSON
 * object; read by {@code presstrace exchange pair}.
 *
 * @param publicKey the Ed25519 public key as base64 X.509 SubjectPublicKeyInfo
 */
public record Pairing(
    String id, CountryCode country, String authority, String baseUrl, String publicKey) {

  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,47}");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> FIELDS =
      Set.of("id", "country", "authority", "baseUrl", "publicKey");

  public Pairing {
    if (id == null || !ID.matcher(id).matches()) {
      throw new InvalidRequest(
          "id", "partner id '" + id + "' must be 3-48 lower-case letters, digits or dashes");
    }
    if (country == null) {
      throw new InvalidRequest("country", "a pairing needs a country");
    }
    if (authority == null || authority.isBlank() || authority.length() > 200) {
      throw new InvalidRequest("authority", "authority must be 1-200 characters");
    }
    authority = authority.strip();
    baseUrl = checkedBaseUrl(baseUrl);
    try {
      InstanceKey.publicKey(publicKey);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequest("publicKey", "publicKey is not a base64 Ed25519 public key");
    }
    publicKey = publicKey.strip();
  }

  /** An http(s) URL with a host and no query, fragment or user part, without a trailing slash. */
  static String checkedBaseUrl(String baseUrl) {
    URI uri;
    try {
      uri = baseUrl == null ? null : new URI(baseUrl.strip());
    } catch (java.net.URISyntaxException e) {
      uri = null;
    }
    if (uri == null
        || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        || uri.getHost() == null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null
        || uri.getRawUserInfo() != null
        || baseUrl.length() > 500) {
      throw new InvalidRequest(
          "baseUrl", "base URL '" + baseUrl + "' is not an http or https URL of a host");
    }
    String text = uri.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  /** Reads a pairing text; any problem is an {@link InvalidRequest} naming the field. */
  public static Pairing parse(String text) {
    JsonNode node;
    try {
      node = text == null ? null : JSON.readTree(text);
    } catch (JacksonException e) {
      throw new InvalidRequest("pairing", "the pairing text is not JSON");
    }
    if (node == null || !node.isObject()) {
      throw new InvalidRequest("pairing", "the pairing text is not a JSON object");
    }
    for (String name : node.propertyNames()) {
      if (!FIELDS.contains(name)) {
        throw new InvalidRequest("pairing", "the pairing text has an unknown field '" + name + "'");
      }
    }
    return new Pairing(
        field(node, "id"),
        CountryCode.parse(field(node, "country"), "country"),
        field(node, "authority"),
        field(node, "baseUrl"),
        field(node, "publicKey"));
  }

  private static String field(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || !value.isString()) {
      throw new InvalidRequest(name, "the pairing text has no string field '" + name + "'");
    }
    return value.asString();
  }

  /** The pairing text: one JSON object. */
  public String toJson() {
    var fields = new LinkedHashMap<String, String>();
    fields.put("id", id);
    fields.put("country", country.alpha3());
    fields.put("authority", authority);
    fields.put("baseUrl", baseUrl);
    fields.put("publicKey", publicKey);
    return JSON.writeValueAsString(fields);
  }
}
